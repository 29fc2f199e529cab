#include "codec/project_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace sanpi::codec {

namespace json = boost::json;

namespace {

json::value DateJson(const std::optional<core::Date>& date) {
  if (!date) return nullptr;
  return json::value(date->ToString());
}

void PutStage(json::object& out, const core::StageRecord& r) {
  out["stage"] = core::StageCode(r.stage);
  out["stage_name"] = core::StageName(r.stage);
  out["signed_on"] = DateJson(r.signed_on);
  out["fulfilled_on"] = DateJson(r.fulfilled_on);
  out["started_on"] = DateJson(r.started_on);
  out["producing_on"] = DateJson(r.producing_on);
  out["effective_on"] = DateJson(r.effective_on);
  out["withdrawn_on"] = DateJson(r.withdrawn_on);
  out["withdrawal_reason"] = r.withdrawal_reason;
}

void ReadVersion(JsonReader& reader, std::int64_t& version) {
  version = reader.Int("version", true);
  if (reader.Has("version") && version < 1) reader.Fail("version", {"版本号应为正整数", "version must be a positive number"});
}

core::StageRecord ReadStageRecord(JsonReader& reader, bool stage_required) {
  core::StageRecord record;
  std::string stage = reader.String("stage", stage_required);
  if (auto parsed = core::ParseStage(stage)) {
    record.stage = *parsed;
  } else if (!stage.empty()) {
    reader.Fail("stage", {"阶段应为 reserve、signed、started、producing、effective 或 withdrawn",
                          "stage must be reserve, signed, started, producing, effective or withdrawn"});
  }
  record.signed_on = ReadDate(reader, "signed_on");
  record.fulfilled_on = ReadDate(reader, "fulfilled_on");
  record.started_on = ReadDate(reader, "started_on");
  record.producing_on = ReadDate(reader, "producing_on");
  record.effective_on = ReadDate(reader, "effective_on");
  record.withdrawn_on = ReadDate(reader, "withdrawn_on");
  record.withdrawal_reason = reader.String("withdrawal_reason");
  return record;
}

}  // namespace

std::optional<core::Date> ReadDate(JsonReader& reader, std::string_view key, bool required) {
  std::string text = reader.String(key, required);
  if (text.empty()) return std::nullopt;
  auto date = core::Date::Parse(text);
  if (!date) reader.Fail(std::string(key), {"日期格式应为YYYY-MM-DD", "a date must read YYYY-MM-DD"});
  return date;
}

json::value ToJson(const core::StageRecord& record) {
  json::object out;
  PutStage(out, record);
  return out;
}

json::value ToJson(const core::Project& p) {
  json::array cooperating;
  for (auto id : p.cooperating_unit_ids) cooperating.push_back(id);
  json::object out{{"id", p.id},
                   {"region_code", p.region_code},
                   {"code", p.code},
                   {"name", p.name},
                   {"enterprise_id", p.enterprise_id},
                   {"industry", p.industry},
                   {"kind", core::ProjectKindCode(p.kind)},
                   {"address", p.address},
                   {"longitude", p.longitude ? json::value(*p.longitude) : json::value(nullptr)},
                   {"latitude", p.latitude ? json::value(*p.latitude) : json::value(nullptr)},
                   {"parcel", p.parcel},
                   {"construction_content", p.construction_content},
                   {"total_investment", p.total_investment},
                   {"leader_id", p.leader_id},
                   {"lead_unit_id", p.lead_unit_id},
                   {"cooperating_unit_ids", std::move(cooperating)},
                   {"responsible_person", p.responsible_person},
                   {"responsible_phone", p.responsible_phone},
                   {"in_stats_db", p.in_stats_db},
                   {"in_stats_db_on", DateJson(p.in_stats_db_on)},
                   {"version", p.version},
                   {"created_at", p.created_at},
                   {"updated_at", p.updated_at}};
  PutStage(out, p.progress);
  return out;
}

json::value ToJson(const core::ChecklistItem& item) {
  return json::object{{"id", item.id},
                      {"project_id", item.project_id},
                      {"item", item.item},
                      {"owner_unit_id", item.owner_unit_id},
                      {"owner", item.owner},
                      {"deadline", DateJson(item.deadline)},
                      {"done_on", DateJson(item.done_on)},
                      {"version", item.version}};
}

