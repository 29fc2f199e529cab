// Reverse scheduling 倒排工期 of a realistic 30-milestone graph, and the plan and progress arithmetic
// at the scale of issue 5 (100,000 projects).
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "core/investment_plan.hpp"
#include "core/investment_progress.hpp"
#include "core/reverse_schedule.hpp"

namespace sanpi::core {
namespace {

constexpr int kProjects = 100'000;

// A large industrial project: land, five approvals in parallel, the construction permit, four buildings
// each with its own structure track, three utility connections, three acceptances, then completion,
// trial run, production and designed output — 30 milestones with fan-out and fan-in.
std::vector<Milestone> ThirtyMilestones() {
  std::vector<Milestone> milestones;
  auto add = [&](std::string name, int days, std::vector<std::int64_t> predecessors) {
    Milestone milestone;
    milestone.id = static_cast<std::int64_t>(milestones.size()) + 1;
    milestone.project_id = 1;
    milestone.name = std::move(name);
    milestone.standard_days = days;
    milestone.predecessors = std::move(predecessors);
    milestones.push_back(std::move(milestone));
    return milestones.back().id;
  };
  auto land = add("拿地", 60, {});
  std::vector<std::int64_t> approvals;
  for (const char* approval : {"规划许可", "环评批复", "能评批复", "水土保持", "交通评价"})
    approvals.push_back(add(approval, 30, {land}));
  auto permit = add("施工许可", 20, approvals);
  auto start = add("开工", 15, {permit});
  std::vector<std::int64_t> toppings;
  for (int building = 1; building <= 4; ++building) {
    auto foundation = add(std::to_string(building) + "号楼基础完成", 60, {start});
    auto structure = add(std::to_string(building) + "号楼主体过半", 60, {foundation});
    toppings.push_back(add(std::to_string(building) + "号楼主体封顶", 60, {structure}));
  }
  std::vector<std::int64_t> before_completion = toppings;
  for (const char* utility : {"供水接入", "供电接入", "燃气接入"})
    before_completion.push_back(add(utility, 90, {start}));
  for (const char* acceptance : {"消防验收", "环保验收", "质量验收"})
    before_completion.push_back(add(acceptance, 30, toppings));
  auto completion = add("竣工", 30, before_completion);
  auto trial = add("试生产", 60, {completion});
  auto production = add("投产", 30, {trial});
  add("达效", 365, {production});
  return milestones;
}

void BM_ReverseSchedule30(benchmark::State& state) {
  const std::vector<Milestone> milestones = ThirtyMilestones();
  if (milestones.size() != 30) state.SkipWithError("the graph must have 30 milestones");
  for (auto _ : state) {
    auto schedule = ScheduleBackward(milestones, Date(2027, 12, 31), Date(2025, 3, 1));
    benchmark::DoNotOptimize(schedule);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(milestones.size()));
}
BENCHMARK(BM_ReverseSchedule30);

std::vector<Yuan> AnnualFigures() {
  std::mt19937_64 random(5);
  std::uniform_int_distribution<Yuan> annual(0, 5'000'000'000);  // up to 50亿
  std::vector<Yuan> figures(kProjects);
  for (auto& figure : figures) figure = annual(random);
  return figures;
}

template <class Decompose>
void RunDecomposition(benchmark::State& state, Decompose decompose) {
  const std::vector<Yuan> annual = AnnualFigures();
  for (auto _ : state) {
    Yuan checksum = 0;
    for (Yuan figure : annual) {
      auto months = decompose(figure);
      checksum += (*months)[1];
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(state.iterations() * kProjects);
}

void BM_DecomposeEven100k(benchmark::State& state) {
  RunDecomposition(state, [](Yuan annual) { return DecomposeEven(annual); });
}
BENCHMARK(BM_DecomposeEven100k)->Unit(benchmark::kMillisecond);

void BM_DecomposeSeasonal100k(benchmark::State& state) {
  const MonthWeights spring_festival_low{6, 4, 8, 9, 9, 9, 9, 9, 9, 9, 9, 10};
  RunDecomposition(state, [&](Yuan annual) { return DecomposeSeasonal(annual, spring_festival_low); });
}
BENCHMARK(BM_DecomposeSeasonal100k)->Unit(benchmark::kMillisecond);

void BM_DecomposeByMilestones100k(benchmark::State& state) {
  const std::vector<MilestoneStretch> stretches =
      StretchesBetween({Date(2025, 3, 15), Date(2025, 9, 30), Date(2026, 4, 30)});
  RunDecomposition(state, [&](Yuan annual) { return DecomposeByMilestones(annual, 2025, stretches); });
}
BENCHMARK(BM_DecomposeByMilestones100k)->Unit(benchmark::kMillisecond);

// The core of the monthly briefing: 100,000 project-years rolled up by 60 units, and the forecast list.
std::vector<ProjectYearFigures> ProjectYears() {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<Yuan> monthly(0, 50'000'000);
  std::uniform_int_distribution<int> unit(1, 60);
  std::vector<ProjectYearFigures> projects(kProjects);
  for (int i = 0; i < kProjects; ++i) {
    auto& project = projects[i];
    project.project_id = i + 1;
    project.key = "unit-" + std::to_string(unit(random));
    for (int month = 0; month < kMonthsPerYear; ++month) {
      project.planned[month] = monthly(random);
      project.completed[month] = monthly(random);
    }
    project.reports_due = 6;
    project.reports_on_time = static_cast<int>(random() % 7);
  }
  return projects;
}

void BM_RollUpByUnit100k(benchmark::State& state) {
  const auto projects = ProjectYears();
  for (auto _ : state) benchmark::DoNotOptimize(RollUp(projects, 6));
  state.SetItemsProcessed(state.iterations() * kProjects);
}
BENCHMARK(BM_RollUpByUnit100k)->Unit(benchmark::kMillisecond);

void BM_ForecastMissList100k(benchmark::State& state) {
  const auto projects = ProjectYears();
  const auto method = static_cast<ForecastMethod>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(ProjectsForecastToMiss(projects, 6, method));
  state.SetItemsProcessed(state.iterations() * kProjects);
  state.SetLabel(std::string(ForecastMethodCode(method)));
}
BENCHMARK(BM_ForecastMissList100k)
    ->Arg(static_cast<int>(ForecastMethod::kYtdRatio))
    ->Arg(static_cast<int>(ForecastMethod::kTrend))
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sanpi::core
