#pragma once
// The demo zone's campaign: seven periods, the seed report's period-7 roster (37 projects in force
// after the adjustments, plus one withdrawn) with every stage represented, a few reserve projects,
// checklists — and, for benchmarks, a generator of a province-scale ledger.
#include "core/access.hpp"
#include "core/status.hpp"
#include "storage/database.hpp"

namespace sanpi::demo {

// Needs the demo zone's units (YQ, JFJ, ZJJ, SF), users leader1…leader3 and enterprises in place.
// Writes through the repositories, so everything is validated and audited.
core::Status SeedDemoCampaign(storage::Transaction& tx, const core::Principal& office);

// `count` more projects in the office's region, about one in seven on a roster of periods 1–7,
// written in bulk (multi-row INSERTs of prepared statements, one transaction, no audit rows).
// Deterministic: the same count gives the same data.
core::Status GenerateProjects(storage::Transaction& tx, const core::Principal& office, int count);

}  // namespace sanpi::demo
