#include "core/warning_lifecycle.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

WarningCondition Condition(std::int64_t project, WarningLevel level, double figure,
                           RuleKind rule = RuleKind::kMilestoneOverdue, std::int64_t subject_id = 3) {
  WarningCondition c;
  c.key = {rule, project, SubjectKind::kMilestone, subject_id};
  c.project_name = "项目" + std::to_string(project);
  c.responsible_unit_id = 70;
  c.leader_id = 90;
  c.level = level;
  c.unit = ThresholdUnit::kDays;
  c.figure = figure;
  c.threshold = static_cast<int>(figure);
  c.since = Date(2025, 3, 2);
  c.message = {"逾期" + std::to_string(static_cast<int>(figure)) + "天", std::to_string(static_cast<int>(figure)) + " days"};
  return c;
}

std::vector<WarningEventKind> Kinds(const Reconciliation& r) {
  std::vector<WarningEventKind> kinds;
  for (const auto& e : r.events) kinds.push_back(e.kind);
  return kinds;
}

TEST(WarningLifecycle, OpensOnceAndIsIdempotent) {
  std::vector<Warning> warnings;
  std::vector<WarningCondition> today{Condition(1, WarningLevel::kYellow, 1)};
  Reconciliation first = Reconcile(warnings, today, Date(2025, 3, 2));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(first.changed, ElementsAre(0u));
  EXPECT_THAT(Kinds(first), ElementsAre(WarningEventKind::kOpened));
  EXPECT_EQ(first.events[0].warning_index, 0u);
  EXPECT_EQ(first.events[0].unit_id, 70);
  EXPECT_EQ(first.events[0].message.zh, "【黄色预警】项目1：逾期1天");
  const Warning& w = warnings[0];
  EXPECT_TRUE(w.open());
  EXPECT_EQ(w.opened_on, Date(2025, 3, 2));
  EXPECT_THAT(w.history, ElementsAre(LevelChange{WarningLevel::kYellow, Date(2025, 3, 2)}));
  EXPECT_TRUE(w.NeedsAcknowledgement());

  Reconciliation second = Reconcile(warnings, today, Date(2025, 3, 2));
  EXPECT_TRUE(second.changed.empty());
  EXPECT_TRUE(second.events.empty());
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(WarningLifecycle, NewFigureSameLevelUpdatesSilently) {
  std::vector<Warning> warnings;
  Reconcile(warnings, std::vector{Condition(1, WarningLevel::kYellow, 1)}, Date(2025, 3, 2));
  Reconciliation next = Reconcile(warnings, std::vector{Condition(1, WarningLevel::kYellow, 2)}, Date(2025, 3, 3));
  EXPECT_THAT(next.changed, ElementsAre(0u));
  EXPECT_THAT(next.refreshed, ElementsAre(0u)) << "only today's figures: storage writes just those";
  EXPECT_TRUE(next.events.empty());
  EXPECT_DOUBLE_EQ(warnings[0].figure, 2);
  EXPECT_EQ(warnings[0].history.size(), 1u);
}

TEST(WarningLifecycle, OnlyAWarningThatTookJustTodaysFiguresIsRefreshed) {
  auto milestone = [](std::int64_t id, WarningLevel level, double figure) {
    return Condition(1, level, figure, RuleKind::kMilestoneOverdue, id);
  };
  std::vector<Warning> warnings;
  Reconciliation opened = Reconcile(warnings,
                                    std::vector{milestone(1, WarningLevel::kYellow, 1), milestone(2, WarningLevel::kRed, 30),
                                                milestone(3, WarningLevel::kYellow, 1)},
                                    Date(2025, 3, 2), 5);
  EXPECT_TRUE(opened.refreshed.empty()) << "new warnings are inserted whole";
  // One more day late at the same level; one more day late with its order overdue; escalated.
  Reconciliation next = Reconcile(warnings,
                                  std::vector{milestone(1, WarningLevel::kYellow, 2), milestone(2, WarningLevel::kRed, 31),
                                              milestone(3, WarningLevel::kOrange, 15)},
                                  Date(2025, 3, 8));
  EXPECT_THAT(Kinds(next), ElementsAre(WarningEventKind::kEscalated, WarningEventKind::kOrderOverdue));
  EXPECT_THAT(next.changed, ElementsAre(0u, 1u, 2u));
  EXPECT_THAT(next.refreshed, ElementsAre(0u));
  // Closed.
  Reconciliation closed = Reconcile(warnings, std::vector{milestone(1, WarningLevel::kYellow, 3)}, Date(2025, 3, 9));
  EXPECT_THAT(closed.changed, ElementsAre(0u, 1u, 2u));
  EXPECT_THAT(closed.refreshed, ElementsAre(0u));
}

TEST(WarningLifecycle, ANewMessageAloneIsTakenAndTheSameOneChangesNothing) {
  // Messages are compared by digest (storage reads no texts for the sweep): a milestone renamed gives the same
  // figures with a new message, which must still be written.
  std::vector<Warning> warnings;
  Reconcile(warnings, std::vector{Condition(1, WarningLevel::kYellow, 1)}, Date(2025, 3, 2));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].message_digest, MessageDigest(warnings[0].message));
  EXPECT_TRUE(Reconcile(warnings, std::vector{Condition(1, WarningLevel::kYellow, 1)}, Date(2025, 3, 2)).changed.empty());
  WarningCondition renamed = Condition(1, WarningLevel::kYellow, 1);
  renamed.message.zh += "（节点已更名）";
  const Text expected = renamed.message;
  Reconciliation result = Reconcile(warnings, std::vector{renamed}, Date(2025, 3, 2));
  EXPECT_THAT(result.refreshed, ElementsAre(0u));
  EXPECT_TRUE(result.events.empty());
  EXPECT_EQ(warnings[0].message.zh, expected.zh);
  EXPECT_EQ(warnings[0].message_digest, MessageDigest(expected));
  EXPECT_NE(MessageDigest({"ab", "c"}), MessageDigest({"a", "bc"}));
}

