// The early-warning sweep (storage/warning_sweep.hpp) over the demo zone, on both backends: it opens warnings of
// several rules whose messages explain themselves, every red warning gets its 督办单, a second sweep changes and
// emits nothing, and the daily scheduler sweeps at start and stops cleanly.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <set>
#include <thread>

#include "codec/warning_json.hpp"
#include "core/date.hpp"
#include "demo/demo_zone.hpp"
#include "storage/sweep_scheduler.hpp"
#include "storage/warning_repository.hpp"
#include "storage/warning_rule_repository.hpp"
#include "storage/warning_sweep.hpp"
#include "support/test_database.hpp"

namespace sanpi::testing {
namespace {

constexpr const char* kRegion = "410171";

class WarningSweepTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    auto seeded = demo::SeedDemoZone(db());
    ASSERT_TRUE(seeded.ok()) << seeded.ToString();
  }
  std::int64_t Scalar(const std::string& sql) {
    auto tx = db().Begin(storage::Access::kRead);
    return tx->Query(sql).front().Int(0);
  }
  core::Principal Office() {
    auto tx = db().Begin(storage::Access::kRead);
    core::Principal office;
    office.user_id = tx->Query("SELECT id FROM users WHERE username = 'office'").front().Int(0);
    office.roles = {core::Role::kOffice};
    office.scope = core::DataScope::kRegion;
    office.region_code = kRegion;
    return office;
  }
  struct MilestoneWarning {
    std::int64_t id = 0, milestone = 0, version = 0;
    core::WarningLevel level = core::WarningLevel::kNone;
    double figure = 0;
  };
  // The first overdue-milestone warning, acknowledged with `response`; nullopt when there is none.
  std::optional<MilestoneWarning> AcknowledgedMilestoneWarning(const std::string& response) {
    const core::Principal office = Office();
    auto tx = db().Begin(storage::Access::kWrite);
    auto rows = tx->Query(
        "SELECT id, subject_id, version, level, figure FROM warnings WHERE rule = 'milestone_overdue' ORDER BY id "
        "LIMIT 1");
    if (rows.empty()) return std::nullopt;
    MilestoneWarning found{rows.front().Int(0), rows.front().Int(1), rows.front().Int(2),
                           core::ParseWarningLevel(rows.front().Text(3)).value(), rows.front().Real(4)};
    auto acknowledged = storage::WarningRepository(*tx).Acknowledge(office, found.id, found.version, response);
    EXPECT_TRUE(acknowledged.ok()) << acknowledged.status().ToString();
    tx->Commit();
    ++found.version;
    return found;
  }
  const core::Date today_ = core::Date::Today();
};

TEST_P(WarningSweepTest, OpensSelfExplainingWarningsOfSeveralRulesAndIssuesOrdersForRed) {
  auto counts = storage::Sweep(db(), kRegion, today_);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_GT(counts->projects, 10);
  EXPECT_GT(counts->opened, 0);
  EXPECT_EQ(counts->open, counts->opened);
  EXPECT_EQ(counts->closed, 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM warnings WHERE closed_on IS NULL"), counts->open);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM warning_events WHERE kind = 'opened'"), counts->opened);

  std::set<std::string> rules;
  auto tx = db().Begin(storage::Access::kRead);
  for (auto row : tx->Query("SELECT DISTINCT rule FROM warnings")) rules.insert(row.Text(0));
  EXPECT_GE(rules.size(), 3u) << "rules seen: " << rules.size();
  // Every message names its figure and threshold, in both languages.
  for (auto row : tx->Query("SELECT message_zh, message_en, threshold, level, since FROM warnings")) {
    const std::string zh = row.Text(0), en = row.Text(1);
    EXPECT_NE(zh.find(std::to_string(row.Int(2))), std::string::npos) << zh;
    EXPECT_NE(en.find(std::to_string(row.Int(2))), std::string::npos) << en;
    EXPECT_NE(zh.find("预警"), std::string::npos) << zh;
    EXPECT_LE(core::Date::Parse(row.Text(4)).value(), today_);
  }
  // Red warnings carry their 督办单, addressed and due; the sweep counted each order once.
  const auto red = Scalar("SELECT COUNT(*) FROM warnings WHERE level = 'red'");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM warnings WHERE level = 'red' AND order_state = 'issued'"), red);
  EXPECT_EQ(counts->orders_issued, red);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM warning_events WHERE kind = 'order_issued'"), red);
}

