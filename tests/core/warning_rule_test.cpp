#include "core/warning_rule.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

using ::testing::Contains;
using ::testing::Field;

std::vector<std::string> ErrorFields(const Status& status) {
  std::vector<std::string> fields;
  for (const FieldError& error : status.fields()) fields.push_back(error.field);
  return fields;
}

TEST(WarningRule, DefaultsFollowDomainTable) {
  RuleSet rules = RuleSet::Defaults();
  const WarningRule& investment = rules.rule(RuleKind::kInvestmentBehindSchedule);
  EXPECT_EQ(investment.unit, ThresholdUnit::kPercentOfTimeProgress);
  EXPECT_EQ(investment.yellow, 90);
  EXPECT_EQ(investment.orange, 70);
  EXPECT_EQ(investment.red, 50);
  EXPECT_EQ(investment.from_month, 3);
  const WarningRule& stats = rules.rule(RuleKind::kNotInStatsDb);
  EXPECT_EQ(stats.yellow, 1);
  EXPECT_FALSE(stats.orange) << "入库 has no orange level";
  EXPECT_EQ(stats.red, 2);
  EXPECT_EQ(stats.min_total_investment, 5'000'000);
  EXPECT_EQ(rules.rule(RuleKind::kMilestoneOverdue).orange, 15);
  EXPECT_EQ(rules.rule(RuleKind::kReportLate).red, 5);
  EXPECT_EQ(rules.rule(RuleKind::kSignedNotStarted).orange, 9);
  EXPECT_EQ(rules.rule(RuleKind::kTaskOverdue).orange, 7);
  EXPECT_EQ(rules.rule(RuleKind::kProducingNotEffective).red, 24);
  EXPECT_EQ(rules.supervision_reply_days(), kDefaultSupervisionReplyDays);
  for (RuleKind kind : AllRuleKinds()) {
    EXPECT_TRUE(rules.rule(kind).enabled);
    EXPECT_EQ(rules.rule(kind).kind, kind);
    FieldErrors errors;
    CheckWarningRule(errors, rules.rule(kind), "x.");
    EXPECT_TRUE(errors.empty()) << RuleCode(kind);
  }
}

TEST(WarningRule, CodesAreStableAndRoundTrip) {
  EXPECT_EQ(RuleCode(RuleKind::kInvestmentBehindSchedule), "investment_behind_schedule");
  EXPECT_EQ(RuleCode(RuleKind::kNotInStatsDb), "not_in_stats_db");
  EXPECT_EQ(RuleCode(RuleKind::kTaskOverdue), "task_overdue");
  for (RuleKind kind : AllRuleKinds()) EXPECT_EQ(ParseRuleCode(RuleCode(kind)), kind);
  EXPECT_FALSE(ParseRuleCode("late"));
  EXPECT_EQ(ParseWarningLevel("orange"), WarningLevel::kOrange);
  EXPECT_EQ(ParseThresholdUnit("points_below_time_progress"), ThresholdUnit::kPointsBelowTimeProgress);
  EXPECT_EQ(WarningLevelLabel(WarningLevel::kRed).zh, "红色");
}

TEST(WarningRule, CountLevelsIncludeTheThresholdDay) {
  const WarningRule rule = DefaultRule(RuleKind::kMilestoneOverdue);  // 1 / 15 / 30 days
  EXPECT_EQ(LevelForCount(rule, 0), WarningLevel::kNone);
  EXPECT_EQ(LevelForCount(rule, 1), WarningLevel::kYellow);
  EXPECT_EQ(LevelForCount(rule, 14), WarningLevel::kYellow);
  EXPECT_EQ(LevelForCount(rule, 15), WarningLevel::kOrange);
  EXPECT_EQ(LevelForCount(rule, 29), WarningLevel::kOrange);
  EXPECT_EQ(LevelForCount(rule, 30), WarningLevel::kRed);
  const WarningRule stats = DefaultRule(RuleKind::kNotInStatsDb);
  EXPECT_EQ(LevelForCount(stats, 2), WarningLevel::kRed) << "no orange: straight from yellow to red";
  WarningRule off = rule;
  off.enabled = false;
  EXPECT_EQ(LevelForCount(off, 100), WarningLevel::kNone);
}

