#include "core/outbox.hpp"

#include <algorithm>
#include <cctype>

namespace sanpi::core {
namespace {

std::uint64_t SplitMix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Length of the valid UTF-8 sequence at text[i], 0 when the bytes there are not one.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  if (length == 2 && lead < 0xC2) return 0;                        // overlong
  if (length == 3 && lead == 0xE0 && byte(i + 1) < 0xA0) return 0;  // overlong
  if (length == 3 && lead == 0xED && byte(i + 1) >= 0xA0) return 0;  // UTF-16 surrogate
  if (length == 4 && (lead > 0xF4 || (lead == 0xF0 && byte(i + 1) < 0x90) || (lead == 0xF4 && byte(i + 1) >= 0x90)))
    return 0;
  return length;
}

std::string Quoted(std::string_view text) {
  std::string out(1, '"');
  out += JsonEscape(text);
  out += '"';
  return out;
}

std::string StringArray(const std::vector<std::string>& items, bool with_all) {
  std::string out = "[";
  for (const std::string& item : items) {
    if (out.size() > 1) out += ",";
    out += Quoted(item);
  }
  if (with_all) out += std::string(out.size() > 1 ? "," : "") + "\"@all\"";
  return out + "]";
}

std::string DingtalkAt(const RobotMessage& message) {
  return "\"at\":{\"atMobiles\":" + StringArray(message.mention_mobiles, false) +
         ",\"isAtAll\":" + (message.mention_all ? "true" : "false") + "}";
}

// DingTalk shows an @ only when "@mobile" also appears in the body.
std::string WithDingtalkMentions(std::string body, const RobotMessage& message) {
  for (const std::string& mobile : message.mention_mobiles) body += " @" + mobile;
  return body;
}

}  // namespace

std::string_view ChannelCode(Channel channel) {
  switch (channel) {
    case Channel::kWecom: return "wecom";
    case Channel::kDingtalk: return "dingtalk";
    case Channel::kJsonWebhook: return "json";
  }
  return "";
}

std::optional<Channel> ParseChannel(std::string_view code) {
  for (Channel channel : {Channel::kWecom, Channel::kDingtalk, Channel::kJsonWebhook})
    if (ChannelCode(channel) == code) return channel;
  return std::nullopt;
}

std::string_view DeliveryStateCode(DeliveryState state) {
  switch (state) {
    case DeliveryState::kPending: return "pending";
    case DeliveryState::kDelivered: return "delivered";
    case DeliveryState::kDead: return "dead";
  }
  return "";
}

std::string OutboxMessageId(std::int64_t event_id, std::int64_t target_id) {
  return "sanpi-" + std::to_string(event_id) + "-" + std::to_string(target_id);
}

OutboxMessage NewOutboxMessage(std::string id, Channel channel, std::string target, std::string payload,
                               EpochSeconds now) {
  OutboxMessage message;
  message.id = std::move(id);
  message.channel = channel;
  message.target = std::move(target);
  message.payload = std::move(payload);
  message.created_at = now;
  message.next_attempt_at = now;
  return message;
}

bool IsDue(const OutboxMessage& message, EpochSeconds now) {
  return message.state == DeliveryState::kPending && message.next_attempt_at <= now;
}

Status ValidateRetryPolicy(const RetryPolicy& policy) {
  FieldErrors errors;
  if (policy.max_attempts < 1 || policy.max_attempts > 100)
    errors.Add("max_attempts", {"最大尝试次数应在1至100之间", "Max attempts must be 1 to 100"});
  if (policy.base_delay < 1) errors.Add("base_delay", {"首次重试间隔至少1秒", "The first delay must be at least 1 s"});
  if (policy.max_delay < policy.base_delay)
    errors.Add("max_delay", {"最大间隔不能小于首次间隔", "The maximum delay cannot be below the first delay"});
  if (policy.jitter_percent < 0 || policy.jitter_percent > 100)
    errors.Add("jitter_percent", {"抖动比例应在0至100之间", "Jitter must be 0 to 100 percent"});
  return errors.ToStatus();
}

