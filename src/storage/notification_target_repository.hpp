#pragma once
// 通知对象 records: a region's group robots and JSON webhooks, with optimistic versions and audit. Scope: the
// caller's own region (the office configures its groups); another region's target is not found. The secret is
// stored as given (a webhook needs it in clear to sign) and never returned by the API.
#include <cstdint>
#include <string>
#include <vector>

#include "codec/notification_json.hpp"
#include "core/access.hpp"
#include "core/notification_target.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

class NotificationTargetRepository {
 public:
  explicit NotificationTargetRepository(Transaction& tx) : tx_(tx) {}

  // The caller's region's targets, by id.
  std::vector<core::NotificationTarget> List(const core::Principal& caller);
  // NotFound when absent or in another region.
  core::Result<core::NotificationTarget> Get(const core::Principal& caller, std::int64_t id);
  // Invalid naming the field (core::ValidateNotificationTarget).
  core::Result<core::NotificationTarget> Create(const core::Principal& caller, codec::NotificationTargetInput input);
  // Conflict when `input.target.version` is not the stored one; the secret is kept unless given.
  core::Result<core::NotificationTarget> Update(const core::Principal& caller, std::int64_t id,
                                                codec::NotificationTargetInput input);
  // Drops the target's outbox messages with it.
  core::Status Delete(const core::Principal& caller, std::int64_t id, std::int64_t version);

  // Every enabled target of a region: what the enqueue hook matches events against. No scope: the system's.
  std::vector<core::NotificationTarget> EnabledIn(const std::string& region_code);

 private:
  std::vector<core::NotificationTarget> Select(const std::string& where, const Params& params);
  Transaction& tx_;
};

}  // namespace sanpi::storage
