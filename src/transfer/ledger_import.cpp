#include "transfer/ledger_import.hpp"

#include <functional>
#include <optional>

#include "transfer/ledger_sheet.hpp"

namespace sanpi::transfer {
namespace {

using SheetStream = std::function<core::Result<LedgerSheet>(const LedgerHeaderSink&, const LedgerRowSink&)>;

// Each row is planned as soon as it is read. A commit writes the new projects as they are planned, so
// the server is storing them while the rest of the sheet is still being read; at the end, a commit
// that must not go ahead (a sheet problem, or an invalid row without kCommitValid) is rolled back.
core::Result<LedgerImportReport> Run(storage::Database& db, const core::Principal& caller, const SheetStream& stream,
                                     ImportMode mode, const core::LedgerImportOptions& options) {
  LedgerImportReport report;
  report.mode = mode;
  // A commit plans inside its write transaction, so nothing changes between the plan and the write.
  auto tx = db.Begin(mode == ImportMode::kDryRun ? storage::Access::kRead : storage::Access::kWrite);
  const core::LedgerWorld world = storage::LoadLedgerWorld(*tx, caller);
  std::optional<core::LedgerPlanner> planner;
  std::optional<storage::LedgerWriter> writer;
  auto header_read = [&](const LedgerSheet& sheet) {
    planner.emplace(sheet.layout, world, options);
    if (mode != ImportMode::kDryRun && sheet.problems.empty()) writer.emplace(*tx, caller, world);
  };
  auto keep = [&](core::LedgerRow row) {
    ++report.rows;
    core::PlannedRow& planned = planner->Plan(row);
    if (planned.action == core::RowAction::kInvalid && mode == ImportMode::kCommit) writer.reset();
    if (writer) writer->Stream(planned);
    return core::Status::Ok();
  };
  auto sheet = stream(header_read, keep);
  if (!sheet.ok()) return sheet.status();
  report.sheet = sheet->layout.sheet;
  if (planner) report.plan = planner->Finish();
  report.plan.sheet_problems = std::move(sheet->problems);
  if (mode == ImportMode::kDryRun || report.plan.Blocked()) return report;
  if (mode == ImportMode::kCommit && report.plan.invalid > 0) return report;
  if (!writer) return report;  // not reached: a header without problems made one
  auto written = writer->Finish(report.plan);
  if (!written.ok()) return written.status();
  writer.reset();
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
  auto stream = [&bytes](const LedgerHeaderSink& header_read, const LedgerRowSink& keep) {
    return StreamLedgerSheet(std::move(bytes), header_read, keep);
  };
  return Run(db, caller, stream, mode, options);
}

core::Result<LedgerImportReport> ImportLedgerFile(storage::Database& db, const core::Principal& caller,
                                                  const std::string& path, ImportMode mode,
                                                  const core::LedgerImportOptions& options) {
  auto stream = [&path](const LedgerHeaderSink& header_read, const LedgerRowSink& keep) {
    return StreamLedgerFile(path, header_read, keep);
  };
  return Run(db, caller, stream, mode, options);
}

}  // namespace sanpi::transfer
