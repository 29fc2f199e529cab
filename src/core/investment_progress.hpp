#pragma once
// 投资完成率, 序时进度, roll-ups, earned value and the year-end forecast — pure arithmetic over plans and
// reported completions, shaped for large batches (100,000 projects: one pass, no allocation per project).
//
// Rates are fractions (0.853 = 85.3 %) as std::optional<double>: nullopt when the plan they divide by is
// zero — "no plan" is not 0 % nor 100 % complete, and the pages show "—". A roll-up's rate is
// Σcompleted ÷ Σplanned over its projects (weighted by money), never the mean of the projects' rates.
//
// `month` arguments are the month the figures are as of: 1–12, 0 meaning "before January" (nothing due
// yet); larger values are treated as 12.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/investment_plan.hpp"
#include "core/money.hpp"

namespace sanpi::core {

// numerator ÷ denominator; nullopt when the denominator is zero.
std::optional<double> Ratio(Yuan numerator, Yuan denominator);

// One project's year: its monthly plan and its reported completions (0 for a month without a report),
// plus the report counts for 报表报送效率 and the key the caller groups by (unit id, industry, batch,
// period, region code … as text; one row per key, so a project in two batches appears twice).
struct ProjectYearFigures {
  std::int64_t project_id = 0;
  std::string key{};
  MonthlyAmounts planned{};
  MonthlyAmounts completed{};
  int reports_due = 0;      // reports that count as due (see Timeliness::counts_as_due)
  int reports_on_time = 0;  // of those, first submitted on or before the due date
};

// Sums for one project or one group, as of a month.
struct ProgressSummary {
  std::string key{};
  int projects = 0;
  Yuan planned_year = 0;       // 年度计划
  Yuan planned_month = 0;      // 当月计划
  Yuan planned_to_date = 0;    // 1..M月计划
  Yuan completed_month = 0;    // 当月完成
  Yuan completed_to_date = 0;  // 1..M月完成 (year to date)
  int reports_due = 0;
  int reports_on_time = 0;

  std::optional<double> MonthRate() const { return Ratio(completed_month, planned_month); }
  std::optional<double> YearToDateRate() const { return Ratio(completed_to_date, planned_to_date); }
  std::optional<double> YearRate() const { return Ratio(completed_to_date, planned_year); }    // 年度投资完成率
  std::optional<double> TimeProgress() const { return Ratio(planned_to_date, planned_year); }  // 序时进度
  std::optional<double> OnTimeRate() const {  // 报表报送效率; nullopt when no report is due yet
    return reports_due == 0 ? std::nullopt : std::optional<double>(static_cast<double>(reports_on_time) / reports_due);
  }
  void Add(const ProgressSummary& other);
};

ProgressSummary Summarise(const ProjectYearFigures& figures, int month);

// 报表报送效率 from month bits (bit m−1 stands for month m of the year), for callers that keep a year's
// reports as masks rather than as records:
//  - owed: the months a project must report — from the month it started (January when it started in an
//    earlier year) through December, and only when it is in the year's plan;
//  - overdue: the months whose due date has passed by `as_of` (core::ReportTimeliness's counts_as_due);
//  - a report counts as due when it was submitted or is owed and overdue, and as on time when it was first
//    submitted by its due date. Only months 1..through_month count.
std::int64_t ReportsOwedMask(std::optional<Date> started_on, bool in_plan, int year);
std::int64_t OverdueMonthsMask(int year, unsigned due_day, Date as_of);
void CountReports(ProgressSummary& summary, std::int64_t submitted_mask, std::int64_t on_time_mask,
                  std::int64_t owed_mask, std::int64_t overdue_mask, int through_month);
// One row per distinct key, sorted by key; empty input → empty result.
std::vector<ProgressSummary> RollUp(std::span<const ProjectYearFigures> figures, int month);
// All rows together (key "") — the table's total line.
ProgressSummary RollUpTotal(std::span<const ProjectYearFigures> figures, int month);

// 序时进度 by plan: Σ planned months 1..M ÷ annual; nullopt for a zero annual plan.
std::optional<double> TimeProgress(const MonthlyAmounts& planned, int month);
// 序时进度 by calendar: days elapsed in the year up to and including `as_of` ÷ days in the year
// (Dec 31 → 1.0; Feb 29 counts in a leap year). Used where no monthly plan exists (zone targets).
double CalendarTimeProgress(Date as_of);

// Earned value 挣值. PV = cumulative plan to date, EV = 形象进度% × total investment (rounded to the yuan,
// half up), AC = cumulative completed investment. SPI = EV/PV, CPI = EV/AC (nullopt when dividing by 0).
struct EarnedValue {
  Yuan planned_value = 0;                                                 // PV
  Yuan earned_value = 0;                                                  // EV
  Yuan actual_cost = 0;                                                   // AC
  Yuan ScheduleVariance() const { return earned_value - planned_value; }  // SV = EV − PV
  Yuan CostVariance() const { return earned_value - actual_cost; }        // CV = EV − AC
  std::optional<double> Spi() const { return Ratio(earned_value, planned_value); }
  std::optional<double> Cpi() const { return Ratio(earned_value, actual_cost); }
};
// progress_percent is clamped to 0–100.
EarnedValue ComputeEarnedValue(Yuan total_investment, int progress_percent, Yuan planned_to_date,
                               Yuan cumulative_completed);

// Year-end forecast 年度预测.
enum class ForecastMethod {
  kYtdRatio,  // "ytd_ratio": annual plan × (completed to date ÷ planned to date) — keeps the plan's seasonal shape
  kTrend,     // "trend": completed to date + remaining months × mean of the last (up to) 3 months completed
  kPlanRemaining,  // "plan_remaining": completed to date + the plan still to come; used by ytd_ratio when nothing
                   // was planned to date (the ratio is undefined), never chosen by callers directly
};
// The default: the ytd ratio reads progress against the project's own plan (seasonal or milestone shaped),
// the same yardstick as 序时进度 and the warnings; the trend is offered for the monthly briefing.
inline constexpr ForecastMethod kDefaultForecastMethod = ForecastMethod::kYtdRatio;
std::string_view ForecastMethodCode(ForecastMethod method);
std::optional<ForecastMethod> ParseForecastMethod(std::string_view code);  // "ytd_ratio" or "trend" only

struct YearForecast {
  ForecastMethod method = kDefaultForecastMethod;  // the method actually used (see kPlanRemaining)
  Yuan planned_year = 0;
  Yuan completed_to_date = 0;
  Yuan forecast = 0;  // rounded to the yuan, half up
  Yuan Shortfall() const { return planned_year > forecast ? planned_year - forecast : 0; }
  bool WillMiss() const { return forecast < planned_year; }
};
// At month 12 (or later) the forecast is what was completed.
YearForecast ForecastYear(const MonthlyAmounts& planned, const MonthlyAmounts& completed, int month,
                          ForecastMethod method = kDefaultForecastMethod);

struct ForecastMiss {
  std::int64_t project_id = 0;
  YearForecast forecast;
};
// Projects whose forecast is below their annual plan, largest shortfall first (ties: smaller project id first).
// Rows sharing a project id are treated as separate entries; pass one row per project.
std::vector<ForecastMiss> ProjectsForecastToMiss(std::span<const ProjectYearFigures> figures, int month,
                                                 ForecastMethod method = kDefaultForecastMethod);

}  // namespace sanpi::core
