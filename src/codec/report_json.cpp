#include "codec/report_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace sanpi::codec {
namespace {

namespace json = boost::json;

json::value DateJson(const std::optional<core::Date>& date) {
  return date ? json::value(date->ToString()) : json::value(nullptr);
}

void PutFigures(json::object& out, const core::ReportFigures& f) {
  out["completed_this_month"] = f.completed_this_month;
  out["cumulative"] = f.cumulative;
  out["progress_text"] = f.progress_text;
  out["progress_percent"] = f.progress_percent;
  out["problems"] = f.problems;
}

}  // namespace

json::value ToJson(const core::MonthlyReport& report, const std::optional<core::Timeliness>& timeliness) {
  json::object out{{"id", report.id},
                   {"project_id", report.project_id},
                   {"year", report.year},
                   {"month", report.month},
                   {"status", core::ReportStatusCode(report.status)}};
  const core::Text label = core::ReportStatusLabel(report.status);
  out["status_label"] = json::object{{"zh", label.zh}, {"en", label.en}};
  PutFigures(out, report.figures);
  json::array photos;
  for (auto id : report.photo_ids) photos.push_back(id);
  out["photo_ids"] = std::move(photos);
  if (timeliness) {
    out["due_on"] = timeliness->due.ToString();
    out["first_submitted_on"] = DateJson(timeliness->first_submitted);
    out["on_time"] = timeliness->on_time;
    out["days_late"] = timeliness->days_late;
  }
  json::array versions;
  for (const auto& v : report.versions) {
    json::object version{{"number", v.number}};
    PutFigures(version, v.figures);
    version["submitted_on"] = v.submitted_on.ToString();
    version["submitted_by"] = v.submitted_by;
    version["returned_on"] = DateJson(v.returned_on);
    version["return_reason"] = v.return_reason;
    version["accepted_on"] = DateJson(v.accepted_on);
    versions.push_back(std::move(version));
  }
  out["versions"] = std::move(versions);
  out["version"] = report.version;
  return out;
}

core::Result<ReportDraft> ReportDraftFromJson(const json::value& body) {
  JsonReader reader(body);
  ReportDraft draft;
  draft.figures.completed_this_month = reader.Int("completed_this_month", true);
  draft.figures.cumulative = reader.Int("cumulative", true);
  draft.figures.progress_text = reader.String("progress_text");
  draft.figures.progress_percent = static_cast<int>(std::clamp<std::int64_t>(reader.Int("progress_percent"), -1, 101));
  draft.figures.problems = reader.String("problems");
  draft.photo_ids = reader.Ints("photo_ids");
  draft.version = reader.Int("version", true);
  if (draft.version < 0) reader.Fail("version", {"版本号不能为负数", "version must not be negative"});
  if (auto status = reader.Finish(); !status.ok()) return status;
  return draft;
}

core::Result<std::int64_t> ReportActionFromJson(const json::value& body, std::string* reason) {
  JsonReader reader(body);
  std::int64_t version = reader.Int("version", true);
  if (reader.Has("version") && version < 1) reader.Fail("version", {"版本号应为正整数", "version must be a positive number"});
  if (reason) *reason = reader.String("reason", true);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return version;
}

}  // namespace sanpi::codec
