#include "core/outbox.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace sanpi::core {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

AttemptResult Http(int status, std::string body = "") { return {status, std::move(body), ""}; }
AttemptResult NoAnswer() { return {std::nullopt, "", "connection refused"}; }

WarningEvent Event() {
  WarningEvent event;
  event.kind = WarningEventKind::kEscalated;
  event.warning_id = 501;
  event.key = {RuleKind::kMilestoneOverdue, 42, SubjectKind::kMilestone, 3};
  event.project_name = "智能传感器产业园\"二期\"";
  event.level = WarningLevel::kRed;
  event.previous_level = WarningLevel::kOrange;
  event.on = Date(2025, 3, 31);
  event.unit_id = 70;
  event.leader_id = 90;
  event.message = {"【红色预警】智能传感器产业园：节点“施工许可”逾期30天\n请尽快办理", "Milestone 30 days late"};
  return event;
}

TEST(RetrySchedule, ExponentialWithinJitterBoundsAndCapped) {
  RetryPolicy policy;  // 30 s, ×2, cap 6 h, ±20 %
  EXPECT_EQ(RetryDelayBounds(policy, 1).min, 24);
  EXPECT_EQ(RetryDelayBounds(policy, 1).max, 36);
  EXPECT_EQ(RetryDelayBounds(policy, 2).min, 48);
  EXPECT_EQ(RetryDelayBounds(policy, 4).max, 288);  // 240 + 20 %
  EXPECT_EQ(RetryDelayBounds(policy, 20).max, 6 * 3600 * 12 / 10) << "capped at 6 h before jitter";
  EXPECT_EQ(RetryDelayBounds(policy, 1000).min, 6 * 3600 * 8 / 10) << "no overflow with many failures";
  for (int failures = 1; failures <= 12; ++failures) {
    DelayBounds bounds = RetryDelayBounds(policy, failures);
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
      EpochSeconds delay = RetryDelay(policy, failures, seed);
      ASSERT_GE(delay, bounds.min);
      ASSERT_LE(delay, bounds.max);
    }
  }
  EXPECT_EQ(RetryDelay(policy, 3, 77), RetryDelay(policy, 3, 77)) << "deterministic given the seed";
  std::set<EpochSeconds> spread;
  for (std::uint64_t seed = 0; seed < 50; ++seed) spread.insert(RetryDelay(policy, 3, seed));
  EXPECT_GT(spread.size(), 10u) << "different messages do not retry in lockstep";
  RetryPolicy no_jitter = policy;
  no_jitter.jitter_percent = 0;
  EXPECT_EQ(RetryDelay(no_jitter, 3, 12345), 120);
}

TEST(RetrySchedule, PolicyValidation) {
  EXPECT_TRUE(ValidateRetryPolicy(RetryPolicy{}).ok());
  RetryPolicy bad{0, 0, -1, 101};
  Status status = ValidateRetryPolicy(bad);
  EXPECT_EQ(status.code(), Code::kInvalid);
  EXPECT_EQ(status.fields().size(), 4u);
}

TEST(Outbox, RetriesThenDelivers) {
  RetryPolicy policy;
  OutboxMessage message = NewOutboxMessage(OutboxMessageId(9, 2), Channel::kJsonWebhook, "http://x/hook", "{}", 1000);
  EXPECT_EQ(message.id, "sanpi-9-2");
  EXPECT_TRUE(IsDue(message, 1000));
  EXPECT_EQ(RecordAttempt(message, NoAnswer(), policy, 1000), AttemptOutcome::kRetry);
  EXPECT_EQ(message.state, DeliveryState::kPending);
  EXPECT_EQ(message.attempts, 1);
  EXPECT_EQ(message.last_error, "connection refused");
  EXPECT_EQ(message.next_attempt_at, 1000 + RetryDelay(policy, 1, JitterSeed(message.id)));
  EXPECT_FALSE(IsDue(message, message.next_attempt_at - 1));
  EXPECT_TRUE(IsDue(message, message.next_attempt_at));
  EXPECT_EQ(RecordAttempt(message, Http(503), policy, 1100), AttemptOutcome::kRetry);
  EXPECT_GE(message.next_attempt_at - 1100, RetryDelayBounds(policy, 2).min);
  EXPECT_EQ(RecordAttempt(message, Http(204), policy, 1300), AttemptOutcome::kDelivered);
  EXPECT_EQ(message.state, DeliveryState::kDelivered);
  EXPECT_EQ(message.delivered_at, 1300);
  EXPECT_FALSE(IsDue(message, 99999));
  EXPECT_FALSE(RecordAttempt(message, Http(500), policy, 1400)) << "a late result cannot undo a delivery";
  EXPECT_EQ(message.state, DeliveryState::kDelivered);
}

