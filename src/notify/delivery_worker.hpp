#pragma once
// 通知投递: one round of the outbox worker — claim the due messages in a short transaction, send each without
// holding one, record each result in its own short transaction (core::RecordAttempt: delivered, retried at
// backoff, or dead). `now` is passed in so tests can move time instead of sleeping.
#include <chrono>
#include <cstdint>
#include <functional>

#include "core/outbox.hpp"
#include "notify/webhook_client.hpp"
#include "storage/database.hpp"
#include "storage/outbox_repository.hpp"

namespace sanpi::notify {

// Sends one claimed message; must not throw.
using Sender = std::function<core::AttemptResult(const storage::ClaimedMessage&)>;

// The real sender: signs a DingTalk URL when the target has a secret (with the wall clock, as DingTalk checks
// it), then notify::PostJson with the message id as the de-duplication header.
// `reach`: which addresses the targets may resolve to (webhook_client.hpp).
Sender WebhookSender(std::chrono::milliseconds timeout, WebhookReach reach = WebhookReach::kPublicAndPrivate);

struct DeliveryOptions {
  core::RetryPolicy policy;
  int batch = 20;                             // messages claimed at a time
  std::chrono::milliseconds timeout{10'000};  // one attempt
};

struct DeliveryCounts {
  std::int64_t delivered = 0, retried = 0, dead = 0;
  std::int64_t attempts() const { return delivered + retried + dead; }
};

// Sends every message due at `now` (claiming batch after batch until none is due; a retried one is due later,
// so the round ends). When `stopping` turns true the round ends before the next send, handing the claimed but
// unsent messages back (due at `now`, no attempt counted). Database errors propagate as DbError.
DeliveryCounts DeliverDue(storage::Database& db, const Sender& send, const DeliveryOptions& options,
                          core::EpochSeconds now, const std::function<bool()>& stopping = {});

}  // namespace sanpi::notify
