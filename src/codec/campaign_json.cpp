#include "codec/campaign_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/project_json.hpp"

namespace sanpi::codec {

namespace json = boost::json;

namespace {

json::value DateJson(const std::optional<core::Date>& date) {
  if (!date) return nullptr;
  return json::value(date->ToString());
}

json::value RateJson(const core::Rate& rate) {
  auto per_mille = rate.PerMille();
  return json::object{{"numerator", rate.numerator},
                      {"denominator", rate.denominator},
                      {"per_mille", per_mille ? json::value(*per_mille) : json::value(nullptr)},
                      {"text", core::FormatRate(rate)}};
}

core::Commitment ReadCommitment(JsonReader& outer, std::string_view key) {
  core::Commitment commitment;
  const json::value* raw = outer.Raw(key);
  if (!raw) return commitment;
  if (!raw->is_object()) {
    outer.Fail(std::string(key), {"应为对象", "must be an object"});
    return commitment;
  }
  JsonReader reader(*raw);
  commitment.sign_date = ReadDate(reader, "sign_date");
  commitment.planned_start_date = ReadDate(reader, "planned_start_date");
  commitment.planned_production_date = ReadDate(reader, "planned_production_date");
  commitment.year_planned_investment = reader.Int("year_planned_investment");
  commitment.plan_year = static_cast<int>(reader.Int("plan_year"));
  if (auto status = reader.Finish(); !status.ok()) {
    for (const auto& field : status.fields()) outer.Fail(std::string(key) + "." + field.field, field.message);
  }
  return commitment;
}

core::Batch ReadBatch(JsonReader& reader, std::string_view key, bool required) {
  std::string text = reader.String(key, required);
  if (text.empty()) return core::Batch::kSign;
  auto batch = core::ParseBatch(text);
  if (!batch) reader.Fail(std::string(key), {"批次应为 sign、start 或 production", "batch must be sign, start or production"});
  return batch.value_or(core::Batch::kSign);
}

}  // namespace

json::value ToJson(const core::Period& p) {
  return json::object{{"id", p.id},         {"region_code", p.region_code},
                      {"number", p.number}, {"name", p.name.empty() ? core::PeriodOrdinal(p.number) : p.name},
                      {"ordinal", core::PeriodOrdinal(p.number)},
                      {"held_on", p.held_on.ToString()}, {"version", p.version}};
}

json::value ToJson(const core::Commitment& c) {
  return json::object{{"sign_date", DateJson(c.sign_date)},
                      {"planned_start_date", DateJson(c.planned_start_date)},
                      {"planned_production_date", DateJson(c.planned_production_date)},
                      {"year_planned_investment", c.year_planned_investment},
                      {"plan_year", c.plan_year}};
}

json::value ToJson(const core::RosterEntry& e) {
  return json::object{{"id", e.id},
                      {"period", e.period},
                      {"project_id", e.project_id},
                      {"batch", core::BatchCode(e.batch)},
                      {"sequence", e.sequence},
                      {"commitment", ToJson(e.commitment)},
                      {"version", e.version}};
}

json::value ToJson(const core::RosterAdjustment& a) {
  return json::object{{"id", a.id},
                      {"entry_id", a.entry_id},
                      {"kind", core::AdjustmentKindCode(a.kind)},
                      {"kind_name", core::AdjustmentKindName(a.kind)},
                      {"after_period", a.after_period},
                      {"decided_on", a.decided_on.ToString()},
                      {"reason", a.reason},
                      {"to_batch", a.kind == core::AdjustmentKind::kMove ? json::value(core::BatchCode(a.to_batch))
                                                                         : json::value(nullptr)},
                      {"commitment", a.kind == core::AdjustmentKind::kWithdraw ? json::value(nullptr) : ToJson(a.commitment)},
                      {"created_by", a.created_by}};
}

json::value ToJson(const core::RosterLine& l) {
  return json::object{{"entry_id", l.entry_id},
                      {"project_id", l.project_id},
                      {"batch", core::BatchCode(l.batch)},
                      {"batch_period", l.batch_period},
                      {"origin_batch", core::BatchCode(l.origin_batch)},
                      {"origin_period", l.origin_period},
                      {"converted", l.Converted()},
                      {"sequence", l.sequence},
                      {"commitment", ToJson(l.commitment)},
                      {"original_commitment", ToJson(l.original_commitment)},
                      {"adjustments", l.adjustments}};
}

json::value ToJson(const core::RosterFigures& f) {
  return json::object{
      {"count", f.count},
      {"total_investment", f.total_investment},
      {"sign", json::object{{"count", f.sign.count},
                            {"total_investment", f.sign.total_investment},
                            {"current", f.sign.current},
                            {"earlier", f.sign.earlier},
                            {"earlier_fulfilled", f.sign.earlier_fulfilled},
                            {"fulfilled", f.sign.fulfilled}}},
      {"start", json::object{{"count", f.start.count},
                             {"total_investment", f.start.total_investment},
                             {"started", f.start.started},
                             {"producing", f.start.producing}}},
      {"production", json::object{{"count", f.production.count},
                                  {"total_investment", f.production.total_investment},
                                  {"year_planned_investment", f.production.year_planned_investment},
                                  {"producing", f.production.producing},
                                  {"effective", f.production.effective},
                                  {"effect_rate", RateJson(f.production.effect_rate)}}},
      {"rates", json::object{{"fulfilment", RateJson(f.rates.fulfilment)},
                             {"start", RateJson(f.rates.start)},
                             {"production", RateJson(f.rates.production)},
                             {"effect", RateJson(f.rates.effect)}}}};
}

json::value ToJson(const core::CampaignStatistics& s, const NameBook& names) {
  auto groups = [](const std::vector<core::GroupFigures>& list, const std::map<std::int64_t, std::string>* book) {
    json::array out;
    for (const auto& group : list) {
      std::string name = group.name;
      if (book) {
        auto found = book->find(group.id);
        name = found == book->end() ? "" : found->second;
      }
      out.push_back(json::object{{"id", group.id}, {"name", name}, {"figures", ToJson(group.figures)}});
    }
    return out;
  };
  return json::object{{"period", s.period},
                      {"as_of", s.as_of.ToString()},
                      {"overall", ToJson(s.overall)},
                      {"by_unit", groups(s.by_unit, &names.units)},
                      {"by_leader", groups(s.by_leader, &names.leaders)},
                      {"by_industry", groups(s.by_industry, nullptr)},
                      {"missing_projects", s.missing_projects}};
}

core::Result<core::Period> PeriodFromJson(const json::value& body, bool with_version) {
  JsonReader reader(body);
  core::Period period;
  if (!with_version) period.number = static_cast<int>(reader.Int("number", true));
  period.name = reader.String("name");
  if (auto held = ReadDate(reader, "held_on", true)) period.held_on = *held;
  if (with_version) period.version = reader.Int("version", true);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return period;
}

core::Result<core::RosterEntry> RosterEntryFromJson(const json::value& body) {
  JsonReader reader(body);
  core::RosterEntry entry;
  entry.project_id = reader.Int("project_id", true);
  entry.batch = ReadBatch(reader, "batch", true);
  entry.sequence = static_cast<int>(reader.Int("sequence"));
  entry.commitment = ReadCommitment(reader, "commitment");
  if (auto status = reader.Finish(); !status.ok()) return status;
  return entry;
}

core::Result<core::RosterAdjustment> AdjustmentFromJson(const json::value& body) {
  JsonReader reader(body);
  core::RosterAdjustment a;
  std::string kind = reader.String("kind", true);
  if (auto parsed = core::ParseAdjustmentKind(kind)) {
    a.kind = *parsed;
  } else if (!kind.empty()) {
    reader.Fail("kind", {"调整类型应为 move、change_commitment 或 withdraw", "kind must be move, change_commitment or withdraw"});
  }
  a.after_period = static_cast<int>(reader.Int("after_period", true));
  if (auto decided = ReadDate(reader, "decided_on", true)) a.decided_on = *decided;
  a.reason = reader.String("reason", true);
  if (reader.Has("to_batch")) a.to_batch = ReadBatch(reader, "to_batch", false);
  else reader.Raw("to_batch");
  a.commitment = ReadCommitment(reader, "commitment");
  if (auto status = reader.Finish(); !status.ok()) return status;
  return a;
}

}  // namespace sanpi::codec
