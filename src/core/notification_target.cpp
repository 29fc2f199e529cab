#include "core/notification_target.hpp"

#include <algorithm>
#include <cctype>

namespace sanpi::core {
namespace {

bool Listed(const std::vector<WarningLevel>& levels, WarningLevel level) {
  return std::find(levels.begin(), levels.end(), level) != levels.end();
}

bool HostCharacter(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_'; }

}  // namespace

Status ValidateNotificationTarget(const NotificationTarget& target) {
  FieldErrors errors;
  if (target.name.empty() || target.name.size() > kMaxTargetNameBytes)
    errors.Add("name", {"名称不能为空，且不超过100字节", "the name must be 1 to 100 bytes"});
  if (target.url.size() > kMaxWebhookUrlBytes || !ParseWebhookUrl(target.url))
    errors.Add("url", {"应为 http:// 或 https:// 开头的有效地址", "must be a valid http:// or https:// URL"});
  if (!target.secret.empty() && target.channel != Channel::kDingtalk)
    errors.Add("secret", {"只有钉钉机器人使用加签密钥", "only DingTalk robots take a signing secret"});
  else if (target.secret.size() > kMaxTargetSecretBytes)
    errors.Add("secret", {"加签密钥不超过200字节", "the secret must be at most 200 bytes"});
  for (WarningLevel level : target.levels) {
    if (level == WarningLevel::kNone) {
      errors.Add("levels", {"预警等级应为 yellow、orange 或 red", "levels must be yellow, orange or red"});
      break;
    }
  }
  return errors.ToStatus();
}

bool Wants(const NotificationTarget& target, const WarningEvent& event) {
  if (!target.enabled) return false;
  if (!target.event_kinds.empty() &&
      std::find(target.event_kinds.begin(), target.event_kinds.end(), event.kind) == target.event_kinds.end())
    return false;
  return target.levels.empty() || Listed(target.levels, event.level) || Listed(target.levels, event.previous_level);
}

const std::vector<WarningEventKind>& AllWarningEventKinds() {
  static const std::vector<WarningEventKind> kinds = {
      WarningEventKind::kOpened,        WarningEventKind::kEscalated,
      WarningEventKind::kDeescalated,   WarningEventKind::kClosed,
      WarningEventKind::kOrderIssued,   WarningEventKind::kOrderOverdue,
      WarningEventKind::kAcknowledged,  WarningEventKind::kAssigned,
      WarningEventKind::kOrderReplied,  WarningEventKind::kOrderReplyReturned,
      WarningEventKind::kOrderSignedOff};
  return kinds;
}

std::optional<WarningEventKind> ParseWarningEventKind(std::string_view code) {
  for (WarningEventKind kind : AllWarningEventKinds())
    if (WarningEventCode(kind) == code) return kind;
  return std::nullopt;
}

std::optional<WebhookUrl> ParseWebhookUrl(std::string_view url) {
  WebhookUrl out;
  if (url.starts_with("https://")) {
    out.tls = true;
    url.remove_prefix(8);
  } else if (url.starts_with("http://")) {
    url.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return std::nullopt;
  const size_t slash = std::min(url.find_first_of("/?#"), url.size());
  std::string_view authority = url.substr(0, slash);
  std::string_view rest = url.substr(slash);
  if (rest.find('#') != std::string_view::npos) rest = rest.substr(0, rest.find('#'));
  if (authority.find('@') != std::string_view::npos) return std::nullopt;
  std::string_view port;
  if (size_t colon = authority.find(':'); colon != std::string_view::npos) {
    port = authority.substr(colon + 1);
    authority = authority.substr(0, colon);
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return std::nullopt;
    const int number = std::stoi(std::string(port));
    if (number < 1 || number > 65535) return std::nullopt;
  }
  if (authority.empty() || !std::all_of(authority.begin(), authority.end(), HostCharacter)) return std::nullopt;
  out.host = std::string(authority);
  out.port = port.empty() ? (out.tls ? "443" : "80") : std::string(port);
  out.target = rest.empty() ? "/" : rest.front() == '?' ? "/" + std::string(rest) : std::string(rest);
  return out;
}

bool ConcernsRedOrOrder(const WarningEvent& event) {
  switch (event.kind) {
    case WarningEventKind::kOrderIssued:
    case WarningEventKind::kOrderOverdue:
    case WarningEventKind::kOrderReplied:
    case WarningEventKind::kOrderReplyReturned:
    case WarningEventKind::kOrderSignedOff:
      return true;
    default:
      break;
  }
  return event.level == WarningLevel::kRed || event.previous_level == WarningLevel::kRed;
}

InboxAudience InboxAudienceFor(const WarningEvent& event) {
  InboxAudience audience;
  audience.unit_id = event.unit_id;
  audience.assignee_id = event.assignee_id;
  if (ConcernsRedOrOrder(event)) {
    audience.leader_id = event.leader_id;
    audience.region_office = true;
  }
  audience.except_user_id = event.actor_id;
  return audience;
}

}  // namespace sanpi::core