TEST(WarningLifecycle, EscalatesToRedAndIssuesOneOrder) {
  std::vector<Warning> warnings;
  Reconcile(warnings, std::vector{Condition(1, WarningLevel::kYellow, 1)}, Date(2025, 3, 2));
  Reconciliation orange = Reconcile(warnings, std::vector{Condition(1, WarningLevel::kOrange, 15)}, Date(2025, 3, 16));
  EXPECT_THAT(Kinds(orange), ElementsAre(WarningEventKind::kEscalated));
  EXPECT_EQ(orange.events[0].previous_level, WarningLevel::kYellow);
  EXPECT_THAT(orange.events[0].message.zh, HasSubstr("预警由黄色升级为橙色"));
  EXPECT_FALSE(warnings[0].order);

  Reconciliation red = Reconcile(warnings, std::vector{Condition(1, WarningLevel::kRed, 30)}, Date(2025, 3, 31), 5);
  EXPECT_THAT(Kinds(red), ElementsAre(WarningEventKind::kEscalated, WarningEventKind::kOrderIssued));
  ASSERT_TRUE(warnings[0].order);
  const SupervisionOrder& order = *warnings[0].order;
  EXPECT_EQ(order.to_unit_id, 70);
  EXPECT_EQ(order.cc_leader_id, 90);
  EXPECT_EQ(order.issued_on, Date(2025, 3, 31));
  EXPECT_EQ(order.reply_due, Date(2025, 4, 5));
  EXPECT_EQ(order.state, OrderState::kIssued);
  EXPECT_THAT(red.events[1].message.zh, HasSubstr("请于2025-04-05前书面回复"));
  EXPECT_THAT(warnings[0].history,
              ElementsAre(LevelChange{WarningLevel::kYellow, Date(2025, 3, 2)},
                          LevelChange{WarningLevel::kOrange, Date(2025, 3, 16)},
                          LevelChange{WarningLevel::kRed, Date(2025, 3, 31)}));

  // Falling and rising again: de-escalated, escalated, but no second order.
  Reconciliation down = Reconcile(warnings, std::vector{Condition(1, WarningLevel::kOrange, 20)}, Date(2025, 4, 1));
  EXPECT_THAT(Kinds(down), ElementsAre(WarningEventKind::kDeescalated));
  EXPECT_EQ(warnings[0].level, WarningLevel::kOrange);
  EXPECT_EQ(warnings[0].PeakLevel(), WarningLevel::kRed);
  Reconciliation up = Reconcile(warnings, std::vector{Condition(1, WarningLevel::kRed, 31)}, Date(2025, 4, 2));
  EXPECT_THAT(Kinds(up), ElementsAre(WarningEventKind::kEscalated));
}

TEST(WarningLifecycle, OpeningRedIssuesTheOrderAtOnce) {
  std::vector<Warning> warnings;
  Reconciliation r = Reconcile(warnings, std::vector{Condition(1, WarningLevel::kRed, 30)}, Date(2025, 3, 31), 7);
  EXPECT_THAT(Kinds(r), ElementsAre(WarningEventKind::kOpened, WarningEventKind::kOrderIssued));
  EXPECT_EQ(warnings[0].order->reply_due, Date(2025, 4, 7));
  EXPECT_THAT(r.changed, ElementsAre(0u));
}

