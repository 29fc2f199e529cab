#pragma once
// JSON of monthly reports: the working figures at the top level, every submission under "versions",
// and — when known — the due date and lateness.
#include <optional>
#include <vector>

#include <boost/json/value.hpp>

#include "codec/json_reader.hpp"
#include "core/monthly_report.hpp"

namespace sanpi::codec {

boost::json::value ToJson(const core::MonthlyReport& report, const std::optional<core::Timeliness>& timeliness);

struct ReportDraft {
  core::ReportFigures figures;
  std::vector<std::int64_t> photo_ids;
  std::int64_t version = 0;  // 0 creates the report
};
// PUT …/reports/{year}/{month}: {"completed_this_month", "cumulative", "progress_text"?, "progress_percent"?,
// "problems"?, "photo_ids"?, "version"}.
core::Result<ReportDraft> ReportDraftFromJson(const boost::json::value& body);
// POST …/submit and …/accept: {"version"}; …/return: {"version", "reason"} (reason read when given).
core::Result<std::int64_t> ReportActionFromJson(const boost::json::value& body, std::string* reason);

}  // namespace sanpi::codec
