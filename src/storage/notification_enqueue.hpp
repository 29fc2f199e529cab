#pragma once
// Turns warning events into inbox items and outbox messages, in the transaction that appends the events
// (WarningRepository calls it from the one place events are inserted), so every stored event is notified and
// none is notified without being stored. Idempotent: inbox rows are unique per (user, event) and a message's
// id is core::OutboxMessageId(event, target), so running it again for the same events adds nothing.
#include <cstdint>
#include <string>
#include <vector>

#include "core/outbox.hpp"
#include "core/warning_lifecycle.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

struct StoredEvent {
  std::int64_t id = 0;  // warning_events.id
  const core::WarningEvent* event = nullptr;
};

// Inbox: the users core::InboxAudienceFor names (active, of the event's region for the office). Outbox: one
// pending message per event and enabled target of `region_code` that core::Wants it, due at `now`. A few
// statements per few hundred events. Throws DbError like any write.
void EnqueueNotifications(Transaction& tx, const std::string& region_code, const std::vector<StoredEvent>& events,
                          core::EpochSeconds now);

}  // namespace sanpi::storage
