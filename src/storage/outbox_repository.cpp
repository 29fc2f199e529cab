#include "storage/outbox_repository.hpp"

#include "storage/audit_log.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kEntryColumns =
    "SELECT m.id, m.channel, t.url, m.payload, m.state, m.attempts, m.created_at, m.next_attempt_at, m.delivered_at, "
    "m.last_error, m.region_code, m.target_id, t.name, m.event_id, t.secret FROM outbox_messages m "
    "JOIN notification_targets t ON t.id = m.target_id ";

core::DeliveryState ParseState(const std::string& code) {
  for (auto state : {core::DeliveryState::kPending, core::DeliveryState::kDelivered, core::DeliveryState::kDead})
    if (core::DeliveryStateCode(state) == code) return state;
  return core::DeliveryState::kDead;
}

OutboxEntry FromRow(const Row& row) {
  OutboxEntry entry;
  core::OutboxMessage& m = entry.message;
  m.id = row.Text(0);
  m.channel = core::ParseChannel(row.Text(1)).value_or(core::Channel::kJsonWebhook);
  m.target = row.Text(2);
  m.payload = row.Text(3);
  m.state = ParseState(row.Text(4));
  m.attempts = static_cast<int>(row.Int(5));
  m.created_at = row.Int(6);
  m.next_attempt_at = row.Int(7);
  if (!row.IsNull(8)) m.delivered_at = row.Int(8);
  m.last_error = row.Text(9);
  entry.region_code = row.Text(10);
  entry.target_id = row.Int(11);
  entry.target_name = row.Text(12);
  entry.event_id = row.Int(13);
  return entry;
}

Value OptionalInt(const std::optional<core::EpochSeconds>& value) { return value ? Value{*value} : Value{nullptr}; }

}  // namespace

std::vector<ClaimedMessage> OutboxRepository::ClaimDue(core::EpochSeconds now, core::EpochSeconds lease, int limit) {
  const std::string lock = tx_.dialect() == Dialect::kPostgres ? " FOR UPDATE SKIP LOCKED" : "";
  std::vector<std::string> ids;
  for (auto row : tx_.Query("SELECT id FROM outbox_messages WHERE state = 'pending' AND next_attempt_at <= $1 "
                            "ORDER BY next_attempt_at, id LIMIT " +
                                std::to_string(limit) + lock,
                            {now}))
    ids.push_back(row.Text(0));
  std::vector<ClaimedMessage> out;
  for (const std::string& id : ids) {
    // Re-checked: a message another worker recorded meanwhile is not claimed again.
    if (tx_.Execute("UPDATE outbox_messages SET next_attempt_at = $1 WHERE id = $2 AND state = 'pending' AND "
                    "next_attempt_at <= $3",
                    {now + lease, id, now}) != 1)
      continue;
    auto rows = tx_.Query(std::string(kEntryColumns) + "WHERE m.id = $1", {id});
    if (rows.empty()) continue;
    OutboxEntry entry = FromRow(rows.front());
    out.push_back({std::move(entry.message), rows.front().Text(14), entry.target_id});
  }
  return out;
}

std::optional<core::DeliveryState> OutboxRepository::Record(const std::string& id, const core::AttemptResult& result,
                                                            const core::RetryPolicy& policy, core::EpochSeconds now) {
  auto rows = tx_.Query(std::string(kEntryColumns) + "WHERE m.id = $1", {id});
  if (rows.empty()) return std::nullopt;
  core::OutboxMessage message = FromRow(rows.front()).message;
  const int attempts_before = message.attempts;
  auto outcome = core::RecordAttempt(message, result, policy, now);
  if (!outcome) return std::nullopt;
  const std::int64_t written = tx_.Execute(
      "UPDATE outbox_messages SET state = $1, attempts = $2, next_attempt_at = $3, delivered_at = $4, last_error = $5 "
      "WHERE id = $6 AND state = 'pending' AND attempts = $7",
      {std::string(core::DeliveryStateCode(message.state)), std::int64_t{message.attempts}, message.next_attempt_at,
       OptionalInt(message.delivered_at), message.last_error, id, std::int64_t{attempts_before}});
  if (written != 1) return std::nullopt;
  return message.state;
}

void OutboxRepository::Release(const std::string& id, core::EpochSeconds now) {
  tx_.Execute("UPDATE outbox_messages SET next_attempt_at = $1 WHERE id = $2 AND state = 'pending'", {now, id});
}

Page<OutboxEntry> OutboxRepository::List(const std::string& region_code, const std::string& state,
                                         const PageRequest& page) {
  Params params{region_code};
  std::string where = "WHERE m.region_code = $1";
  if (!state.empty()) {
    params.push_back(state);
    where += " AND m.state = $2";
  }
  Page<OutboxEntry> out;
  for (auto row : tx_.Query(kEntryColumns + where + " ORDER BY m.created_at DESC, m.id DESC" + Limit(page), params))
    out.items.push_back(FromRow(row));
  out.total = TotalOf(page, out.items.size(), [&] {
    return tx_.Query("SELECT COUNT(*) FROM outbox_messages m " + where, params).front().Int(0);
  });
  return out;
}

core::Result<OutboxEntry> OutboxRepository::Retry(const core::Principal& caller, const std::string& id,
                                                  core::EpochSeconds now) {
  auto rows =
      tx_.Query(std::string(kEntryColumns) + "WHERE m.id = $1 AND m.region_code = $2", {id, caller.region_code});
  if (rows.empty()) return core::Status::NotFound({"消息不存在", "no such outbox message"});
  if (FromRow(rows.front()).message.state != core::DeliveryState::kDead)
    return core::Status::RuleBroken({"只有发送失败的消息可以重发", "only a dead message can be retried"});
  tx_.Execute(
      "UPDATE outbox_messages SET state = 'pending', attempts = 0, next_attempt_at = $1 "
      "WHERE id = $2 AND state = 'dead'",
      {now, id});
  AuditLog(tx_).Append(caller, "retry", "outbox_message", id, "{\"state\":\"dead\"}", "{\"state\":\"pending\"}");
  return FromRow(tx_.Query(std::string(kEntryColumns) + "WHERE m.id = $1", {id}).front());
}

}  // namespace sanpi::storage
