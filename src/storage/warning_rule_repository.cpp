#include "storage/warning_rule_repository.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/warning_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"

namespace sanpi::storage {
namespace {

std::string Snapshot(const WarningRuleSettings& settings) {
  return boost::json::serialize(boost::json::object{
      {"rules", boost::json::parse(codec::RulesText(settings.overrides))},
      {"supervision_reply_days", settings.rules.supervision_reply_days()},
      {"version", settings.version}});
}

core::Status Stale() {
  return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
}

}  // namespace

WarningRuleSettings WarningRuleRepository::Get(const std::string& region_code) {
  WarningRuleSettings out;
  auto rows = tx_.Query("SELECT rules, supervision_reply_days, version FROM warning_rule_settings WHERE region_code = $1",
                        {region_code});
  if (rows.empty()) return out;
  core::RegionRuleSettings stored{region_code, codec::RulesFromText(rows.front().Text(0)),
                                  static_cast<int>(rows.front().Int(1))};
  out.version = rows.front().Int(2);
  if (auto rules = core::RuleSet::ForRegion(stored); rules.ok()) {
    out.rules = *rules;
    out.overrides = std::move(stored.rules);
  }
  return out;
}

core::Result<WarningRuleSettings> WarningRuleRepository::Save(const core::Principal& caller,
                                                              core::RegionRuleSettings settings, std::int64_t version) {
  settings.region_code = caller.region_code;
  auto rules = core::RuleSet::ForRegion(settings);
  if (!rules.ok()) return rules.status();
  WarningRuleSettings before = Get(caller.region_code);
  if (before.version != version) return Stale();
  const std::string text = codec::RulesText(settings.rules), now = NowLocal();
  const std::int64_t reply_days = settings.supervision_reply_days;
  if (before.version == 0) {
    tx_.Execute(
        "INSERT INTO warning_rule_settings (region_code, rules, supervision_reply_days, version, updated_at) "
        "VALUES ($1, $2, $3, 1, $4)",
        {caller.region_code, text, reply_days, now});
  } else if (tx_.Execute("UPDATE warning_rule_settings SET rules = $2, supervision_reply_days = $3, updated_at = $4, "
                         "version = version + 1 WHERE region_code = $1 AND version = $5",
                         {caller.region_code, text, reply_days, now, version}) != 1) {
    return Stale();
  }
  WarningRuleSettings after{*rules, std::move(settings.rules), version + 1};
  AuditLog(tx_).Append(caller, before.version == 0 ? "create" : "update", "warning_rules", caller.region_code,
                       before.version == 0 ? "" : Snapshot(before), Snapshot(after));
  return after;
}

}  // namespace sanpi::storage