TEST_P(WarningSweepTest, ASecondSweepChangesNothingAndEmitsNothing) {
  auto first = storage::Sweep(db(), kRegion, today_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const auto events = Scalar("SELECT COUNT(*) FROM warning_events");
  const auto versions = Scalar("SELECT SUM(version) FROM warnings");
  auto second = storage::Sweep(db(), kRegion, today_);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->opened + second->escalated + second->de_escalated + second->closed + second->orders_issued +
                second->orders_overdue,
            0);
  EXPECT_EQ(second->updated, 0) << "figures must round-trip exactly through storage";
  EXPECT_EQ(second->open, first->open);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM warning_events"), events);
  EXPECT_EQ(Scalar("SELECT SUM(version) FROM warnings"), versions);
}

TEST_P(WarningSweepTest, AConditionThatClearsClosesItsWarningKeepingItsHistory) {
  ASSERT_TRUE(storage::Sweep(db(), kRegion, today_).ok());
  std::int64_t id = 0, milestone = 0;
  {
    auto tx = db().Begin(storage::Access::kRead);
    auto rows = tx->Query("SELECT id, subject_id FROM warnings WHERE rule = 'milestone_overdue' ORDER BY id LIMIT 1");
    if (rows.empty()) GTEST_SKIP() << "the demo zone has no overdue milestone today";
    id = rows.front().Int(0);
    milestone = rows.front().Int(1);
  }
  {
    auto tx = db().Begin(storage::Access::kWrite);
    tx->Execute("UPDATE milestones SET actual = $1 WHERE id = $2", {today_.AddDays(-1).ToString(), milestone});
    tx->Commit();
  }
  auto counts = storage::Sweep(db(), kRegion, today_);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->closed, 1);
  auto tx = db().Begin(storage::Access::kRead);
  const auto rows = tx->Query("SELECT closed_on, history FROM warnings WHERE id = $1", {id});
  auto row = rows.front();
  EXPECT_EQ(row.Text(0), today_.ToString());
  EXPECT_NE(row.Text(1).find("\"none\""), std::string::npos) << row.Text(1);
}

// The sweep reads open warnings without their history and responses (WarningRepository::OpenWarnings); whatever it
// writes back must still carry them whole.
TEST_P(WarningSweepTest, AWarningTheSweepClosesKeepsItsStoredHistoryAndResponses) {
  ASSERT_TRUE(storage::Sweep(db(), kRegion, today_).ok());
  const auto late = AcknowledgedMilestoneWarning("已协调施工单位加快进度");
  if (!late) GTEST_SKIP() << "the demo zone has no overdue milestone today";
  {
    auto tx = db().Begin(storage::Access::kWrite);
    tx->Execute("UPDATE milestones SET actual = $1 WHERE id = $2", {today_.AddDays(-1).ToString(), late->milestone});
    tx->Commit();
  }
  std::string message_zh, message_en;
  {
    auto tx = db().Begin(storage::Access::kRead);
    const storage::Rows stored = tx->Query("SELECT message_zh, message_en FROM warnings WHERE id = $1", {late->id});
    message_zh = stored.front().Text(0);
    message_en = stored.front().Text(1);
  }
  auto counts = storage::Sweep(db(), kRegion, today_);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->closed, 1);
  auto tx = db().Begin(storage::Access::kRead);
  const storage::Rows rows = tx->Query(
      "SELECT history, responses, version, message_zh, message_en FROM warnings WHERE id = $1", {late->id});
  auto row = rows.front();
  // The sweep read it without its texts: closing it must keep the ones it had.
  EXPECT_FALSE(message_zh.empty());
  EXPECT_EQ(row.Text(3), message_zh);
  EXPECT_EQ(row.Text(4), message_en);
  const std::vector<core::LevelChange> history = codec::HistoryFromText(row.Text(0));
  ASSERT_EQ(history.size(), 2u) << row.Text(0);
  EXPECT_EQ(history[0], (core::LevelChange{late->level, today_})) << "the opening level, stored before this sweep";
  EXPECT_EQ(history[1], (core::LevelChange{core::WarningLevel::kNone, today_}));
  const std::vector<core::WarningResponse> responses = codec::ResponsesFromText(row.Text(1));
  ASSERT_EQ(responses.size(), 1u) << row.Text(1);
  EXPECT_EQ(responses[0].text, "已协调施工单位加快进度");
  EXPECT_EQ(row.Int(2), late->version + 1);
}

