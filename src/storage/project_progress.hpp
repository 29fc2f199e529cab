#pragma once
// One project's investment figures for a year as of a month — the plan tab's chart and rates, its
// earned value (PV over every year's plan, EV from the latest reported 形象进度, AC the latest reported
// cumulative completion) and the year-end forecast.
#include "core/access.hpp"
#include "core/investment_progress.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

struct ProjectProgress {
  int year = 0;
  int month = 0;
  core::MonthlyAmounts planned{};
  core::MonthlyAmounts completed{};  // as last submitted; 0 for months without a submitted report
  core::ProgressSummary summary;
  core::EarnedValue earned_value;
  core::YearForecast forecast;
  int progress_percent = 0;  // of the latest submitted report up to (year, month)
};

// NotFound when the project is absent or outside the caller's scope.
core::Result<ProjectProgress> LoadProjectProgress(Transaction& tx, const core::Principal& caller,
                                                  std::int64_t project_id, int year, int month,
                                                  core::ForecastMethod method);

}  // namespace sanpi::storage
