#include "storage/notification_target_repository.hpp"

#include <boost/json/serialize.hpp>

#include "storage/audit_log.hpp"
#include "storage/clock.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kColumns =
    "SELECT id, region_code, name, channel, url, secret, levels, event_kinds, enabled, version "
    "FROM notification_targets ";
constexpr const char* kEntity = "notification_target";

core::NotificationTarget FromRow(const Row& row) {
  core::NotificationTarget t;
  t.id = row.Int(0);
  t.region_code = row.Text(1);
  t.name = row.Text(2);
  t.channel = core::ParseChannel(row.Text(3)).value_or(core::Channel::kJsonWebhook);
  t.url = row.Text(4);
  t.secret = row.Text(5);
  t.levels = codec::LevelsFromText(row.Text(6));
  t.event_kinds = codec::EventKindsFromText(row.Text(7));
  t.enabled = row.Int(8) != 0;
  t.version = row.Int(9);
  return t;
}

// The audit keeps the record as the API shows it: no secret.
std::string Snapshot(const core::NotificationTarget& t) { return boost::json::serialize(codec::ToJson(t)); }
core::Status NoTarget() { return core::Status::NotFound({"通知对象不存在", "no such notification target"}); }
core::Status Stale() {
  return core::Status::Conflict(
      {"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
}

}  // namespace

std::vector<core::NotificationTarget> NotificationTargetRepository::Select(const std::string& where,
                                                                           const Params& params) {
  std::vector<core::NotificationTarget> out;
  for (auto row : tx_.Query(kColumns + where, params)) out.push_back(FromRow(row));
  return out;
}

std::vector<core::NotificationTarget> NotificationTargetRepository::List(const core::Principal& caller) {
  return Select("WHERE region_code = $1 ORDER BY id", {caller.region_code});
}

std::vector<core::NotificationTarget> NotificationTargetRepository::EnabledIn(const std::string& region_code) {
  return Select("WHERE region_code = $1 AND enabled = 1 ORDER BY id", {region_code});
}

core::Result<core::NotificationTarget> NotificationTargetRepository::Get(const core::Principal& caller,
                                                                         std::int64_t id) {
  auto found = Select("WHERE id = $1 AND region_code = $2", {id, caller.region_code});
  if (found.empty()) return NoTarget();
  return std::move(found.front());
}

core::Result<core::NotificationTarget> NotificationTargetRepository::Create(const core::Principal& caller,
                                                                            codec::NotificationTargetInput input) {
  core::NotificationTarget t = std::move(input.target);
  t.region_code = caller.region_code;
  if (auto status = core::ValidateNotificationTarget(t); !status.ok()) return status;
  const std::string now = NowLocal();
  t.version = 1;
  t.id =
      tx_.Query(
             "INSERT INTO notification_targets (region_code, name, channel, url, secret, levels, event_kinds, "
             "enabled, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9) "
             "RETURNING id",
             {t.region_code, t.name, std::string(core::ChannelCode(t.channel)), t.url, t.secret,
              codec::LevelsText(t.levels), codec::EventKindsText(t.event_kinds), std::int64_t{t.enabled ? 1 : 0}, now})
          .front()
          .Int(0);
  AuditLog(tx_).Append(caller, "create", kEntity, std::to_string(t.id), "", Snapshot(t));
  return t;
}

core::Result<core::NotificationTarget> NotificationTargetRepository::Update(const core::Principal& caller,
                                                                            std::int64_t id,
                                                                            codec::NotificationTargetInput input) {
  auto before = Get(caller, id);
  if (!before.ok()) return before.status();
  core::NotificationTarget t = std::move(input.target);
  t.id = id;
  t.region_code = before->region_code;
  if (!input.secret_given) t.secret = before->secret;
  // A robot that changes channel cannot keep another channel's secret.
  if (!input.secret_given && t.channel != core::Channel::kDingtalk) t.secret.clear();
  if (auto status = core::ValidateNotificationTarget(t); !status.ok()) return status;
  if (before->version != t.version) return Stale();
  const std::int64_t written = tx_.Execute(
      "UPDATE notification_targets SET name = $1, channel = $2, url = $3, secret = $4, levels = $5, event_kinds = $6, "
      "enabled = $7, version = version + 1, updated_at = $8 WHERE id = $9 AND version = $10",
      {t.name, std::string(core::ChannelCode(t.channel)), t.url, t.secret, codec::LevelsText(t.levels),
       codec::EventKindsText(t.event_kinds), std::int64_t{t.enabled ? 1 : 0}, NowLocal(), id, t.version});
  if (written != 1) return Stale();
  ++t.version;
  AuditLog(tx_).Append(caller, "update", kEntity, std::to_string(id), Snapshot(*before), Snapshot(t));
  return t;
}

core::Status NotificationTargetRepository::Delete(const core::Principal& caller, std::int64_t id,
                                                  std::int64_t version) {
  auto before = Get(caller, id);
  if (!before.ok()) return before.status();
  if (before->version != version) return Stale();
  tx_.Execute("DELETE FROM outbox_messages WHERE target_id = $1", {id});
  if (tx_.Execute("DELETE FROM notification_targets WHERE id = $1 AND version = $2", {id, version}) != 1)
    return Stale();
  AuditLog(tx_).Append(caller, "delete", kEntity, std::to_string(id), Snapshot(*before), "");
  return core::Status::Ok();
}

}  // namespace sanpi::storage