TEST(Outbox, DeadLettersAfterMaxAttemptsOrAtOnceOnPermanentFailure) {
  RetryPolicy policy;
  policy.max_attempts = 3;
  OutboxMessage message = NewOutboxMessage("m", Channel::kJsonWebhook, "u", "{}", 0);
  RecordAttempt(message, Http(500), policy, 0);
  RecordAttempt(message, Http(500), policy, 100);
  EXPECT_EQ(message.state, DeliveryState::kPending);
  RecordAttempt(message, Http(500, "oops"), policy, 500);
  EXPECT_EQ(message.state, DeliveryState::kDead);
  EXPECT_EQ(message.last_error, "HTTP 500: oops");

  OutboxMessage robot = NewOutboxMessage("r", Channel::kWecom, "u", "{}", 0);
  EXPECT_EQ(RecordAttempt(robot, Http(200, R"({"errcode":93000,"errmsg":"invalid webhook url"})"), policy, 0),
            AttemptOutcome::kPermanent);
  EXPECT_EQ(robot.state, DeliveryState::kDead);
  EXPECT_EQ(robot.attempts, 1);
}

TEST(Outbox, ClassifiesRobotAnswers) {
  EXPECT_EQ(ClassifyAttempt(Channel::kWecom, Http(200, R"({"errcode":0,"errmsg":"ok"})")), AttemptOutcome::kDelivered);
  EXPECT_EQ(ClassifyAttempt(Channel::kWecom, Http(200, R"({"errcode": 45009})")), AttemptOutcome::kRetry);
  EXPECT_EQ(ClassifyAttempt(Channel::kDingtalk, Http(200, R"({"errcode":130101,"errmsg":"send too fast"})")),
            AttemptOutcome::kRetry);
  EXPECT_EQ(ClassifyAttempt(Channel::kDingtalk, Http(200, R"({"errcode":310000,"errmsg":"keywords not in content"})")),
            AttemptOutcome::kPermanent);
  EXPECT_EQ(ClassifyAttempt(Channel::kDingtalk, Http(200, R"({"errcode":-1})")), AttemptOutcome::kRetry);
  EXPECT_EQ(ClassifyAttempt(Channel::kWecom, Http(200, "<html>gateway</html>")), AttemptOutcome::kRetry);
  EXPECT_EQ(ClassifyAttempt(Channel::kJsonWebhook, Http(200, "anything")), AttemptOutcome::kDelivered);
  EXPECT_EQ(ClassifyAttempt(Channel::kJsonWebhook, Http(429)), AttemptOutcome::kRetry);
  EXPECT_EQ(ClassifyAttempt(Channel::kJsonWebhook, Http(404)), AttemptOutcome::kPermanent);
  EXPECT_EQ(RobotErrorCode(R"({"errmsg":"x","errcode" :  -1})"), -1);
  EXPECT_FALSE(RobotErrorCode(R"({"errcode":"0"})"));
}