DelayBounds RetryDelayBounds(const RetryPolicy& policy, int failures) {
  EpochSeconds nominal = std::max<EpochSeconds>(policy.base_delay, 1);
  for (int n = 1; n < failures && nominal < policy.max_delay; ++n) nominal *= 2;  // stops before overflow
  nominal = std::min(nominal, std::max(policy.max_delay, EpochSeconds{1}));
  const EpochSeconds spread = nominal * std::clamp(policy.jitter_percent, 0, 100) / 100;
  return {std::max<EpochSeconds>(nominal - spread, 1), nominal + spread};
}

EpochSeconds RetryDelay(const RetryPolicy& policy, int failures, std::uint64_t seed) {
  const DelayBounds bounds = RetryDelayBounds(policy, failures);
  const auto width = static_cast<std::uint64_t>(bounds.max - bounds.min) + 1;
  return bounds.min + static_cast<EpochSeconds>(SplitMix64(seed ^ SplitMix64(static_cast<std::uint64_t>(failures))) % width);
}

std::uint64_t JitterSeed(std::string_view message_id) {
  std::uint64_t hash = 0xCBF29CE484222325ull;
  for (unsigned char c : message_id) hash = (hash ^ c) * 0x100000001B3ull;
  return hash;
}

std::optional<std::int64_t> RobotErrorCode(std::string_view body) {
  size_t at = body.find("\"errcode\"");
  if (at == std::string_view::npos) return std::nullopt;
  size_t i = at + 9;
  auto skip_space = [&] { while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i; };
  skip_space();
  if (i >= body.size() || body[i] != ':') return std::nullopt;
  ++i;
  skip_space();
  bool negative = i < body.size() && body[i] == '-';
  if (negative) ++i;
  if (i >= body.size() || !std::isdigit(static_cast<unsigned char>(body[i]))) return std::nullopt;
  std::int64_t code = 0;
  for (; i < body.size() && std::isdigit(static_cast<unsigned char>(body[i])) && code < 1'000'000'000'000; ++i)
    code = code * 10 + (body[i] - '0');
  return negative ? -code : code;
}

AttemptOutcome ClassifyAttempt(Channel channel, const AttemptResult& result) {
  if (!result.http_status) return AttemptOutcome::kRetry;
  const int status = *result.http_status;
  if (status == 408 || status == 429 || status >= 500) return AttemptOutcome::kRetry;
  if (status < 200 || status >= 300) return AttemptOutcome::kPermanent;
  if (channel == Channel::kJsonWebhook) return AttemptOutcome::kDelivered;
  std::optional<std::int64_t> code = RobotErrorCode(result.body);
  if (!code) return AttemptOutcome::kRetry;  // an answer we cannot read: maybe a proxy page; try again
  if (*code == 0) return AttemptOutcome::kDelivered;
  const bool busy = *code == -1 || (channel == Channel::kWecom && *code == 45009) ||
                    (channel == Channel::kDingtalk && (*code == 130101 || *code == 90030));
  return busy ? AttemptOutcome::kRetry : AttemptOutcome::kPermanent;
}

std::optional<AttemptOutcome> RecordAttempt(OutboxMessage& message, const AttemptResult& result,
                                            const RetryPolicy& policy, EpochSeconds now) {
  if (message.state != DeliveryState::kPending) return std::nullopt;
  ++message.attempts;
  AttemptOutcome outcome = ClassifyAttempt(message.channel, result);
  if (outcome == AttemptOutcome::kDelivered) {
    message.state = DeliveryState::kDelivered;
    message.delivered_at = now;
    message.last_error.clear();
    return outcome;
  }
  message.last_error = result.http_status ? "HTTP " + std::to_string(*result.http_status) + ": " +
                                                Utf8Truncate(result.body, 500)
                                          : result.error;
  if (outcome == AttemptOutcome::kPermanent || message.attempts >= policy.max_attempts) {
    message.state = DeliveryState::kDead;
    return outcome;
  }
  message.next_attempt_at = now + RetryDelay(policy, message.attempts, JitterSeed(message.id));
  return outcome;
}

