#include "core/investment_progress.hpp"

#include <algorithm>
#include <bit>

#include "core/monthly_report.hpp"

#include <algorithm>
#include <unordered_map>

namespace sanpi::core {
namespace {

using Wide = __int128;

int ClampMonth(int month) { return std::clamp(month, 0, kMonthsPerYear); }

// numerator ÷ denominator rounded to the nearest yuan, halves away from zero; denominator > 0.
Yuan DivideRounded(Wide numerator, Wide denominator) {
  Wide half = denominator / 2;
  return static_cast<Yuan>(numerator >= 0 ? (numerator + half) / denominator : (numerator - half) / denominator);
}

}  // namespace

std::optional<double> Ratio(Yuan numerator, Yuan denominator) {
  if (denominator == 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

void ProgressSummary::Add(const ProgressSummary& other) {
  projects += other.projects;
  planned_year += other.planned_year;
  planned_month += other.planned_month;
  planned_to_date += other.planned_to_date;
  completed_month += other.completed_month;
  completed_to_date += other.completed_to_date;
  reports_due += other.reports_due;
  reports_on_time += other.reports_on_time;
}

std::int64_t ReportsOwedMask(std::optional<Date> started_on, bool in_plan, int year) {
  if (!in_plan || !started_on || started_on->year() > year) return 0;
  const int from = started_on->year() < year ? 1 : static_cast<int>(started_on->month());
  return ((std::int64_t{1} << kMonthsPerYear) - 1) & ~((std::int64_t{1} << (from - 1)) - 1);
}

std::int64_t OverdueMonthsMask(int year, unsigned due_day, Date as_of) {
  std::int64_t mask = 0;
  for (unsigned m = 1; m <= kMonthsPerYear; ++m) {
    if (ReportTimeliness(ReportDueDate(year, m, due_day), std::nullopt, as_of).counts_as_due) {
      mask |= std::int64_t{1} << (m - 1);
    }
  }
  return mask;
}

void CountReports(ProgressSummary& summary, std::int64_t submitted_mask, std::int64_t on_time_mask,
                  std::int64_t owed_mask, std::int64_t overdue_mask, int through_month) {
  const int through = std::clamp(through_month, 0, kMonthsPerYear);
  const std::int64_t months = (std::int64_t{1} << through) - 1;
  const std::int64_t due = (submitted_mask | (owed_mask & overdue_mask)) & months;
  summary.reports_due = std::popcount(static_cast<std::uint64_t>(due));
  summary.reports_on_time = std::popcount(static_cast<std::uint64_t>(on_time_mask & due));
}

ProgressSummary Summarise(const ProjectYearFigures& figures, int month) {
  int through = ClampMonth(month);
  ProgressSummary summary;
  summary.key = figures.key;
  summary.projects = 1;
  summary.planned_year = PlannedThrough(figures.planned, kMonthsPerYear);
  summary.planned_to_date = PlannedThrough(figures.planned, through);
  summary.completed_to_date = PlannedThrough(figures.completed, through);
  if (through >= 1) {
    summary.planned_month = figures.planned[through - 1];
    summary.completed_month = figures.completed[through - 1];
  }
  summary.reports_due = figures.reports_due;
  summary.reports_on_time = figures.reports_on_time;
  return summary;
}

std::vector<ProgressSummary> RollUp(std::span<const ProjectYearFigures> figures, int month) {
  std::vector<ProgressSummary> rows;
  std::unordered_map<std::string_view, size_t> row_of_key;  // views into `figures`, which outlives the map
  for (const auto& project : figures) {
    ProgressSummary summary = Summarise(project, month);
    auto [slot, inserted] = row_of_key.try_emplace(project.key, rows.size());
    if (inserted) {
      rows.push_back(std::move(summary));
    } else {
      rows[slot->second].Add(summary);
    }
  }
  std::sort(rows.begin(), rows.end(), [](const ProgressSummary& a, const ProgressSummary& b) { return a.key < b.key; });
  return rows;
}

ProgressSummary RollUpTotal(std::span<const ProjectYearFigures> figures, int month) {
  ProgressSummary total;
  for (const auto& project : figures) {
    ProgressSummary summary = Summarise(project, month);
    total.Add(summary);
  }
  return total;
}

std::optional<double> TimeProgress(const MonthlyAmounts& planned, int month) {
  return Ratio(PlannedThrough(planned, ClampMonth(month)), PlannedThrough(planned, kMonthsPerYear));
}

double CalendarTimeProgress(Date as_of) {
  int year_start = Date(as_of.year(), 1, 1).DaysSinceEpoch();
  int next_year_start = Date(as_of.year() + 1, 1, 1).DaysSinceEpoch();
  return static_cast<double>(as_of.DaysSinceEpoch() - year_start + 1) / (next_year_start - year_start);
}

EarnedValue ComputeEarnedValue(Yuan total_investment, int progress_percent, Yuan planned_to_date,
                               Yuan cumulative_completed) {
  EarnedValue value;
  value.planned_value = planned_to_date;
  value.earned_value = DivideRounded(static_cast<Wide>(total_investment) * std::clamp(progress_percent, 0, 100), 100);
  value.actual_cost = cumulative_completed;
  return value;
}

std::string_view ForecastMethodCode(ForecastMethod method) {
  switch (method) {
    case ForecastMethod::kYtdRatio:
      return "ytd_ratio";
    case ForecastMethod::kTrend:
      return "trend";
    case ForecastMethod::kPlanRemaining:
      return "plan_remaining";
  }
  return "ytd_ratio";
}

std::optional<ForecastMethod> ParseForecastMethod(std::string_view code) {
  if (code == "ytd_ratio") return ForecastMethod::kYtdRatio;
  if (code == "trend") return ForecastMethod::kTrend;
  return std::nullopt;
}

YearForecast ForecastYear(const MonthlyAmounts& planned, const MonthlyAmounts& completed, int month,
                          ForecastMethod method) {
  int through = ClampMonth(month);
  YearForecast result;
  result.method = method;
  result.planned_year = PlannedThrough(planned, kMonthsPerYear);
  result.completed_to_date = PlannedThrough(completed, through);
  Yuan planned_to_date = PlannedThrough(planned, through);

  if (through == kMonthsPerYear) {  // the year is over: nothing left to forecast
    result.forecast = result.completed_to_date;
    return result;
  }
  // Nothing reported yet, or no plan to date for the ratio: assume the rest of the plan will be delivered.
  bool ratio_undefined = method == ForecastMethod::kYtdRatio && planned_to_date == 0;
  if (through == 0 || ratio_undefined || method == ForecastMethod::kPlanRemaining) {
    result.method = ForecastMethod::kPlanRemaining;
    result.forecast = result.completed_to_date + (result.planned_year - planned_to_date);
    return result;
  }
  if (method == ForecastMethod::kYtdRatio) {
    result.forecast = DivideRounded(static_cast<Wide>(result.planned_year) * result.completed_to_date, planned_to_date);
    return result;
  }
  int first = std::max(1, through - 2);  // the last three months, fewer early in the year
  int window = through - first + 1;
  Yuan recent = 0;
  for (int m = first; m <= through; ++m) recent += completed[m - 1];
  result.forecast =
      result.completed_to_date + DivideRounded(static_cast<Wide>(recent) * (kMonthsPerYear - through), window);
  return result;
}

std::vector<ForecastMiss> ProjectsForecastToMiss(std::span<const ProjectYearFigures> figures, int month,
                                                 ForecastMethod method) {
  std::vector<ForecastMiss> misses;
  for (const auto& project : figures) {
    YearForecast forecast = ForecastYear(project.planned, project.completed, month, method);
    if (forecast.WillMiss()) misses.push_back({project.project_id, forecast});
  }
  std::sort(misses.begin(), misses.end(), [](const ForecastMiss& a, const ForecastMiss& b) {
    if (a.forecast.Shortfall() != b.forecast.Shortfall()) return a.forecast.Shortfall() > b.forecast.Shortfall();
    return a.project_id < b.project_id;
  });
  return misses;
}

}  // namespace sanpi::core
