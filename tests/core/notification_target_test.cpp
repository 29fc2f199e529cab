#include "core/notification_target.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

WarningEvent Event(WarningEventKind kind, WarningLevel level, WarningLevel previous = WarningLevel::kNone) {
  WarningEvent event;
  event.kind = kind;
  event.level = level;
  event.previous_level = previous;
  event.unit_id = 7;
  event.leader_id = 9;
  event.assignee_id = 11;
  event.actor_id = 0;
  return event;
}

TEST(NotificationTargetTest, ValidationNamesEachBadField) {
  NotificationTarget target;
  target.name = "";
  target.url = "ftp://example.com/hook";
  target.channel = Channel::kWecom;
  target.secret = "SEC123";
  target.levels = {WarningLevel::kNone};
  Status status = ValidateNotificationTarget(target);
  ASSERT_EQ(status.code(), Code::kInvalid);
  std::vector<std::string> fields;
  for (const auto& field : status.fields()) fields.push_back(field.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "url", "secret", "levels"}));

  target.name = "项目办群";
  target.url = "https://oapi.dingtalk.com/robot/send?access_token=abc";
  target.channel = Channel::kDingtalk;
  target.levels = {WarningLevel::kRed};
  EXPECT_TRUE(ValidateNotificationTarget(target).ok());
}

TEST(NotificationTargetTest, ParsesWebhookUrls) {
  auto wecom = ParseWebhookUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K");
  ASSERT_TRUE(wecom);
  EXPECT_TRUE(wecom->tls);
  EXPECT_EQ(wecom->host, "qyapi.weixin.qq.com");
  EXPECT_EQ(wecom->port, "443");
  EXPECT_EQ(wecom->target, "/cgi-bin/webhook/send?key=K");
  auto local = ParseWebhookUrl("http://127.0.0.1:8081");
  ASSERT_TRUE(local);
  EXPECT_FALSE(local->tls);
  EXPECT_EQ(local->port, "8081");
  EXPECT_EQ(local->target, "/");
  EXPECT_EQ(ParseWebhookUrl("http://h?x=1")->target, "/?x=1");
  for (const char* bad : {"", "http://", "http://:80/", "http://a b/", "http://user@host/", "http://h:0/",
                          "http://h:70000/", "http://h:8x/", "mailto:a@b", "https//x"})
    EXPECT_FALSE(ParseWebhookUrl(bad)) << bad;
}

TEST(NotificationTargetTest, ATargetWantsItsLevelsAndKinds) {
  NotificationTarget red_only;
  red_only.levels = {WarningLevel::kRed};
  EXPECT_TRUE(Wants(red_only, Event(WarningEventKind::kEscalated, WarningLevel::kRed, WarningLevel::kOrange)));
  EXPECT_TRUE(Wants(red_only, Event(WarningEventKind::kClosed, WarningLevel::kNone, WarningLevel::kRed)));
  EXPECT_FALSE(Wants(red_only, Event(WarningEventKind::kOpened, WarningLevel::kYellow)));
  NotificationTarget orders;
  orders.event_kinds = {WarningEventKind::kOrderIssued, WarningEventKind::kOrderOverdue};
  EXPECT_TRUE(Wants(orders, Event(WarningEventKind::kOrderOverdue, WarningLevel::kRed)));
  EXPECT_FALSE(Wants(orders, Event(WarningEventKind::kOpened, WarningLevel::kRed)));
  orders.enabled = false;
  EXPECT_FALSE(Wants(orders, Event(WarningEventKind::kOrderOverdue, WarningLevel::kRed)));
  EXPECT_TRUE(Wants(NotificationTarget{}, Event(WarningEventKind::kAcknowledged, WarningLevel::kYellow)));
}

TEST(NotificationTargetTest, LeaderAndOfficeHearOnlyOfRedAndOrders) {
  auto yellow = InboxAudienceFor(Event(WarningEventKind::kOpened, WarningLevel::kYellow));
  EXPECT_EQ(yellow.unit_id, 7);
  EXPECT_EQ(yellow.assignee_id, 11);
  EXPECT_EQ(yellow.leader_id, 0);
  EXPECT_FALSE(yellow.region_office);
  auto red = InboxAudienceFor(Event(WarningEventKind::kEscalated, WarningLevel::kRed, WarningLevel::kOrange));
  EXPECT_EQ(red.leader_id, 9);
  EXPECT_TRUE(red.region_office);
  auto down = InboxAudienceFor(Event(WarningEventKind::kDeescalated, WarningLevel::kOrange, WarningLevel::kRed));
  EXPECT_TRUE(down.region_office);
  auto reply = Event(WarningEventKind::kOrderReplied, WarningLevel::kOrange);
  reply.actor_id = 11;
  auto replied = InboxAudienceFor(reply);
  EXPECT_TRUE(replied.region_office);
  EXPECT_EQ(replied.except_user_id, 11) << "the one who replied is not told of his own reply";
}

TEST(NotificationTargetTest, EventKindsRoundTrip) {
  for (WarningEventKind kind : AllWarningEventKinds()) EXPECT_EQ(ParseWarningEventKind(WarningEventCode(kind)), kind);
  EXPECT_FALSE(ParseWarningEventKind("exploded"));
}

}  // namespace
}  // namespace sanpi::core