std::string JsonEscape(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t length = Utf8SequenceLength(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for a stray byte
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  return out;
}

std::string Utf8Truncate(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  static constexpr std::string_view kEllipsis = "…";
  if (max_bytes < kEllipsis.size()) return "";
  size_t cut = max_bytes - kEllipsis.size();
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // back to a lead byte
  return std::string(text.substr(0, cut)) + std::string(kEllipsis);
}

std::string WecomMarkdownPayload(const RobotMessage& message) {
  return "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":" +
         Quoted(Utf8Truncate(message.markdown, kWecomMarkdownMaxBytes)) + "}}";
}

std::string WecomTextPayload(const RobotMessage& message) {
  std::string out = "{\"msgtype\":\"text\",\"text\":{\"content\":" + Quoted(Utf8Truncate(message.text, kWecomTextMaxBytes));
  if (!message.mention_mobiles.empty() || message.mention_all)
    out += ",\"mentioned_mobile_list\":" + StringArray(message.mention_mobiles, message.mention_all);
  return out + "}}";
}

std::string DingtalkMarkdownPayload(const RobotMessage& message) {
  return "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":" + Quoted(message.title) + ",\"text\":" +
         Quoted(Utf8Truncate(WithDingtalkMentions(message.markdown, message), kDingtalkMaxBytes)) + "}," +
         DingtalkAt(message) + "}";
}

std::string DingtalkTextPayload(const RobotMessage& message) {
  return "{\"msgtype\":\"text\",\"text\":{\"content\":" +
         Quoted(Utf8Truncate(WithDingtalkMentions(message.text, message), kDingtalkMaxBytes)) + "}," +
         DingtalkAt(message) + "}";
}

RobotMessage RobotMessageFor(const WarningEvent& event, Language language) {
  const bool zh = language == Language::kZh;
  const Text rule = RuleName(event.key.rule);
  const Text level = WarningLevelLabel(event.level);
  RobotMessage message;
  message.title = (zh ? "【" + level.zh + "预警】" : "[" + level.en + "] ") + event.project_name;
  const std::string& body = event.message.In(language);
  message.markdown = "### " + message.title + "\n> " + (zh ? "规则：" : "Rule: ") + rule.In(language) + "\n> " +
                     (zh ? "日期：" : "Date: ") + event.on.ToString() + "\n\n" + body;
  message.text = body;
  return message;
}

std::string JsonWebhookPayload(const WarningEvent& event, std::string_view message_id) {
  const auto number = [](std::int64_t value) { return std::to_string(value); };
  return "{\"id\":" + Quoted(message_id) + ",\"event\":" + Quoted(WarningEventCode(event.kind)) +
         ",\"occurred_on\":" + Quoted(event.on.ToString()) + ",\"warning\":{\"id\":" + number(event.warning_id) +
         ",\"key\":" + Quoted(ConditionKeyString(event.key)) + ",\"rule\":" + Quoted(RuleCode(event.key.rule)) +
         ",\"project_id\":" + number(event.key.project_id) + ",\"project_name\":" + Quoted(event.project_name) +
         ",\"subject\":" + Quoted(SubjectKindCode(event.key.subject)) + ",\"subject_id\":" +
         number(event.key.subject_id) + ",\"level\":" + Quoted(WarningLevelCode(event.level)) +
         ",\"previous_level\":" + Quoted(WarningLevelCode(event.previous_level)) + ",\"unit_id\":" +
         number(event.unit_id) + ",\"leader_id\":" + number(event.leader_id) + "},\"message\":{\"zh\":" +
         Quoted(event.message.zh) + ",\"en\":" + Quoted(event.message.en) + "}}";
}

std::string PayloadFor(Channel channel, const WarningEvent& event, std::string_view message_id,
                       const std::vector<std::string>& mention_mobiles) {
  if (channel == Channel::kJsonWebhook) return JsonWebhookPayload(event, message_id);
  RobotMessage message = RobotMessageFor(event);
  message.mention_mobiles = mention_mobiles;
  if (channel == Channel::kDingtalk) return DingtalkMarkdownPayload(message);
  // WeCom's markdown cannot @ by mobile number: when someone must be reached, send text.
  return mention_mobiles.empty() ? WecomMarkdownPayload(message) : WecomTextPayload(message);
}

}  // namespace sanpi::core
