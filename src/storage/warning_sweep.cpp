#include "storage/warning_sweep.hpp"

#include <chrono>
#include <future>
#include <memory>
#include <mutex>

#include "core/warning_evaluation.hpp"
#include "core/warning_lifecycle.hpp"
#include "storage/warning_facts.hpp"
#include "storage/warning_repository.hpp"
#include "storage/warning_rule_repository.hpp"

namespace sanpi::storage {
namespace {

constexpr int kAttempts = 3;

void Count(SweepCounts& counts, const std::vector<core::WarningEvent>& events) {
  using Kind = core::WarningEventKind;
  for (const core::WarningEvent& event : events) {
    switch (event.kind) {
      case Kind::kOpened: ++counts.opened; break;
      case Kind::kEscalated: ++counts.escalated; break;
      case Kind::kDeescalated: ++counts.de_escalated; break;
      case Kind::kClosed: ++counts.closed; break;
      case Kind::kOrderIssued: ++counts.orders_issued; break;
      case Kind::kOrderOverdue: ++counts.orders_overdue; break;
      default: break;  // people's actions are not the sweep's
    }
  }
}

std::mutex& RegionSweepTurn() {
  static std::mutex turn;
  return turn;
}

double SecondsSince(std::chrono::steady_clock::time_point& start) {
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - start).count();
  start = now;
  return seconds;
}

// One sweep of the region, or of one project of it when `project_id` is not 0: its conditions are reconciled
// with its own open warnings only, so the rest of the region is left as it is.
core::Result<SweepCounts> SweepOnce(Database& db, const std::string& region_code, core::Date as_of,
                                    std::int64_t project_id) {
  auto clock = std::chrono::steady_clock::now();
  SweepCounts counts;
  std::vector<core::Warning> warnings;
  // A whole region: its open warnings are read on a second connection while this one reads the facts (the two
  // reads take about as long each, and there are two cores). A warning changed by someone in between fails the
  // versioned update (Conflict) and the sweep runs again. Region sweeps take turns, so that they can never hold
  // every pooled connection while each waits for its second one. One project: one connection.
  std::unique_lock<std::mutex> turn(RegionSweepTurn(), std::defer_lock);
  std::future<std::vector<core::Warning>> open_warnings;
  if (project_id == 0) {
    turn.lock();
    std::shared_ptr<Transaction> read = db.Begin(Access::kRead);
    open_warnings = std::async(std::launch::async, [read, &region_code]() mutable {
      std::vector<core::Warning> found = WarningRepository(*read).OpenWarnings(region_code);
      read.reset();  // the connection goes back to the pool now, not when the future dies
      return found;
    });
  }
  auto tx = db.Begin(Access::kWrite);
  const WarningRuleSettings settings = WarningRuleRepository(*tx).Get(region_code);
  RegionWarningFacts facts = LoadWarningFacts(*tx, region_code, as_of, project_id);
  counts.stages.load = SecondsSince(clock);

  // Today's conditions are found while the other connection may still be reading the open warnings.
  counts.projects = static_cast<std::int64_t>(facts.projects.size());
  std::vector<core::WarningCondition> conditions =
      core::SweepWarnings(facts.projects, settings.rules, as_of, facts.report_due_day);
  counts.conditions = static_cast<std::int64_t>(conditions.size());
  facts.projects = {};  // the facts are no longer needed: free them before the warnings grow
  counts.stages.evaluate = SecondsSince(clock);

  WarningRepository repository(*tx);
  warnings = project_id == 0 ? open_warnings.get() : repository.OpenWarnings(region_code, project_id);
  counts.stages.load += SecondsSince(clock);
  core::Reconciliation result =
      core::Reconcile(warnings, std::move(conditions), as_of, settings.rules.supervision_reply_days());
  counts.stages.evaluate += SecondsSince(clock);

  if (auto status = repository.StoreReconciled(region_code, warnings, result); !status.ok()) return status;
  tx->Commit();
  counts.stages.store = SecondsSince(clock);
  Count(counts, result.events);
  counts.updated = static_cast<std::int64_t>(result.changed.size());
  for (const core::Warning& warning : warnings) counts.open += warning.open() ? 1 : 0;
  return counts;
}

core::Result<SweepCounts> SweepWithRetries(Database& db, const std::string& region_code, core::Date as_of,
                                           std::int64_t project_id) {
  for (int attempt = 1;; ++attempt) {
    auto counts = SweepOnce(db, region_code, as_of, project_id);
    if (counts.ok() || counts.status().code() != core::Code::kConflict || attempt == kAttempts) return counts;
  }
}

}  // namespace

core::Result<SweepCounts> Sweep(Database& db, const std::string& region_code, core::Date as_of) {
  return SweepWithRetries(db, region_code, as_of, 0);
}

core::Result<SweepCounts> SweepProject(Database& db, std::int64_t project_id, core::Date as_of) {
  std::string region_code;
  {
    auto tx = db.Begin(Access::kRead);
    const Rows rows = tx->Query("SELECT region_code FROM projects WHERE id = $1", {project_id});
    if (rows.empty()) return SweepCounts{};
    region_code = rows.front().Text(0);
  }
  return SweepWithRetries(db, region_code, as_of, project_id);
}

std::vector<std::string> RegionsToSweep(Database& db) {
  auto tx = db.Begin(Access::kRead);
  std::vector<std::string> regions;
  for (auto row : tx->Query("SELECT DISTINCT region_code FROM projects ORDER BY region_code")) regions.push_back(row.Text(0));
  return regions;
}

}  // namespace sanpi::storage
