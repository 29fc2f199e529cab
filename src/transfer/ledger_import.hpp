#pragma once
// The ledger import from end to end: read the sheet, load the zone's records, plan every row and —
// unless it is a dry run — write the plan in one transaction. By default nothing is written while
// any row is invalid; kCommitValid writes the valid rows and leaves the rest.
#include <string>

#include "core/access.hpp"
#include "core/ledger_plan.hpp"
#include "storage/database.hpp"
#include "storage/ledger_import_store.hpp"

namespace sanpi::transfer {

enum class ImportMode { kDryRun, kCommit, kCommitValid };
std::optional<ImportMode> ParseImportMode(std::string_view text);  // dry_run | commit | commit_valid

struct LedgerImportReport {
  ImportMode mode = ImportMode::kDryRun;
  std::string sheet;
  std::int64_t rows = 0;       // data rows read
  core::LedgerPlan plan;
  bool committed = false;      // something was written (or, for an all-valid file, nothing needed to be)
  storage::LedgerWriteCounts written;
};

// `caller` must be allowed to write his region's projects and rosters (the route's permission);
// the plan only sees the projects in his scope. Malformed/TooLarge when the bytes are not a usable
// .xlsx; Conflict when a project changed under the commit. Problems with rows are in the report.
core::Result<LedgerImportReport> ImportLedger(storage::Database& db, const core::Principal& caller, std::string bytes,
                                              ImportMode mode, const core::LedgerImportOptions& options);
// The same from a file (the CLI).
core::Result<LedgerImportReport> ImportLedgerFile(storage::Database& db, const core::Principal& caller,
                                                  const std::string& path, ImportMode mode,
                                                  const core::LedgerImportOptions& options);

}  // namespace sanpi::transfer
