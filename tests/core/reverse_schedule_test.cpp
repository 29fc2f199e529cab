#include "core/reverse_schedule.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

Milestone Step(std::int64_t id, std::string name, int days, std::vector<std::int64_t> predecessors = {}) {
  Milestone milestone;
  milestone.id = id;
  milestone.project_id = 1;
  milestone.name = std::move(name);
  milestone.standard_days = days;
  milestone.predecessors = std::move(predecessors);
  return milestone;
}

const ScheduledMilestone& Find(const ReverseSchedule& schedule, std::int64_t id) {
  for (const auto& milestone : schedule.milestones)
    if (milestone.id == id) return milestone;
  throw std::out_of_range("no milestone " + std::to_string(id));
}

const Date kTarget(2024, 12, 31);
const Date kEarly(2024, 1, 1);

TEST(ReverseSchedule, ChainWorksBackFromTheTarget) {
  std::vector<Milestone> chain{Step(1, "施工许可", 10), Step(2, "开工", 20, {1}), Step(3, "竣工", 30, {2})};
  auto schedule = ScheduleBackward(chain, kTarget, kEarly);
  ASSERT_TRUE(schedule.ok()) << schedule.status().ToString();
  EXPECT_EQ(Find(*schedule, 3).latest_finish, kTarget);
  EXPECT_EQ(Find(*schedule, 3).latest_start, Date(2024, 12, 1));
  EXPECT_EQ(Find(*schedule, 2).latest_finish, Date(2024, 12, 1));
  EXPECT_EQ(Find(*schedule, 2).latest_start, Date(2024, 11, 11));
  EXPECT_EQ(Find(*schedule, 1).latest_finish, Date(2024, 11, 11));
  EXPECT_EQ(Find(*schedule, 1).latest_start, Date(2024, 11, 1));
  EXPECT_TRUE(schedule->feasible);
  EXPECT_TRUE(schedule->at_fault.empty());
  EXPECT_TRUE(schedule->explanation.zh.empty());
  EXPECT_EQ(Find(*schedule, 1).slack_days, Date(2024, 11, 1).DaysSinceEpoch() - kEarly.DaysSinceEpoch());
}

TEST(ReverseSchedule, DiamondTakesTheTighterBranch) {
  // 拿地 feeds 规划许可 (20 days) and 环评 (50 days); both feed 施工许可 (10 days).
  std::vector<Milestone> diamond{Step(1, "拿地", 30), Step(2, "规划许可", 20, {1}), Step(3, "环评批复", 50, {1}),
                                 Step(4, "施工许可", 10, {2, 3})};
  auto schedule = ScheduleBackward(diamond, kTarget, kEarly);
  ASSERT_TRUE(schedule.ok());
  EXPECT_EQ(Find(*schedule, 2).latest_finish, kTarget.AddDays(-10));
  EXPECT_EQ(Find(*schedule, 3).latest_finish, kTarget.AddDays(-10));
  EXPECT_EQ(Find(*schedule, 1).latest_finish, kTarget.AddDays(-60)) << "the 50-day branch governs";
  EXPECT_EQ(Find(*schedule, 1).latest_start, kTarget.AddDays(-90));
}

TEST(ReverseSchedule, CrossesFebruaryInALeapYear) {
  auto schedule = ScheduleBackward({Step(1, "开工", 1), Step(2, "投产", 0, {1})}, Date(2024, 3, 1), kEarly);
  ASSERT_TRUE(schedule.ok());
  EXPECT_EQ(Find(*schedule, 2).latest_start, Date(2024, 3, 1));
  EXPECT_EQ(Find(*schedule, 1).latest_start, Date(2024, 2, 29));
  auto common = ScheduleBackward({Step(1, "开工", 1)}, Date(2023, 3, 1), Date(2022, 1, 1));
  EXPECT_EQ(Find(*common, 1).latest_start, Date(2023, 2, 28));
}

TEST(ReverseSchedule, EveryFinalMilestoneMeetsTheTarget) {
  std::vector<Milestone> forked{Step(1, "开工", 10), Step(2, "一期投产", 30, {1}), Step(3, "二期投产", 90, {1})};
  auto schedule = ScheduleBackward(forked, kTarget, kEarly);
  ASSERT_TRUE(schedule.ok());
  EXPECT_EQ(Find(*schedule, 2).latest_finish, kTarget);
  EXPECT_EQ(Find(*schedule, 3).latest_finish, kTarget);
  EXPECT_EQ(Find(*schedule, 1).latest_finish, kTarget.AddDays(-90));
}