TEST(Json, EscapesQuotesControlCharactersAndBadUtf8) {
  EXPECT_EQ(JsonEscape("a\"b\\c"), "a\\\"b\\\\c");
  EXPECT_EQ(JsonEscape("line\nnext\ttab\r"), "line\\nnext\\ttab\\r");
  EXPECT_EQ(JsonEscape(std::string("\x01\x1f", 2)), "\\u0001\\u001f");
  EXPECT_EQ(JsonEscape(std::string("nul\0x", 5)), "nul\\u0000x");
  EXPECT_EQ(JsonEscape("红色预警"), "红色预警") << "UTF-8 passes through";
  EXPECT_EQ(JsonEscape("a\xff" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(JsonEscape("\xE7\xBA"), "\xEF\xBF\xBD\xEF\xBF\xBD") << "a cut character";
  EXPECT_EQ(JsonEscape("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD") << "overlong";
  EXPECT_EQ(JsonEscape(""), "");
}

TEST(Json, TruncatesOnCharacterBoundaries) {
  EXPECT_EQ(Utf8Truncate("预警", 6), "预警");
  EXPECT_EQ(Utf8Truncate("预警abc", 7), "预…");  // 3 + "…" (3 bytes) fits 7, 预警 would not leave room
  EXPECT_EQ(Utf8Truncate("abcdef", 5), "ab…");
  std::string long_text(5000, 'x');
  EXPECT_EQ(Utf8Truncate(long_text, kWecomMarkdownMaxBytes).size(), kWecomMarkdownMaxBytes);
}

TEST(RobotPayloads, WecomFormats) {
  RobotMessage message{"标题", "### 标题\n正文", "正文", {"13800001111"}, false};
  EXPECT_EQ(WecomMarkdownPayload(message),
            R"({"msgtype":"markdown","markdown":{"content":"### 标题\n正文"}})");
  EXPECT_EQ(WecomTextPayload(message),
            R"({"msgtype":"text","text":{"content":"正文","mentioned_mobile_list":["13800001111"]}})");
  message.mention_mobiles.clear();
  EXPECT_EQ(WecomTextPayload(message), R"({"msgtype":"text","text":{"content":"正文"}})");
  message.mention_all = true;
  EXPECT_THAT(WecomTextPayload(message), HasSubstr(R"("mentioned_mobile_list":["@all"])"));
  RobotMessage huge{"t", std::string(6000, 'a'), "", {}, false};
  EXPECT_LT(WecomMarkdownPayload(huge).size(), kWecomMarkdownMaxBytes + 64) << "content cut to the 4096-byte limit";
}

TEST(RobotPayloads, DingtalkFormats) {
  RobotMessage message{"【红色预警】项目", "### 标题", "正文", {"13800001111"}, false};
  EXPECT_EQ(DingtalkMarkdownPayload(message),
            R"({"msgtype":"markdown","markdown":{"title":"【红色预警】项目","text":"### 标题 @13800001111"},)"
            R"("at":{"atMobiles":["13800001111"],"isAtAll":false}})");
  EXPECT_EQ(DingtalkTextPayload(RobotMessage{"t", "", "正文", {}, true}),
            R"({"msgtype":"text","text":{"content":"正文"},"at":{"atMobiles":[],"isAtAll":true}})");
}

TEST(RobotPayloads, WarningEventBecomesMessages) {
  const WarningEvent event = Event();
  RobotMessage zh = RobotMessageFor(event);
  EXPECT_EQ(zh.title, "【红色预警】智能传感器产业园\"二期\"");
  EXPECT_THAT(zh.markdown, HasSubstr("> 规则：节点逾期"));
  EXPECT_THAT(zh.markdown, HasSubstr("> 日期：2025-03-31"));
  EXPECT_THAT(zh.markdown, HasSubstr(event.message.zh));
  EXPECT_THAT(RobotMessageFor(event, Language::kEn).markdown, HasSubstr("Rule: Milestone overdue"));

  std::string wecom = PayloadFor(Channel::kWecom, event, "sanpi-1-1");
  EXPECT_THAT(wecom, HasSubstr(R"("msgtype":"markdown")"));
  EXPECT_THAT(wecom, HasSubstr(R"(智能传感器产业园\"二期\")")) << "quotes in names are escaped";
  EXPECT_THAT(wecom, HasSubstr(R"(逾期30天\n请尽快办理)"));
  EXPECT_THAT(wecom, Not(HasSubstr("\n"))) << "no raw newline inside a JSON string";
  EXPECT_THAT(PayloadFor(Channel::kWecom, event, "id", {"13800001111"}), HasSubstr(R"("msgtype":"text")"))
      << "WeCom markdown cannot @ by mobile: text is used";
  EXPECT_THAT(PayloadFor(Channel::kDingtalk, event, "id"), HasSubstr(R"("title":"【红色预警】智能传感器产业园\"二期\"")"));
}

TEST(JsonWebhook, CarriesTheIdForDeduplication) {
  EXPECT_EQ(PayloadFor(Channel::kJsonWebhook, Event(), "sanpi-77-3"),
            R"({"id":"sanpi-77-3","event":"escalated","occurred_on":"2025-03-31","warning":{"id":501,)"
            R"("key":"milestone_overdue/42/milestone/3","rule":"milestone_overdue","project_id":42,)"
            R"("project_name":"智能传感器产业园\"二期\"","subject":"milestone","subject_id":3,"level":"red",)"
            R"("previous_level":"orange","unit_id":70,"leader_id":90},)"
            R"("message":{"zh":"【红色预警】智能传感器产业园：节点“施工许可”逾期30天\n请尽快办理","en":"Milestone 30 days late"}})");
  EXPECT_EQ(ParseChannel("dingtalk"), Channel::kDingtalk);
  EXPECT_EQ(ChannelCode(Channel::kJsonWebhook), "json");
  EXPECT_FALSE(ParseChannel("email"));
}

}  // namespace
}  // namespace sanpi::core
