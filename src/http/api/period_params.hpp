#pragma once
// The year and month a progress request is about: from the path ({year}, {month}) or the query
// (?year=&month=, defaulting to the current year and the last month with reports due).
#include "core/date.hpp"
#include "core/investment_plan.hpp"
#include "core/investment_progress.hpp"
#include "http/context.hpp"

namespace sanpi::http {

inline core::Result<int> PathYear(const Context& ctx) {
  auto year = ctx.PathId("year");
  if (!year.ok() || *year < core::kMinPlanYear || *year > core::kMaxPlanYear) {
    return core::Status::InvalidField("year", {"年份应在 2000 至 2100 之间", "year must be between 2000 and 2100"});
  }
  return static_cast<int>(*year);
}

inline core::Result<unsigned> PathMonth(const Context& ctx) {
  auto month = ctx.PathId("month");
  if (!month.ok() || *month > 12) return core::Status::InvalidField("month", {"月份应为 1 至 12", "month must be between 1 and 12"});
  return static_cast<unsigned>(*month);
}

struct YearMonth {
  int year = 0;
  int month = 0;
};

// ?year= (default this year) and ?month= (default: this month of this year, December of a past year).
inline core::Result<YearMonth> QueryYearMonth(const Context& ctx) {
  const core::Date today = core::Date::Today();
  core::FieldErrors errors;
  auto year = ctx.QueryInt("year", today.year());
  if (!year.ok() || *year < core::kMinPlanYear || *year > core::kMaxPlanYear) {
    errors.Add("year", {"年份应在 2000 至 2100 之间", "year must be between 2000 and 2100"});
  }
  const int fallback_month = year.ok() && *year < today.year() ? 12 : static_cast<int>(today.month());
  auto month = ctx.QueryInt("month", fallback_month);
  if (!month.ok() || *month < 1 || *month > 12) errors.Add("month", {"月份应为 1 至 12", "month must be between 1 and 12"});
  if (!errors.empty()) return errors.ToStatus();
  return YearMonth{static_cast<int>(*year), static_cast<int>(*month)};
}

// ?method=ytd_ratio|trend (default ytd_ratio).
inline core::Result<core::ForecastMethod> QueryForecastMethod(const Context& ctx) {
  const std::string text = ctx.QueryText("method");
  if (text.empty()) return core::kDefaultForecastMethod;
  auto method = core::ParseForecastMethod(text);
  if (!method) return core::Status::InvalidField("method", {"预测方法应为 ytd_ratio 或 trend", "method must be ytd_ratio or trend"});
  return *method;
}

}  // namespace sanpi::http