TEST(WarningLifecycle, ClearedConditionClosesKeepingHistory) {
  std::vector<Warning> warnings;
  Reconcile(warnings, std::vector{Condition(1, WarningLevel::kYellow, 1), Condition(2, WarningLevel::kOrange, 15)},
            Date(2025, 3, 2));
  Reconciliation r = Reconcile(warnings, std::vector{Condition(2, WarningLevel::kOrange, 16)}, Date(2025, 3, 3));
  EXPECT_THAT(Kinds(r), ElementsAre(WarningEventKind::kClosed));
  EXPECT_EQ(r.events[0].key.project_id, 1);
  EXPECT_EQ(r.events[0].message.zh, "【预警解除】项目1：节点逾期（原黄色预警）已消除");
  EXPECT_THAT(r.changed, ElementsAre(0u, 1u));
  EXPECT_FALSE(warnings[0].open());
  EXPECT_EQ(warnings[0].closed_on, Date(2025, 3, 3));
  EXPECT_THAT(warnings[0].history, ElementsAre(LevelChange{WarningLevel::kYellow, Date(2025, 3, 2)},
                                               LevelChange{WarningLevel::kNone, Date(2025, 3, 3)}));
  EXPECT_FALSE(warnings[0].NeedsAcknowledgement());
  // Closed stays closed on a rerun; the same condition coming back is a new warning.
  EXPECT_TRUE(Reconcile(warnings, std::vector{Condition(2, WarningLevel::kOrange, 16)}, Date(2025, 3, 3)).events.empty());
  Reconciliation again = Reconcile(warnings, std::vector{Condition(1, WarningLevel::kYellow, 1),
                                                         Condition(2, WarningLevel::kOrange, 16)},
                                   Date(2025, 3, 4));
  EXPECT_THAT(Kinds(again), ElementsAre(WarningEventKind::kOpened));
  EXPECT_EQ(warnings.size(), 3u);
  EXPECT_EQ(again.events[0].warning_index, 2u);
}

TEST(WarningLifecycle, EmptyInputsAndDuplicateConditions) {
  std::vector<Warning> warnings;
  Reconciliation none = Reconcile(warnings, {}, Date(2025, 3, 2));
  EXPECT_TRUE(none.events.empty());
  EXPECT_TRUE(none.changed.empty());
  Reconciliation dup = Reconcile(warnings, std::vector{Condition(1, WarningLevel::kYellow, 1),
                                                       Condition(1, WarningLevel::kRed, 40)},
                                 Date(2025, 3, 2));
  EXPECT_EQ(warnings.size(), 1u) << "one warning per key; the first condition wins";
  EXPECT_EQ(warnings[0].level, WarningLevel::kYellow);
  EXPECT_THAT(Kinds(dup), ElementsAre(WarningEventKind::kOpened));
}

TEST(WarningLifecycle, AcknowledgeAndAssign) {
  std::vector<Warning> warnings;
  Reconcile(warnings, std::vector{Condition(1, WarningLevel::kYellow, 1)}, Date(2025, 3, 2));
  Warning& w = warnings[0];
  EXPECT_EQ(Acknowledge(w, 5, "   ", Date(2025, 3, 3)).status().code(), Code::kInvalid);
  Result<WarningEvent> ack = Acknowledge(w, 5, "已协调规划局，预计3月10日取得许可", Date(2025, 3, 3));
  ASSERT_TRUE(ack.ok()) << ack.status().ToString();
  EXPECT_EQ(ack->kind, WarningEventKind::kAcknowledged);
  EXPECT_EQ(ack->actor_id, 5);
  EXPECT_FALSE(w.NeedsAcknowledgement());
  Reconcile(warnings, std::vector{Condition(1, WarningLevel::kOrange, 15)}, Date(2025, 3, 16));
  EXPECT_TRUE(warnings[0].NeedsAcknowledgement()) << "a higher level needs a new response";

  EXPECT_EQ(Assign(warnings[0], 0, 1, Date(2025, 3, 16)).status().code(), Code::kInvalid);
  Result<WarningEvent> assigned = Assign(warnings[0], 33, 1, Date(2025, 3, 16));
  ASSERT_TRUE(assigned.ok());
  EXPECT_EQ(assigned->assignee_id, 33);
  EXPECT_EQ(warnings[0].assigned_on, Date(2025, 3, 16));
  EXPECT_EQ(Assign(warnings[0], 33, 1, Date(2025, 3, 16)).status().code(), Code::kRuleBroken);

  Reconcile(warnings, {}, Date(2025, 3, 17));
  EXPECT_EQ(Acknowledge(warnings[0], 5, "迟到的反馈", Date(2025, 3, 18)).status().code(), Code::kRuleBroken);
  EXPECT_EQ(Assign(warnings[0], 34, 1, Date(2025, 3, 18)).status().code(), Code::kRuleBroken);
}

