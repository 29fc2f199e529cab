// Warning events become inbox items and outbox messages in the transaction that stores them, on both backends:
// who hears what (the unit, the assignee, the copied leader and the office for red), never the actor himself,
// read marks that are each user's own, targets that pick levels and kinds, and enqueuing that never duplicates.
#include "storage/notification_enqueue.hpp"

#include <gtest/gtest.h>

#include <ctime>
#include <map>

#include "core/date.hpp"
#include "core/notification_target.hpp"
#include "storage/inbox_repository.hpp"
#include "storage/notification_target_repository.hpp"
#include "storage/warning_repository.hpp"
#include "storage/warning_sweep.hpp"
#include "support/late_milestone.hpp"
#include "support/test_database.hpp"
#include "support/zone_fixture.hpp"

namespace sanpi::testing {
namespace {

constexpr const char* kRegion = "410171";

class NotificationEnqueueTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    zone_ = SeedZone(db());
  }

  // A project of unit A, led by unit B's user (the copied leader), with a milestone 40 days late: red.
  void RedWarning() {
    SeedLateProject(db(), zone_);
    auto counts = storage::Sweep(db(), kRegion, core::Date::Today());
    ASSERT_TRUE(counts.ok()) << counts.status().ToString();
    ASSERT_EQ(counts->opened, 1);
    ASSERT_EQ(counts->orders_issued, 1);
    auto read = db().Begin(storage::Access::kRead);
    warning_id_ = read->Query("SELECT id FROM warnings").front().Int(0);
  }

  std::int64_t AddTarget(core::Channel channel, std::vector<core::WarningLevel> levels = {},
                         std::vector<core::WarningEventKind> kinds = {}) {
    auto tx = db().Begin(storage::Access::kWrite);
    codec::NotificationTargetInput input;
    input.target.name = "群" + std::to_string(++targets_);
    input.target.channel = channel;
    input.target.url = "http://127.0.0.1:9/hook";
    input.target.levels = std::move(levels);
    input.target.event_kinds = std::move(kinds);
    auto created = storage::NotificationTargetRepository(*tx).Create(zone_.office, input);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    tx->Commit();
    return created.ok() ? created->id : 0;
  }

  // username → inbox items
  std::map<std::string, std::int64_t> Inboxes() {
    auto tx = db().Begin(storage::Access::kRead);
    std::map<std::string, std::int64_t> out;
    for (auto row : tx->Query("SELECT u.username, COUNT(i.id) FROM users u LEFT JOIN inbox_items i ON i.user_id = u.id "
                              "GROUP BY u.username"))
      out[row.Text(0)] = row.Int(1);
    return out;
  }
  std::int64_t Scalar(const std::string& sql) {
    auto tx = db().Begin(storage::Access::kRead);
    return tx->Query(sql).front().Int(0);
  }

  Zone zone_;
  std::int64_t warning_id_ = 0;
  int targets_ = 0;
};

TEST_P(NotificationEnqueueTest, ARedWarningReachesTheUnitTheLeaderAndTheOfficeOnly) {
  RedWarning();
  auto inbox = Inboxes();
  // opened + order_issued, both red
  EXPECT_EQ(inbox["t_unit_a"], 2);
  EXPECT_EQ(inbox["t_unit_a_tree"], 2);
  EXPECT_EQ(inbox["t_unit_b"], 2) << "the copied leader";
  EXPECT_EQ(inbox["t_office"], 2) << "the region's project office";
  EXPECT_EQ(inbox["t_admin"], 0);
  EXPECT_EQ(inbox["t_other"], 0) << "another zone's office";
  EXPECT_EQ(inbox["t_city"], 0);
}

TEST_P(NotificationEnqueueTest, AnActionReachesTheOthersButNotTheActor) {
  RedWarning();
  auto tx = db().Begin(storage::Access::kWrite);
  storage::WarningRepository warnings(*tx);
  auto done = warnings.Acknowledge(zone_.unit_a_user, warning_id_, 1, "已组织加班抢工");
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  auto assigned = warnings.Assign(zone_.office, warning_id_, 2, zone_.unit_a_tree.user_id);
  ASSERT_TRUE(assigned.ok()) << assigned.status().ToString();
  tx->Commit();
  auto inbox = Inboxes();
  EXPECT_EQ(inbox["t_unit_a"], 3) << "not his own acknowledgement, but the assignment";
  EXPECT_EQ(inbox["t_unit_a_tree"], 4);
  EXPECT_EQ(inbox["t_unit_b"], 4);
  EXPECT_EQ(inbox["t_office"], 3) << "not the office's own assignment";
}

