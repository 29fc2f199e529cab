#pragma once
// The storage side of the ledger import (core/ledger_plan.hpp): loads the zone's records the plan
// is made against, and writes an accepted plan — new enterprises, projects, roster entries and one
// audit record per change — in the caller's transaction, in bulk statements so that 100,000 rows
// commit in seconds on either backend. Raises the region's revision (roster_cache.hpp).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/ledger_plan.hpp"
#include "storage/database.hpp"
#include "storage/id_run.hpp"

namespace sanpi::storage {

// Everything but the projects: enterprises, units, active users, periods, roster entries and
// adjustments of the caller's region.
void LoadLedgerReferences(Transaction& tx, const core::Principal& caller, core::LedgerWorld& world);
// The references and every project the caller can see.
core::LedgerWorld LoadLedgerWorld(Transaction& tx, const core::Principal& caller);

struct LedgerWriteCounts {
  std::int64_t created = 0, updated = 0, entries_created = 0, entries_updated = 0, enterprises_created = 0;
};

// Writes an accepted plan. A commit may hand it each new project as soon as it is planned, while the
// sheet is still being read (Stream): those go straight into a bulk insert (COPY on PostgreSQL) that
// the server works through meanwhile. Finish writes everything else. Nothing else may run on the
// transaction in between. Abandoning the writer (destroying it before Finish) aborts the bulk insert:
// the transaction must then be rolled back.
class LedgerWriter {
 public:
  LedgerWriter(Transaction& tx, const core::Principal& caller, const core::LedgerWorld& world);
  ~LedgerWriter();
  LedgerWriter(const LedgerWriter&) = delete;
  LedgerWriter& operator=(const LedgerWriter&) = delete;

  // A row planned as create, written now; the row gets its project id. An enterprise the import
  // registers gets its id now and is written by Finish: on PostgreSQL the check of that reference
  // waits for the commit (the key is deferrable); SQLite checks it as the row goes in, so there such a
  // row waits for Finish too.
  void Stream(core::PlannedRow& row);
  // Writes the rows planned as create or update that are not written yet (invalid and unchanged rows
  // are skipped: whether to write at all while some rows are invalid is the caller's decision), the
  // roster entries and the audit records. Conflict when a project was changed since the world was
  // loaded; Invalid when an enterprise cannot be registered.
  core::Result<LedgerWriteCounts> Finish(core::LedgerPlan& plan);

 private:
  void Add(core::PlannedRow& row);
  // The id of the plan's new enterprise `index`, given at its first need from a run of its own.
  std::int64_t NewEnterpriseId(int index);
  void EndCopy();

  Transaction& tx_;
  const core::Principal& caller_;
  const core::LedgerWorld& world_;
  const std::string now_;
  std::unique_ptr<IdRun> ids_;
  std::unique_ptr<BulkWriter> projects_;
  std::unique_ptr<IdRun> enterprise_ids_;
  std::vector<std::int64_t> new_enterprise_ids_;  // by index into LedgerPlan::new_enterprises; 0 until needed
  Params values_;
};

}  // namespace sanpi::storage