TEST(SupervisionOrder, ReplyReturnSignOff) {
  std::vector<Warning> warnings;
  Reconcile(warnings, std::vector{Condition(1, WarningLevel::kRed, 30)}, Date(2025, 3, 31), 5);
  Warning& w = warnings[0];
  EXPECT_EQ(SignOffOrder(w, 90, "", Date(2025, 4, 1)).status().code(), Code::kRuleBroken) << "nothing to sign yet";
  EXPECT_EQ(ReturnOrderReply(w, 1, "补充", Date(2025, 4, 1)).status().code(), Code::kRuleBroken);
  ASSERT_TRUE(ReplyToOrder(w, 70, "已取得施工许可证", Date(2025, 4, 2)).ok());
  EXPECT_EQ(w.order->state, OrderState::kReplied);
  EXPECT_EQ(ReplyToOrder(w, 70, "again", Date(2025, 4, 2)).status().code(), Code::kRuleBroken);
  Result<WarningEvent> returned = ReturnOrderReply(w, 1, "请附许可证扫描件", Date(2025, 4, 3));
  ASSERT_TRUE(returned.ok());
  EXPECT_EQ(returned->kind, WarningEventKind::kOrderReplyReturned);
  EXPECT_EQ(w.order->state, OrderState::kIssued);
  ASSERT_TRUE(ReplyToOrder(w, 70, "已附扫描件", Date(2025, 4, 4)).ok());
  Result<WarningEvent> signed_off = SignOffOrder(w, 90, "同意办结", Date(2025, 4, 5));
  ASSERT_TRUE(signed_off.ok());
  EXPECT_EQ(signed_off->kind, WarningEventKind::kOrderSignedOff);
  EXPECT_EQ(w.order->state, OrderState::kSignedOff);
  EXPECT_EQ(w.order->signed_off_by, 90);
  // Replied on time: no escalation even long after.
  EXPECT_TRUE(Reconcile(warnings, std::vector{Condition(1, WarningLevel::kRed, 30)}, Date(2025, 3, 31), 5)
                  .events.empty());
  Reconciliation later = Reconcile(warnings, std::vector{Condition(1, WarningLevel::kRed, 60)}, Date(2025, 5, 1));
  EXPECT_TRUE(later.events.empty());
}

TEST(SupervisionOrder, LateReplyEscalatesOnce) {
  std::vector<Warning> warnings;
  Reconcile(warnings, std::vector{Condition(1, WarningLevel::kRed, 30)}, Date(2025, 3, 31), 5);
  auto red = std::vector{Condition(1, WarningLevel::kRed, 30)};
  EXPECT_TRUE(Reconcile(warnings, red, Date(2025, 4, 5)).events.empty()) << "the due day itself is on time";
  Reconciliation late = Reconcile(warnings, red, Date(2025, 4, 6));
  EXPECT_THAT(Kinds(late), ElementsAre(WarningEventKind::kOrderOverdue));
  EXPECT_EQ(late.events[0].leader_id, 90);
  EXPECT_EQ(warnings[0].order->overdue_on, Date(2025, 4, 6));
  EXPECT_TRUE(Reconcile(warnings, red, Date(2025, 4, 6)).events.empty()) << "idempotent";
  EXPECT_TRUE(Reconcile(warnings, red, Date(2025, 4, 9)).events.empty()) << "escalated once";

  // A reply given after the deadline, before any sweep noticed, still counts as late.
  std::vector<Warning> other;
  Reconcile(other, red, Date(2025, 3, 31), 5);
  Result<WarningEvent> reply = ReplyToOrder(other[0], 70, "已办理", Date(2025, 4, 8));
  ASSERT_TRUE(reply.ok());
  EXPECT_THAT(reply->message.zh, HasSubstr("（逾期）"));
  EXPECT_THAT(Kinds(Reconcile(other, red, Date(2025, 4, 8))), ElementsAre(WarningEventKind::kOrderOverdue));
}

TEST(WarningLifecycle, EventCodes) {
  EXPECT_EQ(WarningEventCode(WarningEventKind::kDeescalated), "de_escalated");
  EXPECT_EQ(WarningEventCode(WarningEventKind::kOrderOverdue), "order_overdue");
  EXPECT_EQ(OrderStateCode(OrderState::kSignedOff), "signed_off");
}

}  // namespace
}  // namespace sanpi::core
