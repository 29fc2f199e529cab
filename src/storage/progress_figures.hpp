#pragma once
// The figures of the zone progress page and the monthly briefing, from a loaded ProgressYear: the
// roll-up by a dimension (unit, industry, batch, period, region) with the total line, and the list of
// projects forecast to miss the year — each restricted to the projects the caller may see.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.hpp"
#include "core/investment_progress.hpp"
#include "storage/progress_cache.hpp"

namespace sanpi::storage {

enum class ProgressDimension { kUnit, kIndustry, kBatch, kPeriod, kRegion };
// "unit", "industry", "batch", "period", "region".
std::optional<ProgressDimension> ParseProgressDimension(std::string_view code);
std::string_view ProgressDimensionCode(ProgressDimension dimension);

struct ProgressTable {
  int year = 0;
  int month = 0;
  ProgressDimension by = ProgressDimension::kUnit;
  std::vector<core::ProgressSummary> rows;  // key: the group's key (unit id, industry, batch code …)
  std::vector<std::string> labels;          // index-aligned with rows: what the page shows
  core::ProgressSummary total;
};

// Rows in the order of their labels; reports count as due as of `as_of` (see core::ReportTimeliness).
ProgressTable RollUpProgress(const ProgressYear& year, const core::Principal& caller, int month,
                             ProgressDimension by, core::Date as_of);

struct ForecastLine {
  std::int64_t project_id = 0;
  std::string code;
  std::string name;
  std::string unit_name;
  core::YearForecast forecast;
};
struct ForecastList {
  core::ForecastMethod method = core::kDefaultForecastMethod;
  std::int64_t total = 0;
  std::vector<ForecastLine> items;  // largest shortfall first, `limit` from `offset`
};
ForecastList ForecastMisses(const ProgressYear& year, const core::Principal& caller, int month,
                            core::ForecastMethod method, int limit, int offset);

// Whether `caller` sees the project (the in-memory twin of ProjectRepository::VisibleTo, for a region
// the caller was already checked to reach).
bool SeesProject(const core::Principal& caller, const ProjectYearFacts& facts);

}  // namespace sanpi::storage
