#pragma once
// 通知发件箱: the delivery logic of outgoing webhooks, without the I/O. Each warning event becomes one message
// per target; a worker (storage + HTTP, later) sends the due ones, reports each attempt's result here, and
// stores what comes back. Delivery is at least once: a message is resent until a success, and carries an id
// the receiver de-duplicates on (JSON webhooks get it in the body; robots cannot, so a message is never sent
// again after a success).
//
// Retries: exponential backoff base × 2^(n−1), capped, with ± jitter_percent spread so that messages failing
// together do not retry together. The jitter is deterministic given a seed (by default a hash of the message id),
// so a test can name the exact delay. After max_attempts failures — or at once on a permanent failure (a bad key,
// a rejected payload) — the message is dead-lettered for an administrator to look at.
//
// Payloads follow the group-robot formats: WeCom (企业微信) {"msgtype":"markdown","markdown":{"content":…}} and
// {"msgtype":"text","text":{"content":…,"mentioned_mobile_list":[…]}}; DingTalk (钉钉)
// {"msgtype":"markdown","markdown":{"title":…,"text":…},"at":{"atMobiles":[…],"isAtAll":false}} and the text
// form. DingTalk's signed webhooks (timestamp + HMAC-SHA256 of the secret) are added by the HTTP sender, which
// has the crypto library; core stays standard-library only.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "core/text.hpp"
#include "core/warning_lifecycle.hpp"

namespace sanpi::core {

using EpochSeconds = std::int64_t;  // Unix time, seconds

enum class Channel { kWecom, kDingtalk, kJsonWebhook };
std::string_view ChannelCode(Channel channel);  // wecom, dingtalk, json
std::optional<Channel> ParseChannel(std::string_view code);

enum class DeliveryState { kPending, kDelivered, kDead };
std::string_view DeliveryStateCode(DeliveryState state);  // pending, delivered, dead

struct OutboxMessage {
  std::string id;  // de-duplication id, unique per event and target (OutboxMessageId)
  Channel channel = Channel::kJsonWebhook;
  std::string target;   // the webhook URL
  std::string payload;  // the JSON body
  DeliveryState state = DeliveryState::kPending;
  int attempts = 0;  // attempts made
  EpochSeconds created_at = 0;
  EpochSeconds next_attempt_at = 0;
  std::optional<EpochSeconds> delivered_at;
  std::string last_error;
};

// "sanpi-<event id>-<target id>": stable, so re-queuing the same event for the same target is a duplicate.
std::string OutboxMessageId(std::int64_t event_id, std::int64_t target_id);
OutboxMessage NewOutboxMessage(std::string id, Channel channel, std::string target, std::string payload,
                               EpochSeconds now);
// Pending and its next attempt time has come.
bool IsDue(const OutboxMessage& message, EpochSeconds now);

struct RetryPolicy {
  int max_attempts = 8;
  EpochSeconds base_delay = 30;      // after the first failure
  EpochSeconds max_delay = 6 * 3600;  // cap before jitter
  int jitter_percent = 20;            // the delay varies by ± this share
};
// Invalid unless max_attempts 1–100, 1 ≤ base_delay ≤ max_delay, jitter 0–100.
Status ValidateRetryPolicy(const RetryPolicy& policy);

struct DelayBounds {
  EpochSeconds min = 0;
  EpochSeconds max = 0;
};
// Bounds of the wait after the `failures`-th failed attempt (1 = the first): nominal min(base × 2^(failures−1),
// max_delay), ± jitter_percent, never below 1 s.
DelayBounds RetryDelayBounds(const RetryPolicy& policy, int failures);
// A delay within those bounds, the same for the same seed and failure count.
EpochSeconds RetryDelay(const RetryPolicy& policy, int failures, std::uint64_t seed);
// FNV-1a of the message id: the default jitter seed.
std::uint64_t JitterSeed(std::string_view message_id);

// What one HTTP attempt returned. No status: the request never got an answer (connection refused, timeout).
struct AttemptResult {
  std::optional<int> http_status;
  std::string body;
  std::string error;  // the transport's message when there was no answer
};

enum class AttemptOutcome { kDelivered, kRetry, kPermanent };
// 2xx delivers — for the robots only with "errcode":0 in the body (they answer 200 with an error code). No
// answer, 408, 429, 5xx and the robots' rate-limit / busy codes (WeCom 45009 and -1, DingTalk 130101, 90030
// and -1) retry; anything else is permanent (a wrong key or payload will not get better).
AttemptOutcome ClassifyAttempt(Channel channel, const AttemptResult& result);
// The number after "errcode": in a robot's answer; nullopt when absent.
std::optional<std::int64_t> RobotErrorCode(std::string_view body);

// Applies one attempt: delivered; or retried at now + RetryDelay (seed JitterSeed(id)); or dead-lettered after
// max_attempts or on a permanent failure. A message that is not pending is left as it is (a late duplicate
// result must not undo a delivery); returns the outcome that was applied, nullopt when nothing was.
std::optional<AttemptOutcome> RecordAttempt(OutboxMessage& message, const AttemptResult& result,
                                            const RetryPolicy& policy, EpochSeconds now);

// ---- payloads ----

inline constexpr size_t kWecomMarkdownMaxBytes = 4096;
inline constexpr size_t kWecomTextMaxBytes = 2048;
inline constexpr size_t kDingtalkMaxBytes = 20000;  // DingTalk documents no exact cap; stay well inside

// The text of a JSON string (without the quotes): ", \ and control characters escaped (\n, \t …, \u00XX
// otherwise); UTF-8 passes through, except that invalid bytes become U+FFFD so the body is always valid JSON.
std::string JsonEscape(std::string_view text);
// At most `max_bytes` bytes, cut on a character boundary, ending in "…" when cut.
std::string Utf8Truncate(std::string_view text, size_t max_bytes);

struct RobotMessage {
  std::string title;     // DingTalk's conversation preview; the first heading elsewhere
  std::string markdown;  // the body in markdown
  std::string text;      // the same as plain text
  std::vector<std::string> mention_mobiles;  // people to @ by mobile number
  bool mention_all = false;
};
std::string WecomMarkdownPayload(const RobotMessage& message);  // WeCom markdown cannot @ by mobile
std::string WecomTextPayload(const RobotMessage& message);
std::string DingtalkMarkdownPayload(const RobotMessage& message);  // "@138…" appended so the @ shows
std::string DingtalkTextPayload(const RobotMessage& message);

// A warning event as a robot message in one language (the zone's groups read Chinese).
RobotMessage RobotMessageFor(const WarningEvent& event, Language language = Language::kZh);
// {"id":…,"event":"escalated","occurred_on":"2025-04-06","warning":{"id":…,"key":…,"rule":…,"project_id":…,
//  "project_name":…,"subject":…,"subject_id":…,"level":…,"previous_level":…,"unit_id":…,"leader_id":…},
//  "message":{"zh":…,"en":…}}
std::string JsonWebhookPayload(const WarningEvent& event, std::string_view message_id);
// The body for a channel: robot markdown for DingTalk; for WeCom markdown, or text when someone is to be @-ed
// (WeCom markdown cannot mention by mobile); the JSON event for a plain webhook.
std::string PayloadFor(Channel channel, const WarningEvent& event, std::string_view message_id,
                       const std::vector<std::string>& mention_mobiles = {});

}  // namespace sanpi::core
