#pragma once
// The storage side of the ledger import (core/ledger_plan.hpp): loads the zone's records the plan
// is made against, and writes an accepted plan — new enterprises, projects, roster entries and one
// audit record per change — in the caller's transaction, in bulk statements so that 100,000 rows
// commit in seconds on either backend. Raises the region's revision (roster_cache.hpp).
#include <cstdint>

#include "core/access.hpp"
#include "core/ledger_plan.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

// Everything but the projects: enterprises, units, active users, periods, roster entries and
// adjustments of the caller's region.
void LoadLedgerReferences(Transaction& tx, const core::Principal& caller, core::LedgerWorld& world);
// The references and every project the caller can see.
core::LedgerWorld LoadLedgerWorld(Transaction& tx, const core::Principal& caller);

struct LedgerWriteCounts {
  std::int64_t created = 0, updated = 0, entries_created = 0, entries_updated = 0, enterprises_created = 0;
};

// Writes the rows planned as create or update (invalid and unchanged rows are skipped: whether to
// write at all while some rows are invalid is the caller's decision). Conflict when a project was
// changed since the world was loaded; Invalid when an enterprise cannot be registered.
core::Result<LedgerWriteCounts> ApplyLedgerPlan(Transaction& tx, const core::Principal& caller, core::LedgerPlan& plan,
                                                const core::LedgerWorld& world);

}  // namespace sanpi::storage
