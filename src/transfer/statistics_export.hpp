#pragma once
// A period's statistics (core/campaign_statistics.hpp) as a spreadsheet: the whole roster and its
// breakdowns by unit, leader and industry, one sheet each, with the same columns: counts, 万元
// amounts with two decimals, and the four chained rates.
#include <map>
#include <string>

#include "core/campaign_statistics.hpp"
#include "core/status.hpp"

namespace sanpi::transfer {

struct StatisticsNames {
  std::map<std::int64_t, std::string> units;
  std::map<std::int64_t, std::string> leaders;
};

core::Status WriteStatisticsWorkbook(const core::CampaignStatistics& statistics, const StatisticsNames& names,
                                     const std::string& path);

}  // namespace sanpi::transfer
