#pragma once
// Evaluation on every relevant change: after a write that succeeded, the warnings it may open, raise or clear are
// evaluated again at once, so a unit that files its late report sees the warning close on the next page load
// rather than after the night's sweep.
//  - A write under /api/v1/projects/{id}/… (the project, its stage, plans, reports, milestones, checklist) or a
//    new project: that project alone (storage::SweepProject, a few milliseconds).
//  - A committed import, new warning rules or a new report due day: the whole region (storage::Sweep), handed to
//    the sweep scheduler when the server runs one.
// The change itself is already committed: a failure here is logged, never returned, and the daily sweep makes up
// for it.
#include <functional>
#include <string>

#include "http/message.hpp"
#include "http/router.hpp"

namespace sanpi::http {

struct Context;

// `sweep_region`, when given, takes the region-wide refresh (it can take seconds at province scale) off the
// request; otherwise the request does it before answering.
void RefreshWarningsAfter(const Route& route, const Context& ctx, const Response& response,
                          const std::function<void(const std::string&)>& sweep_region);

}  // namespace sanpi::http
