#pragma once
// A region's settings for the monthly rhythm: the day of the next month reports are due (报送截止日) and
// the seasonal profile 季节系数 its plans may be decomposed by.
#include <string>

#include "core/investment_plan.hpp"
#include "core/monthly_report.hpp"
#include "core/status.hpp"

namespace sanpi::core {

// Until the office sets its own: due on the 5th; a profile low in the Spring Festival months (Jan–Feb)
// and high at the year-end push (Nov–Dec), in percent.
inline constexpr MonthWeights kDefaultSeasonalWeights = {5, 4, 8, 9, 9, 9, 8, 8, 9, 10, 10, 11};

struct ProgressSettings {
  std::string region_code{};
  unsigned due_day = kDefaultReportDueDay;
  MonthWeights seasonal_weights = kDefaultSeasonalWeights;
  std::int64_t version = 0;  // 0: never saved, the defaults apply
};

// due_day 1–31 (field "due_day"); weights non-negative, not all zero (field "seasonal_weights").
Status ValidateProgressSettings(const ProgressSettings& settings);

}  // namespace sanpi::core
