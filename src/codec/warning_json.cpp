#include "codec/warning_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdint>

namespace sanpi::codec {
namespace {

namespace json = boost::json;

json::value TextJson(const core::Text& text) { return json::object{{"zh", text.zh}, {"en", text.en}}; }
json::value Threshold(const std::optional<int>& value) { return value ? json::value(*value) : json::value(nullptr); }
json::value DateJson(const std::optional<core::Date>& date) {
  return date ? json::value(date->ToString()) : json::value(nullptr);
}
json::value IdOrNull(std::int64_t id) { return id != 0 ? json::value(id) : json::value(nullptr); }

core::Date DateOf(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  if (!v || !v->is_string()) return {};
  return core::Date::Parse(v->get_string()).value_or(core::Date{});
}
std::optional<core::Date> OptionalDateOf(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return core::Date::Parse(v->get_string());
}
std::int64_t IntOf(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  return v && v->is_int64() ? v->get_int64() : 0;
}
std::string StringOf(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}
core::WarningLevel LevelOf(const json::object& object, std::string_view key) {
  return core::ParseWarningLevel(StringOf(object, key)).value_or(core::WarningLevel::kNone);
}

// The array in `text`, or an empty one when storage holds something else.
json::array ArrayOf(const std::string& text) {
  boost::system::error_code error;
  json::value value = json::parse(text, error);
  if (error || !value.is_array()) return {};
  return std::move(value.as_array());
}

// A threshold: absent or null is "no such level"; anything but a whole number is an error.
std::optional<int> ReadThreshold(JsonReader& reader, std::string_view key) {
  const json::value* v = reader.Raw(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_int64() && v->get_int64() >= INT32_MIN && v->get_int64() <= INT32_MAX) return static_cast<int>(v->get_int64());
  reader.Fail(std::string(key), {"应为整数或 null", "must be a whole number or null"});
  return std::nullopt;
}

// One rule object; errors are named under `prefix` ("rules.report_late.", or "rules[2]." before the code is known).
core::WarningRule ReadRule(const json::value& value, size_t index, core::FieldErrors& errors) {
  JsonReader reader(value);
  core::WarningRule rule;
  const std::string code = reader.String("rule", true);
  std::string prefix = "rules[" + std::to_string(index) + "].";
  if (auto kind = core::ParseRuleCode(code)) {
    rule = core::DefaultRule(*kind);
    prefix = "rules." + code + ".";
  } else if (!code.empty()) {
    reader.Fail("rule", {"未知的预警规则：" + code, "unknown rule: " + code});
  }
  rule.enabled = reader.Bool("enabled", false, true);
  const std::string unit = reader.String("unit", true);
  if (auto parsed = core::ParseThresholdUnit(unit)) {
    rule.unit = *parsed;
  } else if (!unit.empty()) {
    reader.Fail("unit", {"未知的计量单位：" + unit, "unknown unit: " + unit});
  }
  rule.yellow = ReadThreshold(reader, "yellow");
  rule.orange = ReadThreshold(reader, "orange");
  rule.red = ReadThreshold(reader, "red");
  rule.from_month = static_cast<int>(reader.Int("from_month", false, rule.from_month));
  rule.min_total_investment = reader.Int("min_total_investment", false, rule.min_total_investment);
  core::Status status = reader.Finish();
  for (const core::FieldError& error : status.fields()) errors.Add(prefix + error.field, error.message);
  if (!status.ok() && status.fields().empty()) errors.Add(prefix.substr(0, prefix.size() - 1), status.message());
  return rule;
}

}  // namespace

json::value ToJson(const core::WarningRule& rule) {
  return json::object{{"rule", core::RuleCode(rule.kind)},
                      {"name", TextJson(core::RuleName(rule.kind))},
                      {"enabled", rule.enabled},
                      {"unit", core::ThresholdUnitCode(rule.unit)},
                      {"yellow", Threshold(rule.yellow)},
                      {"orange", Threshold(rule.orange)},
                      {"red", Threshold(rule.red)},
                      {"from_month", rule.from_month},
                      {"min_total_investment", rule.min_total_investment}};
}

json::value RuleSettingsJson(const core::RuleSet& rules, const std::vector<core::WarningRule>& overrides,
                             std::int64_t version) {
  json::array items;
  for (const core::WarningRule& rule : rules.rules()) {
    json::value item = ToJson(rule);
    bool customised = false;
    for (const core::WarningRule& own : overrides) customised = customised || own.kind == rule.kind;
    item.as_object()["customised"] = customised;
    items.push_back(std::move(item));
  }
  return json::object{{"rules", std::move(items)},
                      {"supervision_reply_days", rules.supervision_reply_days()},
                      {"version", version}};
}

core::Result<RuleSettingsInput> RuleSettingsFromJson(const json::value& body) {
  JsonReader reader(body);
  RuleSettingsInput input;
  input.version = reader.Int("version", true);
  if (input.version < 0) reader.Fail("version", {"版本号不能为负数", "version must not be negative"});
  input.supervision_reply_days =
      static_cast<int>(reader.Int("supervision_reply_days", false, core::kDefaultSupervisionReplyDays));
  core::FieldErrors rule_errors;
  if (const json::value* rules = reader.Raw("rules")) {
    if (!rules->is_array()) {
      reader.Fail("rules", {"应为规则数组", "must be an array of rules"});
    } else {
      size_t index = 0;
      for (const json::value& item : rules->get_array()) input.rules.push_back(ReadRule(item, index++, rule_errors));
    }
  } else {
    reader.Fail("rules", {"必填", "is required"});
  }
  core::Status status = reader.Finish();
  if (status.ok() && rule_errors.empty()) return input;
  std::vector<core::FieldError> fields = status.fields();
  core::Status rules_status = rule_errors.ToStatus();
  fields.insert(fields.end(), rules_status.fields().begin(), rules_status.fields().end());
  if (fields.empty()) return status;  // not an object at all
  return core::Status::Invalid(std::move(fields));
}

std::string RulesText(const std::vector<core::WarningRule>& rules) {
  json::array out;
  for (const core::WarningRule& rule : rules) {
    json::value item = ToJson(rule);
    item.as_object().erase("name");
    out.push_back(std::move(item));
  }
  return json::serialize(out);
}

std::vector<core::WarningRule> RulesFromText(const std::string& text) {
  std::vector<core::WarningRule> rules;
  core::FieldErrors errors;
  size_t index = 0;
  for (const json::value& item : ArrayOf(text)) {
    core::WarningRule rule = ReadRule(item, index++, errors);
    if (errors.empty()) rules.push_back(rule);
  }
  return errors.empty() ? rules : std::vector<core::WarningRule>{};
}

std::string HistoryText(const std::vector<core::LevelChange>& history) {
  json::array out;
  for (const core::LevelChange& change : history)
    out.push_back(json::object{{"level", core::WarningLevelCode(change.level)}, {"on", change.on.ToString()}});
  return json::serialize(out);
}

std::vector<core::LevelChange> HistoryFromText(const std::string& text) {
  std::vector<core::LevelChange> history;
  for (const json::value& item : ArrayOf(text)) {
    if (!item.is_object()) continue;
    history.push_back({LevelOf(item.get_object(), "level"), DateOf(item.get_object(), "on")});
  }
  return history;
}

namespace {
json::object ResponseJson(const core::WarningResponse& response) {
  return json::object{{"by", response.by},
                      {"on", response.on.ToString()},
                      {"text", response.text},
                      {"level", core::WarningLevelCode(response.level)}};
}
json::object OrderJson(const core::SupervisionOrder& order) {
  return json::object{{"to_unit_id", order.to_unit_id},
                      {"cc_leader_id", order.cc_leader_id},
                      {"issued_on", order.issued_on.ToString()},
                      {"reply_due", order.reply_due.ToString()},
                      {"state", core::OrderStateCode(order.state)},
                      {"reply", order.reply},
                      {"replied_on", DateJson(order.replied_on)},
                      {"replied_by", IdOrNull(order.replied_by)},
                      {"return_reason", order.return_reason},
                      {"signed_off_on", DateJson(order.signed_off_on)},
                      {"signed_off_by", IdOrNull(order.signed_off_by)},
                      {"sign_off_comment", order.sign_off_comment},
                      {"overdue_on", DateJson(order.overdue_on)}};
}
}  // namespace

std::string ResponsesText(const std::vector<core::WarningResponse>& responses) {
  json::array out;
  for (const core::WarningResponse& response : responses) out.push_back(ResponseJson(response));
  return json::serialize(out);
}

std::vector<core::WarningResponse> ResponsesFromText(const std::string& text) {
  std::vector<core::WarningResponse> responses;
  for (const json::value& item : ArrayOf(text)) {
    if (!item.is_object()) continue;
    const json::object& o = item.get_object();
    responses.push_back({IntOf(o, "by"), DateOf(o, "on"), StringOf(o, "text"), LevelOf(o, "level")});
  }
  return responses;
}

std::string OrderText(const core::SupervisionOrder& order) { return json::serialize(OrderJson(order)); }

std::optional<core::SupervisionOrder> OrderFromText(const std::string& text) {
  // The sweep reads every open order: parsed into a buffer on the stack rather than a dozen heap blocks each.
  unsigned char buffer[2048];
  json::monotonic_resource arena(buffer, sizeof buffer);
  boost::system::error_code error;
  json::value value = json::parse(text, error, &arena);
  if (error || !value.is_object()) return std::nullopt;
  const json::object& o = value.get_object();
  core::SupervisionOrder order;
  order.to_unit_id = IntOf(o, "to_unit_id");
  order.cc_leader_id = IntOf(o, "cc_leader_id");
  order.issued_on = DateOf(o, "issued_on");
  order.reply_due = DateOf(o, "reply_due");
  const std::string state = StringOf(o, "state");
  order.state = state == "replied"      ? core::OrderState::kReplied
                : state == "signed_off" ? core::OrderState::kSignedOff
                                        : core::OrderState::kIssued;
  order.reply = StringOf(o, "reply");
  order.replied_on = OptionalDateOf(o, "replied_on");
  order.replied_by = IntOf(o, "replied_by");
  order.return_reason = StringOf(o, "return_reason");
  order.signed_off_on = OptionalDateOf(o, "signed_off_on");
  order.signed_off_by = IntOf(o, "signed_off_by");
  order.sign_off_comment = StringOf(o, "sign_off_comment");
  order.overdue_on = OptionalDateOf(o, "overdue_on");
  return order;
}

json::value ToJson(const core::Warning& w) {
  json::array history, responses;
  for (const core::LevelChange& change : w.history)
    history.push_back(json::object{{"level", core::WarningLevelCode(change.level)}, {"on", change.on.ToString()}});
  for (const core::WarningResponse& response : w.responses) responses.push_back(ResponseJson(response));
  return json::object{
      {"id", w.id},
      {"condition_key", core::ConditionKeyString(w.key)},
      {"rule", core::RuleCode(w.key.rule)},
      {"rule_name", TextJson(core::RuleName(w.key.rule))},
      {"project_id", w.key.project_id},
      {"project_name", w.project_name},
      {"subject", core::SubjectKindCode(w.key.subject)},
      {"subject_id", w.key.subject_id},
      {"level", core::WarningLevelCode(w.level)},
      {"level_label", TextJson(core::WarningLevelLabel(w.level))},
      {"peak_level", core::WarningLevelCode(w.PeakLevel())},
      {"unit", core::ThresholdUnitCode(w.unit)},
      {"figure", w.figure},
      {"threshold", w.threshold},
      {"since", w.since.ToString()},
      {"message", TextJson(w.message)},
      {"opened_on", w.opened_on.ToString()},
      {"closed_on", DateJson(w.closed_on)},
      {"open", w.open()},
      {"needs_acknowledgement", w.NeedsAcknowledgement()},
      {"responsible_unit_id", w.responsible_unit_id},
      {"leader_id", w.leader_id},
      {"assignee_id", IdOrNull(w.assignee_id)},
      {"assigned_on", DateJson(w.assigned_on)},
      {"history", std::move(history)},
      {"responses", std::move(responses)},
      {"order", w.order ? json::value(OrderJson(*w.order)) : json::value(nullptr)},
      {"version", w.version}};
}

json::value ToJson(const core::WarningEvent& e) {
  return json::object{{"kind", core::WarningEventCode(e.kind)},
                      {"warning_id", e.warning_id},
                      {"project_id", e.key.project_id},
                      {"level", core::WarningLevelCode(e.level)},
                      {"previous_level", core::WarningLevelCode(e.previous_level)},
                      {"on", e.on.ToString()},
                      {"unit_id", e.unit_id},
                      {"leader_id", e.leader_id},
                      {"actor_id", e.actor_id},
                      {"message", TextJson(e.message)}};
}

core::Result<WarningActionInput> WarningActionFromJson(const json::value& body, const std::string& text_field,
                                                       bool text_required) {
  JsonReader reader(body);
  WarningActionInput input;
  input.version = reader.Int("version", true);
  if (input.version < 1 && reader.Has("version"))
    reader.Fail("version", {"版本号应为正整数", "version must be a positive whole number"});
  if (text_field.empty()) {
    input.assignee_id = reader.Int("assignee_id", true);
  } else {
    input.text = reader.String(text_field, text_required);
  }
  if (auto status = reader.Finish(); !status.ok()) return status;
  return input;
}

}  // namespace sanpi::codec