TEST_P(WarningSweepTest, TheNextDaysFiguresLeaveHistoryAndResponsesAsTheyWere) {
  ASSERT_TRUE(storage::Sweep(db(), kRegion, today_).ok());
  const auto late = AcknowledgedMilestoneWarning("已组织加班抢工");
  if (!late) GTEST_SKIP() << "the demo zone has no overdue milestone today";
  std::string history_before;
  {
    auto tx = db().Begin(storage::Access::kRead);
    history_before = tx->Query("SELECT history FROM warnings WHERE id = $1", {late->id}).front().Text(0);
  }
  auto counts = storage::Sweep(db(), kRegion, today_.AddDays(1));
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_GT(counts->updated, 0);
  auto tx = db().Begin(storage::Access::kRead);
  const storage::Rows rows =
      tx->Query("SELECT history, responses, version, figure, level FROM warnings WHERE id = $1", {late->id});
  auto row = rows.front();
  EXPECT_DOUBLE_EQ(row.Real(3), late->figure + 1) << "one more day late";
  EXPECT_EQ(row.Int(2), late->version + 1);
  const std::vector<core::LevelChange> history = codec::HistoryFromText(row.Text(0));
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.front(), (core::LevelChange{late->level, today_}));
  if (row.Text(4) == core::WarningLevelCode(late->level)) {
    EXPECT_EQ(row.Text(0), history_before) << "a figure without a level change leaves the history alone";
  }
  const std::vector<core::WarningResponse> responses = codec::ResponsesFromText(row.Text(1));
  ASSERT_EQ(responses.size(), 1u) << row.Text(1);
  EXPECT_EQ(responses[0].text, "已组织加班抢工");
}

TEST_P(WarningSweepTest, ALateReportCountsAsUnfiledUntilTheDayItWasFiled) {
  // Last June's report of a started project, made late: first submitted ten days after its due date. Swept as of
  // five days after the due date it is still owed; as of the day it came in, it is filed.
  const int year = today_.year() - 1;
  std::int64_t project = 0;
  core::Date due;
  {
    auto tx = db().Begin(storage::Access::kWrite);
    const auto rows = tx->Query(
        "SELECT r.id, r.project_id, r.due_on FROM monthly_reports r JOIN projects t ON t.id = r.project_id "
        "WHERE r.region_code = $1 AND r.year = $2 AND r.month = 6 AND r.first_submitted_on IS NOT NULL "
        "AND t.started_on <= $3 AND t.withdrawn_on IS NULL ORDER BY r.id LIMIT 1",
        {std::string(kRegion), std::int64_t{year}, std::to_string(year) + "-01-01"});
    ASSERT_FALSE(rows.empty()) << "the demo zone files reports from every started project";
    project = rows.front().Int(1);
    due = core::Date::Parse(rows.front().Text(2)).value();
    tx->Execute("UPDATE monthly_reports SET first_submitted_on = $1 WHERE id = $2",
                {due.AddDays(10).ToString(), rows.front().Int(0)});
    tx->Execute("UPDATE report_year_totals SET on_time_mask = on_time_mask & ~32, submitted_mask = submitted_mask | 32 "
                "WHERE project_id = $1 AND year = $2",
                {project, std::int64_t{year}});
    tx->Commit();
  }
  const std::string key = "report_late/" + std::to_string(project) + "/report/" + std::to_string(year * 100 + 6);
  auto open_on = [&](core::Date as_of) {
    EXPECT_TRUE(storage::Sweep(db(), kRegion, as_of).ok());
    auto tx = db().Begin(storage::Access::kRead);
    return tx->Query("SELECT COUNT(*) FROM warnings WHERE condition_key = $1 AND closed_on IS NULL", {key})
        .front()
        .Int(0);
  };
  EXPECT_EQ(open_on(due.AddDays(5)), 1) << key;
  EXPECT_EQ(open_on(due.AddDays(10)), 0) << key;
}
TEST_P(WarningSweepTest, LastYearsPlanKeepsDecembersReportOwedInJanuary) {
  // A started project with a plan for last year and none for this one, whose December report never came: swept on
  // January 20 (the report was due January 5) it is warned about; without last year's plan either, it owes nothing.
  const int year = today_.year();
  std::int64_t project = 0;
  {
    auto tx = db().Begin(storage::Access::kWrite);
    const auto rows = tx->Query(
        "SELECT t.id FROM projects t JOIN investment_plans p ON p.project_id = t.id AND p.year = $2 "
        "WHERE t.region_code = $1 AND t.started_on < $3 AND t.withdrawn_on IS NULL ORDER BY t.id LIMIT 1",
        {std::string(kRegion), std::int64_t{year - 1}, std::to_string(year - 1) + "-01-01"});
    ASSERT_FALSE(rows.empty()) << "the demo zone plans its started projects";
    project = rows.front().Int(0);
    tx->Execute("DELETE FROM investment_plans WHERE project_id = $1 AND year = $2", {project, std::int64_t{year}});
    tx->Execute("DELETE FROM monthly_reports WHERE project_id = $1 AND year = $2 AND month = 12",
                {project, std::int64_t{year - 1}});
    tx->Execute("UPDATE report_year_totals SET submitted_mask = submitted_mask & ~2048, "
                "on_time_mask = on_time_mask & ~2048 WHERE project_id = $1 AND year = $2",
                {project, std::int64_t{year - 1}});
    tx->Commit();
  }
  const core::Date january_20(year, 1, 20);
  const std::string key = "report_late/" + std::to_string(project) + "/report/" + std::to_string((year - 1) * 100 + 12);
  auto open = [&] {
    EXPECT_TRUE(storage::Sweep(db(), kRegion, january_20).ok());
    auto tx = db().Begin(storage::Access::kRead);
    return tx->Query("SELECT COUNT(*) FROM warnings WHERE condition_key = $1 AND closed_on IS NULL", {key})
        .front()
        .Int(0);
  };
  EXPECT_EQ(open(), 1) << key;
  {
    auto tx = db().Begin(storage::Access::kWrite);
    tx->Execute("DELETE FROM investment_plans WHERE project_id = $1 AND year = $2", {project, std::int64_t{year - 1}});
    tx->Commit();
  }
  EXPECT_EQ(open(), 0) << "no plan for last year or this one: no reports owed";
}

