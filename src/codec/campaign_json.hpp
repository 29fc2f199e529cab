#pragma once
// JSON form of the campaign records (periods, roster entries, adjustments), the roster lines of any
// view and the statistics. Money is whole yuan; rates carry numerator, denominator and per_mille
// (null without a denominator) plus the text the bulletin prints ("85.7%", "—").
#include <cstdint>
#include <map>
#include <string>

#include <boost/json/value.hpp>

#include "codec/json_reader.hpp"
#include "core/campaign.hpp"
#include "core/campaign_statistics.hpp"
#include "core/roster.hpp"

namespace sanpi::codec {

boost::json::value ToJson(const core::Period& period);
boost::json::value ToJson(const core::Commitment& commitment);
boost::json::value ToJson(const core::RosterEntry& entry);
boost::json::value ToJson(const core::RosterAdjustment& adjustment);
boost::json::value ToJson(const core::RosterLine& line);
boost::json::value ToJson(const core::RosterFigures& figures);

// Names for the breakdowns: unit and leader ids → names.
struct NameBook {
  std::map<std::int64_t, std::string> units;
  std::map<std::int64_t, std::string> leaders;
};
boost::json::value ToJson(const core::CampaignStatistics& statistics, const NameBook& names);

core::Result<core::Period> PeriodFromJson(const boost::json::value& body, bool with_version);
// {"project_id", "batch", "sequence"?, "commitment": {…}}; the period comes from the path.
core::Result<core::RosterEntry> RosterEntryFromJson(const boost::json::value& body);
// {"kind", "after_period", "decided_on", "reason", "to_batch"?, "commitment"?}; the entry from the path.
core::Result<core::RosterAdjustment> AdjustmentFromJson(const boost::json::value& body);

}  // namespace sanpi::codec
