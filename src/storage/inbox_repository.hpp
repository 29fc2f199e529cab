#pragma once
// 站内消息: a user's inbox of warning events (filled by notification_enqueue.hpp). Every call takes the user
// whose inbox it is — the caller — so nobody reads or marks another's items: another's item is not found.
#include <cstdint>
#include <string>

#include "core/status.hpp"
#include "core/warning_lifecycle.hpp"
#include "storage/database.hpp"
#include "storage/page.hpp"

namespace sanpi::storage {

struct InboxItem {
  std::int64_t id = 0;
  core::WarningEvent event;  // warning_id, kind, levels, date, message, project id
  std::int64_t event_id = 0;
  std::string created_at;  // local time
  std::string read_at;     // "" while unread
};

struct InboxPage {
  Page<InboxItem> page;
  std::int64_t unread = 0;  // of the whole inbox
};

class InboxRepository {
 public:
  explicit InboxRepository(Transaction& tx) : tx_(tx) {}

  // Newest first; `unread_only` leaves out what was read.
  InboxPage List(std::int64_t user_id, const PageRequest& page, bool unread_only = false);
  // Marks one of the user's items read (again: no change). NotFound when it is not his.
  core::Result<InboxItem> MarkRead(std::int64_t user_id, std::int64_t item_id);
  // Marks every unread item of the user; returns how many.
  std::int64_t MarkAllRead(std::int64_t user_id);

 private:
  Transaction& tx_;
};

}  // namespace sanpi::storage
