#include "codec/progress_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace sanpi::codec {
namespace {

namespace json = boost::json;

// A version that may be 0 (nothing saved yet) but not negative.
std::int64_t ReadVersionOrZero(JsonReader& reader) {
  std::int64_t version = reader.Int("version", true);
  if (version < 0) reader.Fail("version", {"版本号不能为负数", "version must not be negative"});
  return version;
}

}  // namespace

json::value MonthsJson(const core::MonthlyAmounts& months) {
  json::array out;
  for (auto amount : months) out.push_back(amount);
  return out;
}

json::value RateJson(const std::optional<double>& rate) { return rate ? json::value(*rate) : json::value(nullptr); }

json::value ToJson(const core::InvestmentPlan& plan) {
  return json::object{{"id", plan.id},
                      {"project_id", plan.project_id},
                      {"year", plan.year},
                      {"annual", plan.annual},
                      {"strategy", core::DecompositionStrategyCode(plan.strategy)},
                      {"months", MonthsJson(plan.months)},
                      {"version", plan.version}};
}

json::value ToJson(const core::ProgressSettings& settings) {
  json::array weights;
  for (auto weight : settings.seasonal_weights) weights.push_back(weight);
  return json::object{{"region_code", settings.region_code},
                      {"due_day", settings.due_day},
                      {"seasonal_weights", std::move(weights)},
                      {"version", settings.version}};
}

json::value ToJson(const core::ProgressSummary& s) {
  return json::object{{"key", s.key},
                      {"projects", s.projects},
                      {"planned_year", s.planned_year},
                      {"planned_month", s.planned_month},
                      {"planned_to_date", s.planned_to_date},
                      {"completed_month", s.completed_month},
                      {"completed_to_date", s.completed_to_date},
                      {"month_rate", RateJson(s.MonthRate())},
                      {"ytd_rate", RateJson(s.YearToDateRate())},
                      {"year_rate", RateJson(s.YearRate())},
                      {"time_progress", RateJson(s.TimeProgress())},
                      {"reports_due", s.reports_due},
                      {"reports_on_time", s.reports_on_time},
                      {"on_time_rate", RateJson(s.OnTimeRate())}};
}

json::value ToJson(const core::EarnedValue& v) {
  return json::object{{"planned_value", v.planned_value},
                      {"earned_value", v.earned_value},
                      {"actual_cost", v.actual_cost},
                      {"spi", RateJson(v.Spi())},
                      {"cpi", RateJson(v.Cpi())},
                      {"schedule_variance", v.ScheduleVariance()},
                      {"cost_variance", v.CostVariance()}};
}

json::value ToJson(const core::YearForecast& f) {
  return json::object{{"method", core::ForecastMethodCode(f.method)},
                      {"planned_year", f.planned_year},
                      {"completed_to_date", f.completed_to_date},
                      {"forecast", f.forecast},
                      {"shortfall", f.Shortfall()},
                      {"will_miss", f.WillMiss()}};
}

core::Result<core::DecompositionRequest> DecompositionFromJson(const json::value& body, int year,
                                                               std::int64_t* version) {
  JsonReader reader(body);
  core::DecompositionRequest request;
  request.year = year;
  request.annual = reader.Int("annual", true);
  const std::string strategy = reader.String("strategy", true);
  if (auto parsed = core::ParseDecompositionStrategy(strategy)) {
    request.strategy = *parsed;
  } else if (!strategy.empty()) {
    reader.Fail("strategy", {"分解方式应为 even、seasonal、milestone 或 manual",
                             "strategy must be even, seasonal, milestone or manual"});
  }
  if (reader.Has("months")) {
    auto months = reader.Ints("months");
    if (request.strategy == core::DecompositionStrategy::kManual) {
      request.manual_months.assign(months.begin(), months.end());
    } else {
      reader.Fail("months", {"只有手工填报才能提交逐月金额", "months are given only with the manual strategy"});
    }
  }
  if (version) *version = ReadVersionOrZero(reader);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return request;
}

core::Result<core::ProgressSettings> ProgressSettingsFromJson(const json::value& body) {
  JsonReader reader(body);
  core::ProgressSettings settings;
  const std::int64_t due_day = reader.Int("due_day", true);
  settings.due_day = due_day < 1 || due_day > 31 ? 0 : static_cast<unsigned>(due_day);
  auto weights = reader.Ints("seasonal_weights", true);
  if (reader.Has("seasonal_weights")) {
    if (weights.size() != core::kMonthsPerYear) {
      reader.Fail("seasonal_weights", {"季节系数应为 12 个数", "seasonal_weights must have 12 numbers"});
    } else {
      std::copy(weights.begin(), weights.end(), settings.seasonal_weights.begin());
    }
  }
  settings.version = ReadVersionOrZero(reader);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return settings;
}

}  // namespace sanpi::codec
