#pragma once
// JSON form of projects, their checklist items and attachments, and the bodies of the stage
// actions: the API's representation, also what the audit log keeps as "before" and "after".
// Dates are "YYYY-MM-DD" strings or null; money is whole yuan.
#include <boost/json/value.hpp>

#include "codec/json_reader.hpp"
#include "core/attachment.hpp"
#include "core/project.hpp"
#include "core/project_stage.hpp"

namespace sanpi::codec {

boost::json::value ToJson(const core::Project& project);
boost::json::value ToJson(const core::ChecklistItem& item);
boost::json::value ToJson(const core::Attachment& attachment);
boost::json::value ToJson(const core::StageRecord& record);  // the stage fields alone (audit of corrections)

// A date field: "YYYY-MM-DD" or null/absent; anything else is a field error.
std::optional<core::Date> ReadDate(JsonReader& reader, std::string_view key, bool required = false);

// Create (with_version false) takes the stage fields too, so a ledger line that is already
// producing can be entered with its dates; update (with_version true) does not: stages change
// only through the stage actions, and a stage field in a PUT body is an unknown field.
core::Result<core::Project> ProjectFromJson(const boost::json::value& body, bool with_version);
core::Result<core::ChecklistItem> ChecklistItemFromJson(const boost::json::value& body, bool with_version);

// POST …/stage: {"to", "on", "signed_on"?, "fulfilled_on"?, "started_on"?, "producing_on"?, "reason"?, "version"}.
core::Result<core::StageChange> StageChangeFromJson(const boost::json::value& body, std::int64_t& version);
// POST …/fulfilment: {"on", "version"}.
core::Result<core::Date> FulfilmentFromJson(const boost::json::value& body, std::int64_t& version);
// POST …/correction: the whole corrected stage record plus "reason" and "version".
core::Result<core::StageRecord> CorrectionFromJson(const boost::json::value& body, std::string& reason,
                                                   std::int64_t& version);
// POST …/stats-db: {"in_stats_db", "in_stats_db_on"?, "version"}.
struct StatsDbChange {
  bool in_stats_db = false;
  std::optional<core::Date> on;
};
core::Result<StatsDbChange> StatsDbFromJson(const boost::json::value& body, std::int64_t& version);

}  // namespace sanpi::codec