TEST(ReverseSchedule, EmptyAndSingleMilestone) {
  auto empty = ScheduleBackward({}, kTarget, kEarly);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->milestones.empty());
  EXPECT_TRUE(empty->feasible);
  auto single = ScheduleBackward({Step(1, "投产", 45)}, kTarget, kEarly);
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->milestones[0].latest_finish, kTarget);
  EXPECT_EQ(single->milestones[0].latest_start, kTarget.AddDays(-45));
}

TEST(ReverseSchedule, FlagsInfeasiblePlanAndNamesTheMilestoneAtFault) {
  std::vector<Milestone> chain{Step(1, "施工许可", 10), Step(2, "开工", 20, {1}), Step(3, "竣工", 30, {2})};
  // 施工许可 had to start by 2024-11-01 and 开工 by 2024-11-11; on 2024-11-05 only the first is overdue.
  auto schedule = ScheduleBackward(chain, kTarget, Date(2024, 11, 5));
  ASSERT_TRUE(schedule.ok());
  EXPECT_FALSE(schedule->feasible);
  EXPECT_EQ(schedule->at_fault, (std::vector<std::int64_t>{1}));
  EXPECT_EQ(Find(*schedule, 1).slack_days, -4);
  EXPECT_NE(schedule->explanation.zh.find("施工许可"), std::string::npos);
  EXPECT_NE(schedule->explanation.en.find("2024-11-01"), std::string::npos);
  // On the latest start day itself the plan is still feasible.
  EXPECT_TRUE(ScheduleBackward(chain, kTarget, Date(2024, 11, 1))->feasible);
}

TEST(ReverseSchedule, DoneMilestonesAreNeverAtFault) {
  std::vector<Milestone> chain{Step(1, "施工许可", 10), Step(2, "开工", 20, {1}), Step(3, "竣工", 30, {2})};
  chain[0].actual = Date(2024, 10, 20);
  auto schedule = ScheduleBackward(chain, kTarget, Date(2024, 11, 5));
  ASSERT_TRUE(schedule.ok());
  EXPECT_TRUE(schedule->feasible);
  EXPECT_TRUE(Find(*schedule, 1).done);
  EXPECT_EQ(Find(*schedule, 1).latest_start, Date(2024, 11, 1)) << "dates still shown for the wall chart";
  // Later, with 开工 still not done past its own latest start, it becomes the fault — listed most overdue first.
  auto later = ScheduleBackward(chain, kTarget, Date(2024, 12, 5));
  EXPECT_EQ(later->at_fault, (std::vector<std::int64_t>{2, 3}));
  EXPECT_NE(later->explanation.zh.find("开工"), std::string::npos);
  // An actual date after "today" does not count as done yet.
  chain[0].actual = Date(2024, 11, 20);
  EXPECT_FALSE(ScheduleBackward(chain, kTarget, Date(2024, 11, 5))->feasible);
}

TEST(ReverseSchedule, TargetAlreadyPast) {
  auto schedule = ScheduleBackward({Step(1, "投产", 0)}, Date(2024, 1, 1), Date(2024, 1, 2));
  ASSERT_TRUE(schedule.ok());
  EXPECT_FALSE(schedule->feasible);
  EXPECT_EQ(schedule->at_fault, (std::vector<std::int64_t>{1}));
}

TEST(ReverseSchedule, CycleIsRefusedWithItsNames) {
  auto schedule = ScheduleBackward({Step(1, "开工", 10, {2}), Step(2, "竣工", 10, {1})}, kTarget, kEarly);
  ASSERT_FALSE(schedule.ok());
  EXPECT_EQ(schedule.status().code(), Code::kRuleBroken);
  EXPECT_NE(schedule.status().message().zh.find("开工"), std::string::npos);
  EXPECT_NE(schedule.status().message().zh.find("竣工"), std::string::npos);
}

TEST(ReverseSchedule, TemplateScheduleAndApply) {
  auto milestones = InstantiateMilestoneTemplate("industrial", 1, 1);
  ASSERT_TRUE(milestones.ok());
  milestones->front().actual = Date(2023, 6, 1);
  std::optional<Date> land_planned = Date(2023, 5, 1);
  milestones->front().planned = land_planned;
  ASSERT_TRUE(ApplyLatestDates(*milestones, Date(2026, 12, 31), Date(2024, 1, 1)).ok());
  EXPECT_EQ(milestones->front().planned, land_planned) << "a done milestone keeps its plan";
  EXPECT_EQ(milestones->back().planned, Date(2026, 12, 31));
  for (const auto& milestone : *milestones) {
    for (auto predecessor : milestone.predecessors) {
      const Milestone& before = (*milestones)[predecessor - 1];
      if (before.actual) continue;
      EXPECT_LE(*before.planned, milestone.planned->AddDays(-milestone.standard_days))
          << before.name << " → " << milestone.name;
    }
  }
}

}  // namespace
}  // namespace sanpi::core