TEST(WarningRule, PercentOfTimeProgressIsStrictlyBelow) {
  const WarningRule rule = DefaultRule(RuleKind::kInvestmentBehindSchedule);  // < 90 / < 70 / < 50
  EXPECT_EQ(LevelForInvestment(rule, 90, 100, 400), WarningLevel::kNone) << "exactly 90 % is not below 90 %";
  EXPECT_EQ(LevelForInvestment(rule, 89, 100, 400), WarningLevel::kYellow);
  EXPECT_EQ(LevelForInvestment(rule, 70, 100, 400), WarningLevel::kYellow);
  EXPECT_EQ(LevelForInvestment(rule, 69, 100, 400), WarningLevel::kOrange);
  EXPECT_EQ(LevelForInvestment(rule, 50, 100, 400), WarningLevel::kOrange);
  EXPECT_EQ(LevelForInvestment(rule, 0, 100, 400), WarningLevel::kRed);
  EXPECT_EQ(LevelForInvestment(rule, 150, 100, 400), WarningLevel::kNone);
  // Exact at large amounts where 0.7 × planned is not representable in binary floating point.
  EXPECT_EQ(LevelForInvestment(rule, 700'000'000'007, 1'000'000'000'010, 2'000'000'000'000), WarningLevel::kYellow);
  EXPECT_EQ(LevelForInvestment(rule, 0, 0, 400), WarningLevel::kNone) << "nothing planned to date: no time progress";
  EXPECT_EQ(LevelForInvestment(rule, 0, 100, 0), WarningLevel::kNone);
}

TEST(WarningRule, PointsBelowTimeProgress) {
  WarningRule rule = DefaultRule(RuleKind::kInvestmentBehindSchedule);
  rule.unit = ThresholdUnit::kPointsBelowTimeProgress;
  rule.yellow = 10;
  rule.orange = 20;
  rule.red = 30;
  // Annual 1000, planned to date 500 (50 %): 10 points behind is completed 400.
  EXPECT_EQ(LevelForInvestment(rule, 401, 500, 1000), WarningLevel::kNone);
  EXPECT_EQ(LevelForInvestment(rule, 400, 500, 1000), WarningLevel::kYellow) << "10 points behind reaches 10";
  EXPECT_EQ(LevelForInvestment(rule, 300, 500, 1000), WarningLevel::kOrange);
  EXPECT_EQ(LevelForInvestment(rule, 200, 500, 1000), WarningLevel::kRed);
  EXPECT_EQ(LevelForInvestment(rule, 900, 500, 1000), WarningLevel::kNone) << "ahead of time progress";
}

TEST(RuleSet, RegionReplacesWholeRulesAndKeepsTheOthers) {
  RegionRuleSettings settings;
  settings.region_code = "410100";
  WarningRule city = DefaultRule(RuleKind::kInvestmentBehindSchedule);
  city.yellow = 80;  // 郑州: 80 % yellow card, 60 % red card
  city.orange.reset();
  city.red = 60;
  WarningRule reports = DefaultRule(RuleKind::kReportLate);
  reports.enabled = false;
  settings.rules = {city, reports};
  settings.supervision_reply_days = 3;
  Result<RuleSet> rules = RuleSet::ForRegion(settings);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(rules->rule(RuleKind::kInvestmentBehindSchedule), city);
  EXPECT_FALSE(rules->rule(RuleKind::kReportLate).enabled);
  EXPECT_EQ(rules->rule(RuleKind::kMilestoneOverdue), DefaultRule(RuleKind::kMilestoneOverdue));
  EXPECT_EQ(rules->supervision_reply_days(), 3);
  EXPECT_EQ(LevelForInvestment(rules->rule(RuleKind::kInvestmentBehindSchedule), 65, 100, 200), WarningLevel::kYellow);
  EXPECT_EQ(LevelForInvestment(rules->rule(RuleKind::kInvestmentBehindSchedule), 59, 100, 200), WarningLevel::kRed);
}

TEST(RuleSet, ValidationNamesEveryBadField) {
  RegionRuleSettings settings;
  WarningRule unordered = DefaultRule(RuleKind::kMilestoneOverdue);
  unordered.orange = 40;  // above red 30
  WarningRule percent = DefaultRule(RuleKind::kInvestmentBehindSchedule);
  percent.yellow = 120;
  percent.red = 80;  // above orange 70: a falling unit must fall
  percent.from_month = 13;
  WarningRule wrong_unit = DefaultRule(RuleKind::kReportLate);
  wrong_unit.unit = ThresholdUnit::kMonths;
  WarningRule empty = DefaultRule(RuleKind::kTaskOverdue);
  empty.yellow.reset();
  empty.orange.reset();
  empty.red.reset();
  WarningRule negative = DefaultRule(RuleKind::kSignedNotStarted);
  negative.yellow = 0;
  WarningRule stats = DefaultRule(RuleKind::kNotInStatsDb);
  stats.min_total_investment = -1;
  settings.rules = {unordered, percent, wrong_unit, empty, negative, stats, DefaultRule(RuleKind::kMilestoneOverdue)};
  settings.supervision_reply_days = 0;
  Result<RuleSet> rules = RuleSet::ForRegion(settings);
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().code(), Code::kInvalid);
  auto fields = ErrorFields(rules.status());
  EXPECT_THAT(fields, Contains("rules.milestone_overdue.red"));
  EXPECT_THAT(fields, Contains("rules.investment_behind_schedule.yellow"));
  EXPECT_THAT(fields, Contains("rules.investment_behind_schedule.red"));
  EXPECT_THAT(fields, Contains("rules.investment_behind_schedule.from_month"));
  EXPECT_THAT(fields, Contains("rules.report_late.unit"));
  EXPECT_THAT(fields, Contains("rules.task_overdue.yellow"));
  EXPECT_THAT(fields, Contains("rules.signed_not_started.yellow"));
  EXPECT_THAT(fields, Contains("rules.not_in_stats_db.min_total_investment"));
  EXPECT_THAT(fields, Contains("rules.milestone_overdue")) << "the same rule given twice";
  EXPECT_THAT(fields, Contains("supervision_reply_days"));
  for (const FieldError& error : rules.status().fields()) {
    EXPECT_FALSE(error.message.zh.empty()) << error.field;
    EXPECT_FALSE(error.message.en.empty()) << error.field;
  }
}

TEST(RuleSet, DisabledRuleWithoutLevelsIsAccepted) {
  WarningRule off = DefaultRule(RuleKind::kProducingNotEffective);
  off.enabled = false;
  off.yellow.reset();
  off.orange.reset();
  off.red.reset();
  EXPECT_TRUE(RuleSet::ForRegion({"410100", {off}, 5}).ok());
  WarningRule only_red = DefaultRule(RuleKind::kProducingNotEffective);
  only_red.yellow.reset();
  only_red.orange.reset();
  EXPECT_TRUE(RuleSet::ForRegion({"410100", {only_red}, 5}).ok());
  WarningRule hundred = DefaultRule(RuleKind::kInvestmentBehindSchedule);
  hundred.yellow = 100;
  EXPECT_TRUE(RuleSet::ForRegion({"410100", {hundred}, 90}).ok()) << "100 % and 90 days are the inclusive bounds";
}

}  // namespace
}  // namespace sanpi::core
