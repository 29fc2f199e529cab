// The daily early-warning sweep (issue 6) at zone-wide scale: 100,000 projects, each with an annual plan,
// eight milestones, monthly reports and a few open problems — evaluated, then reconciled with yesterday's
// warnings. Budget: well under 2 s for the whole sweep.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "core/outbox.hpp"
#include "core/warning_evaluation.hpp"
#include "core/warning_lifecycle.hpp"

namespace sanpi::core {
namespace {

constexpr int kProjects = 100'000;
const Date kToday(2025, 6, 20);

std::vector<WarningFacts> Zone() {
  std::mt19937_64 random(6);
  auto chance = [&](int percent) { return static_cast<int>(random() % 100) < percent; };
  auto days_before = [&](int max_days) { return kToday.AddDays(-static_cast<int>(random() % max_days)); };
  std::vector<WarningFacts> zone(kProjects);
  for (int i = 0; i < kProjects; ++i) {
    WarningFacts& facts = zone[i];
    facts.project_id = i + 1;
    facts.project_name = "重点项目" + std::to_string(i + 1) + "号智能制造产业园";
    facts.lead_unit_id = 1 + i % 40;
    facts.leader_id = 100 + i % 25;
    facts.total_investment = static_cast<Yuan>(random() % 2'000'000'000);
    StageRecord& progress = facts.progress;
    progress.signed_on = days_before(900);
    progress.stage = Stage::kSigned;
    if (chance(75)) {
      progress.fulfilled_on = progress.signed_on;
      progress.started_on = progress.signed_on->AddDays(60);
      progress.stage = Stage::kStarted;
      if (chance(40)) {
        progress.producing_on = progress.started_on->AddDays(200);
        progress.stage = Stage::kProducing;
      }
    }
    facts.in_stats_db = chance(85);
    facts.plan_year = 2025;
    for (int m = 0; m < 12; ++m) {
      facts.planned[m] = facts.total_investment / 24;
      facts.completed[m] = m < 5 ? facts.planned[m] * static_cast<Yuan>(random() % 130) / 100 : 0;
    }
    facts.reports_from_year = 2025;
    facts.reports_from_month = 1;
    for (unsigned m = 1; m <= 5; ++m)
      if (chance(95)) facts.reports.push_back({2025, m, ReportDueDate(2025, m).AddDays(chance(80) ? -2 : 3)});
    for (int k = 0; k < 8; ++k) {
      Date planned = progress.signed_on->AddDays(60 * (k + 1));
      std::optional<Date> actual;
      if (planned < kToday && chance(80)) actual = planned.AddDays(static_cast<int>(random() % 20));
      facts.milestones.push_back({k + 1, "节点" + std::to_string(k + 1), planned, actual});
    }
    for (int k = 0; k < 2; ++k)
      facts.open_items.push_back({k == 0 ? SubjectKind::kProblem : SubjectKind::kTask, i * 10 + k,
                                  "要素保障问题", days_before(60).AddDays(30), std::nullopt, 0});
  }
  return zone;
}

const std::vector<WarningFacts>& SharedZone() {
  static const std::vector<WarningFacts> zone = Zone();
  return zone;
}

void BM_EvaluateSweep(benchmark::State& state) {
  const auto& zone = SharedZone();
  const RuleSet rules = RuleSet::Defaults();
  std::vector<WarningCondition> conditions;
  for (auto _ : state) {
    conditions.clear();
    for (const WarningFacts& facts : zone) EvaluateWarnings(facts, rules, kToday, kDefaultReportDueDay, conditions);
    benchmark::DoNotOptimize(conditions.data());
  }
  state.counters["conditions"] = static_cast<double>(conditions.size());
  state.SetItemsProcessed(state.iterations() * kProjects);
}
BENCHMARK(BM_EvaluateSweep)->Unit(benchmark::kMillisecond);

// Steady state: yesterday's open warnings, today's conditions (one more day late for most).
void BM_ReconcileSweep(benchmark::State& state) {
  const auto& zone = SharedZone();
  const RuleSet rules = RuleSet::Defaults();
  std::vector<Warning> yesterday;
  Reconcile(yesterday, SweepWarnings(zone, rules, kToday.AddDays(-1)), kToday.AddDays(-1));
  const std::vector<WarningCondition> today = SweepWarnings(zone, rules, kToday);
  size_t events = 0, changed = 0;
  std::vector<Warning> warnings;
  std::vector<WarningCondition> conditions;
  Reconciliation result;
  for (auto _ : state) {
    state.PauseTiming();
    warnings = yesterday;  // the copies, and freeing the last round, are the loader's business: not timed
    conditions = today;
    result = {};
    state.ResumeTiming();
    result = Reconcile(warnings, std::move(conditions), kToday);
    events = result.events.size();
    changed = result.changed.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["open_warnings"] = static_cast<double>(yesterday.size());
  state.counters["changed"] = static_cast<double>(changed);
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_ReconcileSweep)->Unit(benchmark::kMillisecond);

// The whole daily job minus I/O: evaluate every project, reconcile, build a webhook payload per event.
void BM_DailySweep(benchmark::State& state) {
  const auto& zone = SharedZone();
  const RuleSet rules = RuleSet::Defaults();
  std::vector<Warning> yesterday;
  Reconcile(yesterday, SweepWarnings(zone, rules, kToday.AddDays(-1)), kToday.AddDays(-1));
  std::vector<Warning> warnings;
  std::vector<WarningCondition> today;
  Reconciliation result;
  for (auto _ : state) {
    state.PauseTiming();
    warnings = yesterday;
    today.clear();
    result = {};
    state.ResumeTiming();
    for (const WarningFacts& facts : zone) EvaluateWarnings(facts, rules, kToday, kDefaultReportDueDay, today);
    result = Reconcile(warnings, std::move(today), kToday);
    size_t bytes = 0;
    for (const WarningEvent& event : result.events) bytes += PayloadFor(Channel::kWecom, event, "id").size();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(state.iterations() * kProjects);
}
BENCHMARK(BM_DailySweep)->Unit(benchmark::kMillisecond);

// First sweep ever: every condition opens a warning (the worst case for allocation).
void BM_FirstSweep(benchmark::State& state) {
  const auto& zone = SharedZone();
  const RuleSet rules = RuleSet::Defaults();
  for (auto _ : state) {
    std::vector<Warning> warnings;
    Reconciliation result = Reconcile(warnings, SweepWarnings(zone, rules, kToday), kToday);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_FirstSweep)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sanpi::core