TEST_P(NotificationEnqueueTest, ReadMarksAreEachUsersOwn) {
  RedWarning();
  auto tx = db().Begin(storage::Access::kWrite);
  storage::InboxRepository inbox(*tx);
  auto mine = inbox.List(zone_.unit_a_user.user_id, {});
  ASSERT_EQ(mine.page.items.size(), 2u);
  EXPECT_EQ(mine.unread, 2);
  EXPECT_GT(mine.page.items[0].id, mine.page.items[1].id) << "newest first";
  EXPECT_EQ(mine.page.items[0].event.kind, core::WarningEventKind::kOrderIssued);
  EXPECT_EQ(mine.page.items[0].event.project_name, "智能装备产业园");
  const std::int64_t item = mine.page.items[0].id;

  auto theirs = inbox.MarkRead(zone_.unit_b_user.user_id, item);
  EXPECT_EQ(theirs.status().code(), core::Code::kNotFound) << "one user cannot mark another's item";
  auto read = inbox.MarkRead(zone_.unit_a_user.user_id, item);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->read_at.empty());
  EXPECT_EQ(inbox.List(zone_.unit_a_user.user_id, {}).unread, 1);
  EXPECT_EQ(inbox.List(zone_.unit_a_user.user_id, {}, true).page.items.size(), 1u);
  EXPECT_EQ(inbox.List(zone_.unit_b_user.user_id, {}).unread, 2) << "his own items are untouched";
  EXPECT_EQ(inbox.MarkAllRead(zone_.unit_a_user.user_id), 1);
  EXPECT_EQ(inbox.List(zone_.unit_a_user.user_id, {}).unread, 0);
  EXPECT_EQ(inbox.List(zone_.unit_b_user.user_id, {}).unread, 2);
}

TEST_P(NotificationEnqueueTest, TargetsPickTheirLevelsAndKindsAndEnqueuingTwiceAddsNothing) {
  const auto all = AddTarget(core::Channel::kJsonWebhook);
  const auto yellow_only = AddTarget(core::Channel::kWecom, {core::WarningLevel::kYellow});
  const auto orders = AddTarget(core::Channel::kDingtalk, {}, {core::WarningEventKind::kOrderIssued});
  RedWarning();
  auto count = [&](std::int64_t target) {
    return Scalar("SELECT COUNT(*) FROM outbox_messages WHERE target_id = " + std::to_string(target));
  };
  EXPECT_EQ(count(all), 2);
  EXPECT_EQ(count(yellow_only), 0);
  EXPECT_EQ(count(orders), 1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM outbox_messages WHERE state = 'pending' AND attempts = 0"), 3);

  // The same events once more (a replayed hook): unique ids and (user, event) keep everything as it was.
  const auto inbox_before = Scalar("SELECT COUNT(*) FROM inbox_items");
  {
    auto tx = db().Begin(storage::Access::kWrite);
    std::vector<core::WarningEvent> events = storage::WarningRepository(*tx).Events(warning_id_);
    std::vector<std::int64_t> ids;
    for (auto row : tx->Query("SELECT id FROM warning_events WHERE warning_id = $1 ORDER BY id", {warning_id_}))
      ids.push_back(row.Int(0));
    ASSERT_EQ(ids.size(), events.size());
    std::vector<storage::StoredEvent> stored;
    for (size_t i = 0; i < events.size(); ++i) {
      events[i].warning_id = warning_id_;
      stored.push_back({ids[i], &events[i]});
    }
    storage::EnqueueNotifications(*tx, kRegion, stored, std::time(nullptr));
    tx->Commit();
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM outbox_messages"), 3);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM inbox_items"), inbox_before);
  // A second sweep emits nothing, so nothing more is queued either.
  ASSERT_TRUE(storage::Sweep(db(), kRegion, core::Date::Today()).ok());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM outbox_messages"), 3);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM inbox_items"), inbox_before);
}

SANPI_BOTH_BACKENDS(NotificationEnqueueTest);

}  // namespace
}  // namespace sanpi::testing
