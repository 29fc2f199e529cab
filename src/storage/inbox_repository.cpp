#include "storage/inbox_repository.hpp"

#include "core/notification_target.hpp"
#include "storage/clock.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kSelect =
    "SELECT i.id, i.event_id, i.created_at, i.read_at, e.warning_id, e.kind, e.level, e.previous_level, e.on_date, "
    "e.project_id, e.unit_id, e.leader_id, e.assignee_id, e.actor_id, e.message_zh, e.message_en, w.project_name, "
    "w.condition_key FROM inbox_items i JOIN warning_events e ON e.id = i.event_id JOIN warnings w ON w.id = "
    "e.warning_id ";

InboxItem FromRow(const Row& row) {
  InboxItem item;
  item.id = row.Int(0);
  item.event_id = row.Int(1);
  item.created_at = row.Text(2);
  item.read_at = row.IsNull(3) ? "" : row.Text(3);
  core::WarningEvent& e = item.event;
  e.warning_id = row.Int(4);
  e.kind = core::ParseWarningEventKind(row.Text(5)).value_or(core::WarningEventKind::kOpened);
  e.level = core::ParseWarningLevel(row.Text(6)).value_or(core::WarningLevel::kNone);
  e.previous_level = core::ParseWarningLevel(row.Text(7)).value_or(core::WarningLevel::kNone);
  e.on = core::Date::Parse(row.Text(8)).value_or(core::Date{});
  e.key = core::ParseConditionKey(row.Text(17)).value_or(core::ConditionKey{});
  e.key.project_id = row.Int(9);
  e.unit_id = row.Int(10);
  e.leader_id = row.Int(11);
  e.assignee_id = row.Int(12);
  e.actor_id = row.Int(13);
  e.message = {row.Text(14), row.Text(15)};
  e.project_name = row.Text(16);
  return item;
}

}  // namespace

InboxPage InboxRepository::List(std::int64_t user_id, const PageRequest& page, bool unread_only) {
  InboxPage out;
  const std::string where = std::string("WHERE i.user_id = $1") + (unread_only ? " AND i.read_at IS NULL" : "");
  for (auto row : tx_.Query(kSelect + where + " ORDER BY i.id DESC" + Limit(page), {user_id}))
    out.page.items.push_back(FromRow(row));
  out.unread =
      tx_.Query("SELECT COUNT(*) FROM inbox_items WHERE user_id = $1 AND read_at IS NULL", {user_id}).front().Int(0);
  out.page.total = TotalOf(page, out.page.items.size(), [&] {
    return tx_.Query("SELECT COUNT(*) FROM inbox_items i " + where, {user_id}).front().Int(0);
  });
  return out;
}

core::Result<InboxItem> InboxRepository::MarkRead(std::int64_t user_id, std::int64_t item_id) {
  tx_.Execute("UPDATE inbox_items SET read_at = $1 WHERE id = $2 AND user_id = $3 AND read_at IS NULL",
              {NowLocal(), item_id, user_id});
  auto rows = tx_.Query(std::string(kSelect) + "WHERE i.id = $1 AND i.user_id = $2", {item_id, user_id});
  if (rows.empty()) return core::Status::NotFound({"消息不存在", "no such inbox item"});
  return FromRow(rows.front());
}

std::int64_t InboxRepository::MarkAllRead(std::int64_t user_id) {
  return tx_.Execute("UPDATE inbox_items SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
                     {NowLocal(), user_id});
}

}  // namespace sanpi::storage
