#pragma once
// JSON of investment plans, the region's progress settings and the progress figures (summaries, earned
// value, forecasts). Money is whole yuan; rates are fractions (0.853) or null when undefined.
#include <boost/json/value.hpp>

#include "codec/json_reader.hpp"
#include "core/investment_plan.hpp"
#include "core/investment_progress.hpp"
#include "core/progress_settings.hpp"

namespace sanpi::codec {

boost::json::value ToJson(const core::InvestmentPlan& plan);
boost::json::value ToJson(const core::ProgressSettings& settings);
boost::json::value ToJson(const core::ProgressSummary& summary);
boost::json::value ToJson(const core::EarnedValue& value);
boost::json::value ToJson(const core::YearForecast& forecast);
boost::json::value MonthsJson(const core::MonthlyAmounts& months);
boost::json::value RateJson(const std::optional<double>& rate);

// PUT …/plans/{year} and …/preview: {"annual", "strategy", "months"? (manual only), "version"?}.
// `year` comes from the path; `version` is read only when the pointer is given (0 creates).
core::Result<core::DecompositionRequest> DecompositionFromJson(const boost::json::value& body, int year,
                                                               std::int64_t* version);
// PUT /progress/settings: {"due_day", "seasonal_weights", "version"}.
core::Result<core::ProgressSettings> ProgressSettingsFromJson(const boost::json::value& body);

}  // namespace sanpi::codec