json::value ToJson(const core::Attachment& a) {
  return json::object{{"id", a.id},
                      {"project_id", a.project_id},
                      {"category", core::AttachmentCategoryCode(a.category)},
                      {"file_name", a.file_name},
                      {"content_type", core::MimeType(a.type)},
                      {"size_bytes", a.size_bytes},
                      {"sha256", a.sha256},
                      {"created_by", a.created_by},
                      {"created_at", a.created_at}};
}

core::Result<core::Project> ProjectFromJson(const json::value& body, bool with_version) {
  JsonReader reader(body);
  core::Project p;
  p.code = reader.String("code");
  p.name = reader.String("name", true);
  p.enterprise_id = reader.Int("enterprise_id");
  p.industry = reader.String("industry", true);
  std::string kind = reader.String("kind");
  if (auto parsed = core::ParseProjectKind(kind)) {
    p.kind = *parsed;
  } else if (!kind.empty()) {
    reader.Fail("kind", {"项目类型应为 industry、infrastructure 或 livelihood", "kind must be industry, infrastructure or livelihood"});
  }
  p.address = reader.String("address");
  p.longitude = reader.Number("longitude");
  p.latitude = reader.Number("latitude");
  p.parcel = reader.String("parcel");
  p.construction_content = reader.String("construction_content");
  p.total_investment = reader.Int("total_investment", true);
  p.leader_id = reader.Int("leader_id", true);
  p.lead_unit_id = reader.Int("lead_unit_id");
  p.cooperating_unit_ids = reader.Ints("cooperating_unit_ids");
  p.responsible_person = reader.String("responsible_person", true);
  p.responsible_phone = reader.String("responsible_phone");
  if (with_version) {
    ReadVersion(reader, p.version);
  } else {
    p.in_stats_db = reader.Bool("in_stats_db");
    p.in_stats_db_on = ReadDate(reader, "in_stats_db_on");
    p.progress = ReadStageRecord(reader, false);
  }
  if (auto status = reader.Finish(); !status.ok()) return status;
  return p;
}

core::Result<core::ChecklistItem> ChecklistItemFromJson(const json::value& body, bool with_version) {
  JsonReader reader(body);
  core::ChecklistItem item;
  item.item = reader.String("item", true);
  item.owner_unit_id = reader.Int("owner_unit_id");
  item.owner = reader.String("owner");
  item.deadline = ReadDate(reader, "deadline", true);
  item.done_on = ReadDate(reader, "done_on");
  if (with_version) ReadVersion(reader, item.version);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return item;
}

core::Result<core::StageChange> StageChangeFromJson(const json::value& body, std::int64_t& version) {
  JsonReader reader(body);
  core::StageChange change;
  std::string to = reader.String("to", true);
  if (auto parsed = core::ParseStage(to)) {
    change.to = *parsed;
  } else if (!to.empty()) {
    reader.Fail("to", {"目标阶段应为 signed、started、producing、effective 或 withdrawn",
                       "to must be signed, started, producing, effective or withdrawn"});
  }
  if (auto on = ReadDate(reader, "on", true)) change.on = *on;
  change.signed_on = ReadDate(reader, "signed_on");
  change.fulfilled_on = ReadDate(reader, "fulfilled_on");
  change.started_on = ReadDate(reader, "started_on");
  change.producing_on = ReadDate(reader, "producing_on");
  change.reason = reader.String("reason");
  ReadVersion(reader, version);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return change;
}

core::Result<core::Date> FulfilmentFromJson(const json::value& body, std::int64_t& version) {
  JsonReader reader(body);
  auto on = ReadDate(reader, "on", true);
  ReadVersion(reader, version);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return *on;
}

core::Result<core::StageRecord> CorrectionFromJson(const json::value& body, std::string& reason, std::int64_t& version) {
  JsonReader reader(body);
  core::StageRecord record = ReadStageRecord(reader, true);
  reason = reader.String("reason", true);
  ReadVersion(reader, version);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return record;
}

core::Result<StatsDbChange> StatsDbFromJson(const json::value& body, std::int64_t& version) {
  JsonReader reader(body);
  StatsDbChange change;
  change.in_stats_db = reader.Bool("in_stats_db", true);
  change.on = ReadDate(reader, "in_stats_db_on");
  ReadVersion(reader, version);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return change;
}

}  // namespace sanpi::codec
