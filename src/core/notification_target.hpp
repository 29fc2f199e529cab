#pragma once
// 通知对象与收件人: where a region's warning events go. A notification target is one group robot (WeCom, DingTalk)
// or plain JSON webhook, with the levels and event kinds it wants; the in-app inbox reaches people. Pure rules
// only: the outbox's delivery logic is outbox.hpp, the tables and the HTTP client live in storage/ and notify/.
//
// Who gets an event in the inbox (InboxAudienceFor):
//  - the users of the responsible unit and the assignee: every event of the warning — they must act;
//  - the copied leader (包联领导, the warning's leader_id) and the project office users of the region: only what
//    concerns a red warning or a 督办单 — the event is red, comes down from red, or is an order event;
//  - never the person whose own action produced the event.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/outbox.hpp"
#include "core/status.hpp"
#include "core/warning_lifecycle.hpp"

namespace sanpi::core {

inline constexpr size_t kMaxTargetNameBytes = 100;
inline constexpr size_t kMaxWebhookUrlBytes = 2000;
inline constexpr size_t kMaxTargetSecretBytes = 200;

struct NotificationTarget {
  std::int64_t id = 0;
  std::string region_code;
  std::string name;
  Channel channel = Channel::kJsonWebhook;
  std::string url;
  std::string secret;                         // DingTalk 加签 secret; empty: unsigned. Never shown back in clear.
  std::vector<WarningLevel> levels;           // empty: every level
  std::vector<WarningEventKind> event_kinds;  // empty: every kind
  bool enabled = true;
  std::int64_t version = 0;
};

// Name 1–100 bytes; URL an http(s) URL with a host (ParseWebhookUrl); a secret only for DingTalk, at most 200
// bytes; levels yellow/orange/red. Field errors name "name", "url", "secret", "levels".
Status ValidateNotificationTarget(const NotificationTarget& target);

// The target wants the event: enabled, its kind listed (or none listed), and its level or the level it came
// from listed (or none listed) — so a red-only group also hears that a red warning closed or came down.
bool Wants(const NotificationTarget& target, const WarningEvent& event);

std::optional<WarningEventKind> ParseWarningEventKind(std::string_view code);
const std::vector<WarningEventKind>& AllWarningEventKinds();

// The parts of a webhook URL the HTTP client needs.
struct WebhookUrl {
  bool tls = false;  // https
  std::string host;
  std::string port;    // "443" / "80" unless given
  std::string target;  // path and query, "/" at least
};
// nullopt unless "http://" or "https://", a host (a name or an IPv4 address; no user info), an optional
// numeric port 1–65535, and no spaces or control characters.
std::optional<WebhookUrl> ParseWebhookUrl(std::string_view url);

// Who hears an event in the inbox; zeros mean nobody in that role. storage turns it into user rows.
struct InboxAudience {
  std::int64_t unit_id = 0;  // every active user of this org unit
  std::int64_t assignee_id = 0;
  std::int64_t leader_id = 0;
  bool region_office = false;       // every active project office user of the warning's region
  std::int64_t except_user_id = 0;  // the actor, who knows already
};
bool ConcernsRedOrOrder(const WarningEvent& event);
InboxAudience InboxAudienceFor(const WarningEvent& event);

}  // namespace sanpi::core