TEST_P(WarningSweepTest, TheRegionsRulesDecide) {
  // Without the milestone rule no milestone warning opens.
  {
    const core::Principal office = Office();
    auto tx = db().Begin(storage::Access::kWrite);
    core::WarningRule off = core::DefaultRule(core::RuleKind::kMilestoneOverdue);
    off.enabled = false;
    auto saved = storage::WarningRuleRepository(*tx).Save(office, {kRegion, {off}, 5}, 0);
    ASSERT_TRUE(saved.ok()) << saved.status().ToString();
    tx->Commit();
  }
  ASSERT_TRUE(storage::Sweep(db(), kRegion, today_).ok());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM warnings WHERE rule = 'milestone_overdue'"), 0);
}

TEST_P(WarningSweepTest, TheSchedulerSweepsAtStartAndStopsCleanly) {
  storage::SweepSchedule schedule;
  schedule.period = std::chrono::seconds(3600);
  storage::SweepScheduler scheduler(db(), schedule);
  for (int i = 0; i < 600 && scheduler.rounds() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(scheduler.rounds(), 1);
  const auto start = std::chrono::steady_clock::now();
  scheduler.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2)) << "Stop must not wait out the period";
  EXPECT_GT(Scalar("SELECT COUNT(*) FROM warnings"), 0);
}

TEST_P(WarningSweepTest, ARequestedRegionIsSweptAtOnceNotAtMidnight) {
  storage::SweepSchedule schedule;
  schedule.run_at_start = false;  // daily: the next round is hours away
  storage::SweepScheduler scheduler(db(), schedule);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM warnings"), 0) << "nothing swept before the request";
  scheduler.Request(kRegion);
  for (int i = 0; i < 600 && Scalar("SELECT COUNT(*) FROM warnings") == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_GT(Scalar("SELECT COUNT(*) FROM warnings"), 0);
  EXPECT_EQ(scheduler.rounds(), 0) << "a requested region is not a daily round";
}

SANPI_BOTH_BACKENDS(WarningSweepTest);

TEST(SweepSchedulerTest, TheDailyRunIsFiveMinutesPastMidnightInShanghai) {
  using namespace std::chrono;
  // 2026-03-10 15:00 UTC is 23:00 in Shanghai: the next run is 2026-03-11 00:05 Shanghai = 2026-03-10 16:05 UTC.
  const system_clock::time_point now = sys_days{year{2026} / 3 / 10} + hours{15};
  EXPECT_EQ(storage::SweepScheduler::NextDailyRun(now, minutes{5}), sys_days{year{2026} / 3 / 10} + hours{16} + minutes{5});
  // 16:10 UTC (00:10 Shanghai) is past today's run: the next is tomorrow's.
  EXPECT_EQ(storage::SweepScheduler::NextDailyRun(now + hours{1} + minutes{10}, minutes{5}),
            sys_days{year{2026} / 3 / 11} + hours{16} + minutes{5});
}

}  // namespace
}  // namespace sanpi::testing
