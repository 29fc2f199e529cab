#pragma once
// Evaluation on every relevant change: after a write that succeeded, the warnings it may open, raise or clear are
// evaluated again at once, so a unit that files its late report sees the warning close on the next page load
// rather than after the night's sweep.
//  - A write under /api/v1/projects/{id}/… (the project, its stage, plans, reports, milestones, checklist) or a
//    new project: that project alone (storage::SweepProject, a few milliseconds).
//  - A committed import, new warning rules or a new report due day: the whole region (storage::Sweep).
// The change itself is already committed: a failure here is logged, never returned, and the daily sweep makes up
// for it.
#include "http/message.hpp"
#include "http/router.hpp"

namespace sanpi::http {

struct Context;

void RefreshWarningsAfter(const Route& route, const Context& ctx, const Response& response);

}  // namespace sanpi::http
