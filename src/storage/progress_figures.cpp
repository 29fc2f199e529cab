#include "storage/progress_figures.hpp"

#include <algorithm>
#include <numeric>

#include "core/monthly_report.hpp"

namespace sanpi::storage {
namespace {

constexpr std::string_view kCodes[] = {"unit", "industry", "batch", "period", "region"};

bool RegionWideSight(const core::Principal& caller) {
  return caller.scope == core::DataScope::kRegion || caller.scope == core::DataScope::kRegionAndBelow;
}

}  // namespace

std::optional<ProgressDimension> ParseProgressDimension(std::string_view code) {
  for (size_t i = 0; i < std::size(kCodes); ++i)
    if (kCodes[i] == code) return static_cast<ProgressDimension>(i);
  return std::nullopt;
}

std::string_view ProgressDimensionCode(ProgressDimension dimension) { return kCodes[static_cast<size_t>(dimension)]; }

bool SeesProject(const core::Principal& caller, const ProjectYearFacts& facts) {
  if (caller.roles.size() == 1 && caller.Has(core::Role::kEnterprise)) return facts.enterprise_id == caller.enterprise_id;
  if (caller.scope == core::DataScope::kSelf && caller.Has(core::Role::kLeader)) {
    return facts.leader_id == caller.user_id || facts.created_by == caller.user_id;
  }
  switch (caller.scope) {
    case core::DataScope::kSelf: return facts.created_by == caller.user_id;
    case core::DataScope::kUnit: return facts.unit_id == caller.unit_id;
    case core::DataScope::kUnitAndBelow:
      return !caller.unit_path.empty() && facts.unit_path.starts_with(caller.unit_path);
    case core::DataScope::kRegion:
    case core::DataScope::kRegionAndBelow: return true;
  }
  return false;
}

ProgressTable RollUpProgress(const ProgressYear& year, const core::Principal& caller, int month, ProgressDimension by,
                             core::Date as_of) {
  ProgressTable table;
  table.year = year.year;
  table.month = month;
  table.by = by;
  const GroupLabels* labels = nullptr;
  switch (by) {
    case ProgressDimension::kUnit: labels = &year.units; break;
    case ProgressDimension::kIndustry: labels = &year.industries; break;
    case ProgressDimension::kBatch: labels = &year.batches; break;
    case ProgressDimension::kPeriod: labels = &year.periods; break;
    case ProgressDimension::kRegion: break;
  }
  const size_t groups = labels ? labels->entries.size() : 1;
  std::vector<core::ProgressSummary> sums(groups);
  std::vector<bool> used(groups, false);

  const std::int64_t overdue_months = core::OverdueMonthsMask(year.year, year.due_day, as_of);
  const bool everything = RegionWideSight(caller);

  for (size_t i = 0; i < year.figures.size(); ++i) {
    const auto& facts = year.facts[i];
    if (!everything && !SeesProject(caller, facts)) continue;
    size_t group = 0;
    switch (by) {
      case ProgressDimension::kUnit: group = facts.unit_group; break;
      case ProgressDimension::kIndustry: group = facts.industry_group; break;
      case ProgressDimension::kBatch: group = facts.batch_group; break;
      case ProgressDimension::kPeriod: group = facts.period_group; break;
      case ProgressDimension::kRegion: group = 0; break;
    }
    core::ProgressSummary summary = core::Summarise(year.figures[i], month);
    core::CountReports(summary, facts.submitted_mask, facts.on_time_mask, facts.owed_mask, overdue_months, month);
    sums[group].Add(summary);
    used[group] = true;
  }

  std::vector<size_t> order;
  for (size_t g = 0; g < groups; ++g)
    if (used[g]) order.push_back(g);
  auto label_of = [&](size_t g) { return labels ? labels->entries[g].second : year.region_name; };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return label_of(a) < label_of(b); });
  for (size_t g : order) {
    sums[g].key = labels ? labels->entries[g].first : year.region_code;
    table.total.Add(sums[g]);
    table.rows.push_back(std::move(sums[g]));
    table.labels.push_back(label_of(g));
  }
  table.total.key = "";
  return table;
}

ForecastList ForecastMisses(const ProgressYear& year, const core::Principal& caller, int month,
                            core::ForecastMethod method, int limit, int offset) {
  ForecastList list;
  list.method = method;
  std::vector<core::ForecastMiss> misses;
  if (RegionWideSight(caller)) {
    misses = core::ProjectsForecastToMiss(year.figures, month, method);
  } else {
    std::vector<core::ProjectYearFigures> visible;
    for (size_t i = 0; i < year.figures.size(); ++i)
      if (SeesProject(caller, year.facts[i])) visible.push_back(year.figures[i]);
    misses = core::ProjectsForecastToMiss(visible, month, method);
  }
  list.total = static_cast<std::int64_t>(misses.size());
  const size_t from = std::min(misses.size(), static_cast<size_t>(std::max(offset, 0)));
  const size_t to = std::min(misses.size(), from + static_cast<size_t>(std::max(limit, 0)));
  for (size_t i = from; i < to; ++i) {
    // figures are sorted by project id (the load orders by it).
    auto it = std::lower_bound(year.figures.begin(), year.figures.end(), misses[i].project_id,
                               [](const core::ProjectYearFigures& f, std::int64_t id) { return f.project_id < id; });
    const auto& facts = year.facts[static_cast<size_t>(it - year.figures.begin())];
    list.items.push_back({misses[i].project_id, facts.code, facts.name,
                          year.units.entries[facts.unit_group].second, misses[i].forecast});
  }
  return list;
}

}  // namespace sanpi::storage
