#pragma once
// 通知发件箱 rows: the worker claims due messages, sends them without holding a transaction, and records each
// attempt through core::RecordAttempt (delivered / retry at backoff / dead). A claim pushes next_attempt_at a
// lease ahead, so a second worker (`sanpi notify` beside `sanpi serve`) skips what the first is sending, and a
// worker that dies mid-send leaves its messages to be sent again after the lease: delivery is at least once.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/outbox.hpp"
#include "core/status.hpp"
#include "storage/database.hpp"
#include "storage/page.hpp"

namespace sanpi::storage {

// A message with what is needed to send it: its target's current URL and DingTalk secret.
struct ClaimedMessage {
  core::OutboxMessage message;  // message.target is the URL
  std::string secret;
  std::int64_t target_id = 0;
};

// A message as the office's outbox list shows it.
struct OutboxEntry {
  core::OutboxMessage message;
  std::string region_code;
  std::int64_t target_id = 0;
  std::string target_name;
  std::int64_t event_id = 0;
};

class OutboxRepository {
 public:
  explicit OutboxRepository(Transaction& tx) : tx_(tx) {}

  // Up to `limit` pending messages due at `now`, oldest first, each leased until now + lease (call in a write
  // transaction and commit before sending). PostgreSQL skips rows another worker has locked.
  std::vector<ClaimedMessage> ClaimDue(core::EpochSeconds now, core::EpochSeconds lease, int limit);
  // Applies one attempt's result with core::RecordAttempt and stores it; returns the message's state after it
  // (pending again: retried), nullopt (nothing stored) when the message is gone or no longer pending — a late
  // duplicate result never undoes a delivery.
  std::optional<core::DeliveryState> Record(const std::string& id, const core::AttemptResult& result,
                                            const core::RetryPolicy& policy, core::EpochSeconds now);

  // Hands a claimed message back unsent: due at `now` again (a stopping worker).
  void Release(const std::string& id, core::EpochSeconds now);

  // The region's messages, newest first; `state` empty for all.
  Page<OutboxEntry> List(const std::string& region_code, const std::string& state, const PageRequest& page);
  // A dead message of the caller's region back to pending, due at `now`, with its attempts reset, audited:
  // NotFound when it is not the region's, RuleBroken unless it is dead.
  core::Result<OutboxEntry> Retry(const core::Principal& caller, const std::string& id, core::EpochSeconds now);

 private:
  Transaction& tx_;
};

}  // namespace sanpi::storage
