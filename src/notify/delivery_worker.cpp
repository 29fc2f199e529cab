#include "notify/delivery_worker.hpp"

#include <chrono>

#include "notify/dingtalk_sign.hpp"
#include "notify/webhook_client.hpp"

namespace sanpi::notify {
namespace {

constexpr core::EpochSeconds kLeaseMargin = 60;  // beyond the batch's worst-case sending time

}  // namespace

Sender WebhookSender(std::chrono::milliseconds timeout, WebhookReach reach) {
  return [timeout, reach](const storage::ClaimedMessage& claimed) {
    std::string url = claimed.message.target;
    if (claimed.message.channel == core::Channel::kDingtalk && !claimed.secret.empty()) {
      const auto ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
              .count();
      url = DingtalkSignedUrl(url, claimed.secret, ms);
    }
    return PostJson(url, claimed.message.payload, claimed.message.id, timeout, reach);
  };
}

DeliveryCounts DeliverDue(storage::Database& db, const Sender& send, const DeliveryOptions& options,
                          core::EpochSeconds now, const std::function<bool()>& stopping) {
  const core::EpochSeconds lease =
      options.batch * std::chrono::duration_cast<std::chrono::seconds>(options.timeout).count() + kLeaseMargin;
  DeliveryCounts counts;
  for (;;) {
    std::vector<storage::ClaimedMessage> claimed;
    {
      auto tx = db.Begin(storage::Access::kWrite);
      claimed = storage::OutboxRepository(*tx).ClaimDue(now, lease, options.batch);
      tx->Commit();
    }
    if (claimed.empty()) return counts;
    for (size_t i = 0; i < claimed.size(); ++i) {
      const storage::ClaimedMessage& message = claimed[i];
      if (stopping && stopping()) {
        auto tx = db.Begin(storage::Access::kWrite);
        storage::OutboxRepository outbox(*tx);
        for (; i < claimed.size(); ++i) outbox.Release(claimed[i].message.id, now);
        tx->Commit();
        return counts;
      }
      const core::AttemptResult result = send(message);
      auto tx = db.Begin(storage::Access::kWrite);
      auto state = storage::OutboxRepository(*tx).Record(message.message.id, result, options.policy, now);
      tx->Commit();
      if (!state) continue;
      switch (*state) {
        case core::DeliveryState::kDelivered:
          ++counts.delivered;
          break;
        case core::DeliveryState::kPending:
          ++counts.retried;
          break;
        case core::DeliveryState::kDead:
          ++counts.dead;
          break;
      }
    }
  }
}

}  // namespace sanpi::notify
