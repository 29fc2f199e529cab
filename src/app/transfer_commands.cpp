// `sanpi import ledger` and `sanpi export ledger`: the ledger spreadsheet from the console. The
// operator acts as the region's project office (role office, region scope), like `user add`.
#include <iostream>

#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "core/ledger_plan.hpp"
#include "storage/database.hpp"
#include "storage/region_repository.hpp"
#include "transfer/ledger_export.hpp"
#include "transfer/ledger_import.hpp"

namespace sanpi::app {
namespace {

std::unique_ptr<storage::Database> OpenRegion(const std::string& url, const std::string& region, core::Status& status) {
  auto db = storage::Open(url);
  if (!db.ok()) {
    status = db.status();
    return nullptr;
  }
  auto tx = (*db)->Begin(storage::Access::kRead);
  if (auto found = storage::RegionRepository(*tx).Get(region); !found.ok()) {
    status = found.status();
    return nullptr;
  }
  return std::move(db).value();
}

}  // namespace

int RunImportLedger(const ImportLedgerOptions& options) {
  core::Status status;
  auto db = OpenRegion(options.db, options.region, status);
  if (!db) return Fail(status);
  core::LedgerImportOptions plan_options;
  plan_options.today = core::Date::Today();
  plan_options.year = options.year > 0 ? options.year : plan_options.today.year();
  auto mode = options.dry_run ? transfer::ImportMode::kDryRun
              : options.only_valid ? transfer::ImportMode::kCommitValid
                                   : transfer::ImportMode::kCommit;
  auto report = transfer::ImportLedgerFile(*db, ConsolePrincipal(options.region), options.file, mode, plan_options);
  if (!report.ok()) return Fail(report.status());
  const auto& plan = report->plan;
  for (const auto& p : plan.warnings) {
    std::cout << "warning\t" << p.sheet << "\t" << p.row << "\t" << p.column << "\t" << p.reason.zh << " / " << p.reason.en
              << "\n";
  }
  for (const auto& p : plan.Problems()) {
    std::cout << "problem\t" << p.sheet << "\t" << p.row << "\t" << p.column << "\t" << p.value << "\t" << p.reason.zh
              << " / " << p.reason.en << "\n";
  }
  std::cout << "sheet " << report->sheet << ": " << report->rows << " rows; create " << plan.creates << ", update "
            << plan.updates << ", unchanged " << plan.unchanged << ", invalid " << plan.invalid
            << "; roster entries create " << plan.entries_created << ", update " << plan.entries_updated
            << "; new enterprises " << plan.new_enterprises.size() << "\n";
  if (mode == transfer::ImportMode::kDryRun) {
    std::cout << "dry run: nothing written\n";
    return plan.Blocked() || plan.invalid > 0 ? 2 : 0;
  }
  if (!report->committed) {
    std::cout << "nothing written: fix the problems above, or import only the valid rows with --only-valid\n";
    return 2;
  }
  const auto& w = report->written;
  std::cout << "written: " << w.created << " created, " << w.updated << " updated, " << w.entries_created
            << " roster entries created, " << w.entries_updated << " corrected, " << w.enterprises_created
            << " enterprises registered\n";
  return 0;
}

int RunExportLedger(const ExportLedgerOptions& options) {
  core::Status status;
  auto db = OpenRegion(options.db, options.region, status);
  if (!db) return Fail(status);
  storage::LedgerQuery query;
  query.text = options.text;
  query.industry = options.industry;
  query.unit_id = options.unit_id;
  query.leader_id = options.leader_id;
  query.period = options.period;
  if (!options.stage.empty()) {
    query.stage = core::ParseStage(options.stage);
    if (!query.stage) return Fail(core::Status::InvalidField("stage", {"未知阶段", "unknown stage"}));
  }
  if (!options.batch.empty()) {
    query.batch = core::ParseBatch(options.batch);
    if (!query.batch) return Fail(core::Status::InvalidField("batch", {"未知批次", "unknown batch"}));
  }
  if (options.min_investment >= 0) query.min_investment = options.min_investment;
  if (options.max_investment >= 0) query.max_investment = options.max_investment;
  auto tx = db->Begin(storage::Access::kRead);
  auto count = transfer::ExportLedger(*tx, ConsolePrincipal(options.region), query, options.out);
  if (!count.ok()) return Fail(count.status());
  std::cerr << "sanpi: " << *count << " projects → " << options.out << "\n";
  return 0;
}

}  // namespace sanpi::app
