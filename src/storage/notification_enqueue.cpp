#include "storage/notification_enqueue.hpp"

#include "core/notification_target.hpp"
#include "storage/batches.hpp"
#include "storage/clock.hpp"
#include "storage/notification_target_repository.hpp"

namespace sanpi::storage {
namespace {

// "(CAST($n AS BIGINT), …)" for `count` parameters after `offset`.
std::string BigintTuple(size_t offset, size_t count) {
  std::string out = "(";
  for (size_t k = 0; k < count; ++k)
    out += (k ? ", CAST($" : "CAST($") + std::to_string(offset + k + 1) + " AS BIGINT)";
  return out + ")";
}

void EnqueueInbox(Transaction& tx, const std::string& region_code, const std::vector<StoredEvent>& events) {
  const std::string now = NowLocal();
  InBatches(events.size(), [&](size_t first, size_t count) {
    Params params{now, region_code};
    std::string values;
    for (size_t i = first; i < first + count; ++i) {
      const core::InboxAudience who = core::InboxAudienceFor(*events[i].event);
      values += (i > first ? ", " : "") + BigintTuple(params.size(), 6);
      for (std::int64_t value : {events[i].id, who.unit_id, who.assignee_id, who.leader_id,
                                 std::int64_t{who.region_office ? 1 : 0}, who.except_user_id})
        params.push_back(value);
    }
    // WHERE 1 = 1 keeps SQLite from reading ON CONFLICT as the join's ON.
    tx.Execute(
        "INSERT INTO inbox_items (user_id, event_id, created_at) SELECT DISTINCT u.id, v.column1, $1 FROM (VALUES " +
            values +
            ") AS v JOIN users u ON u.active = 1 AND u.id <> v.column6 AND (u.unit_id = v.column2 OR "
            "u.id = v.column3 OR u.id = v.column4 OR (v.column5 = 1 AND u.region_code = $2 AND "
            "(',' || u.roles || ',') LIKE '%,office,%')) WHERE 1 = 1 ON CONFLICT (user_id, event_id) DO NOTHING",
        params);
  });
}

struct Message {
  std::string id;
  std::int64_t target_id = 0;
  std::int64_t event_id = 0;
  core::Channel channel = core::Channel::kJsonWebhook;
  std::string payload;
};

void EnqueueOutbox(Transaction& tx, const std::string& region_code, const std::vector<StoredEvent>& events,
                   core::EpochSeconds now) {
  const std::vector<core::NotificationTarget> targets = NotificationTargetRepository(tx).EnabledIn(region_code);
  if (targets.empty()) return;
  std::vector<Message> messages;
  for (const StoredEvent& stored : events) {
    const core::WarningEvent& event = *stored.event;
    for (const core::NotificationTarget& target : targets) {
      if (!core::Wants(target, event)) continue;
      Message message{core::OutboxMessageId(stored.id, target.id), target.id, stored.id, target.channel, ""};
      message.payload = core::PayloadFor(target.channel, event, message.id);
      messages.push_back(std::move(message));
    }
  }
  InBatches(messages.size(), [&](size_t first, size_t count) {
    Params params{region_code, now};
    std::string values;
    for (size_t i = first; i < first + count; ++i) {
      const Message& m = messages[i];
      const std::string p = std::to_string(params.size() + 1);
      values += (i > first ? ", ($" : "($") + p + ", $1, CAST($" + std::to_string(params.size() + 2) +
                " AS BIGINT), CAST($" + std::to_string(params.size() + 3) + " AS BIGINT), $" +
                std::to_string(params.size() + 4) + ", $" + std::to_string(params.size() + 5) +
                ", 'pending', 0, CAST($2 AS BIGINT), CAST($2 AS BIGINT))";
      params.push_back(m.id);
      params.push_back(m.target_id);
      params.push_back(m.event_id);
      params.push_back(std::string(core::ChannelCode(m.channel)));
      params.push_back(m.payload);
    }
    tx.Execute(
        "INSERT INTO outbox_messages (id, region_code, target_id, event_id, channel, payload, state, attempts, "
        "created_at, next_attempt_at) VALUES " +
            values + " ON CONFLICT (id) DO NOTHING",
        params);
  });
}

}  // namespace

void EnqueueNotifications(Transaction& tx, const std::string& region_code, const std::vector<StoredEvent>& events,
                          core::EpochSeconds now) {
  if (events.empty()) return;
  EnqueueInbox(tx, region_code, events);
  EnqueueOutbox(tx, region_code, events, now);
}

}  // namespace sanpi::storage
