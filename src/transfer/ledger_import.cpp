#include "transfer/ledger_import.hpp"

#include "transfer/ledger_sheet.hpp"

namespace sanpi::transfer {
namespace {

core::Result<LedgerImportReport> Run(storage::Database& db, const core::Principal& caller,
                                     core::Result<LedgerSheet> sheet, ImportMode mode,
                                     const core::LedgerImportOptions& options) {
  if (!sheet.ok()) return sheet.status();
  LedgerImportReport report;
  report.mode = mode;
  report.sheet = sheet->layout.sheet;
  report.rows = static_cast<std::int64_t>(sheet->rows.size());
  // A commit plans inside its write transaction, so nothing changes between the plan and the write.
  auto tx = db.Begin(mode == ImportMode::kDryRun ? storage::Access::kRead : storage::Access::kWrite);
  core::LedgerWorld world = storage::LoadLedgerWorld(*tx, caller);
  report.plan = core::PlanLedgerImport(sheet->layout, std::move(sheet->rows), world, options);
  report.plan.sheet_problems = std::move(sheet->problems);
  if (mode == ImportMode::kDryRun || report.plan.Blocked()) return report;
  if (mode == ImportMode::kCommit && report.plan.invalid > 0) return report;
  auto written = storage::ApplyLedgerPlan(*tx, caller, report.plan, world);
  if (!written.ok()) return written.status();
  tx->Commit();
  report.written = *written;
  report.committed = true;
  return report;
}

}  // namespace

std::optional<ImportMode> ParseImportMode(std::string_view text) {
  if (text == "dry_run" || text.empty()) return ImportMode::kDryRun;
  if (text == "commit") return ImportMode::kCommit;
  if (text == "commit_valid") return ImportMode::kCommitValid;
  return std::nullopt;
}

core::Result<LedgerImportReport> ImportLedger(storage::Database& db, const core::Principal& caller, std::string bytes,
                                              ImportMode mode, const core::LedgerImportOptions& options) {
  return Run(db, caller, ReadLedgerSheet(std::move(bytes)), mode, options);
}

core::Result<LedgerImportReport> ImportLedgerFile(storage::Database& db, const core::Principal& caller,
                                                  const std::string& path, ImportMode mode,
                                                  const core::LedgerImportOptions& options) {
  return Run(db, caller, ReadLedgerFile(path), mode, options);
}

}  // namespace sanpi::transfer
