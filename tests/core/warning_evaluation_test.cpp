#include "core/warning_evaluation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

using ::testing::HasSubstr;

WarningFacts Base() {
  WarningFacts facts;
  facts.project_id = 42;
  facts.project_name = "智能传感器产业园";
  facts.lead_unit_id = 7;
  facts.leader_id = 9;
  facts.total_investment = 100'000'000;
  return facts;
}

std::vector<WarningCondition> Of(const std::vector<WarningCondition>& all, RuleKind rule) {
  std::vector<WarningCondition> out;
  for (const auto& c : all)
    if (c.key.rule == rule) out.push_back(c);
  return out;
}

std::vector<WarningCondition> Eval(const WarningFacts& facts, Date as_of, RuleSet rules = RuleSet::Defaults()) {
  return EvaluateWarnings(facts, rules, as_of);
}

WarningFacts WithPlan(Yuan planned_each, std::array<Yuan, 12> completed) {
  WarningFacts facts = Base();
  facts.plan_year = 2025;
  facts.planned.fill(planned_each);
  facts.completed = completed;
  return facts;
}

TEST(WarningEvaluation, EmptyFactsGiveNothing) {
  EXPECT_TRUE(Eval(Base(), Date(2025, 6, 1)).empty());
  EXPECT_TRUE(SweepWarnings({}, RuleSet::Defaults(), Date(2025, 6, 1)).empty());
}

TEST(WarningEvaluation, FiguresMonthWaitsForTheReportDueDay) {
  EXPECT_EQ(FiguresMonth(2025, Date(2025, 4, 5), 5), 2) << "March is due on April 5: not yet judged that day";
  EXPECT_EQ(FiguresMonth(2025, Date(2025, 4, 6), 5), 3);
  EXPECT_EQ(FiguresMonth(2025, Date(2025, 1, 20), 5), 0);
  EXPECT_EQ(FiguresMonth(2025, Date(2026, 1, 6), 5), 12) << "December of the plan year, judged in January";
  EXPECT_EQ(FiguresMonth(2026, Date(2025, 12, 31), 5), 0);
}

TEST(WarningEvaluation, InvestmentBehindTimeProgressExplainsItself) {
  // Plan 100 a month; Jan–Mar completed 186 of 300 = 62 % of time progress → orange (< 70 %).
  WarningFacts facts = WithPlan(1'000'000, {600'000, 600'000, 660'000, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  auto all = Eval(facts, Date(2025, 4, 6));
  ASSERT_EQ(all.size(), 1u);
  const WarningCondition& c = all[0];
  EXPECT_EQ(c.key, (ConditionKey{RuleKind::kInvestmentBehindSchedule, 42, SubjectKind::kProject, 0}));
  EXPECT_EQ(c.level, WarningLevel::kOrange);
  EXPECT_DOUBLE_EQ(c.figure, 62.0);
  EXPECT_EQ(c.threshold, 70);
  EXPECT_EQ(c.since, Date(2025, 4, 6)) << "the day after March's report was due";
  EXPECT_EQ(c.responsible_unit_id, 7);
  EXPECT_EQ(c.leader_id, 9);
  EXPECT_EQ(c.message.zh, "截至3月年度累计完成投资186.00万元，为序时进度（计划300.00万元）的62%，低于70%（橙色预警）");
  EXPECT_THAT(c.message.en, HasSubstr("62% of time progress"));
  EXPECT_THAT(c.message.en, HasSubstr("below 70% (orange)"));
}

TEST(WarningEvaluation, InvestmentNotJudgedBeforeTheThirdMonth) {
  WarningFacts facts = WithPlan(1'000'000, {});
  EXPECT_TRUE(Of(Eval(facts, Date(2025, 3, 20)), RuleKind::kInvestmentBehindSchedule).empty())
      << "February's figures (due March 5) are before the 3rd month";
  EXPECT_EQ(Of(Eval(facts, Date(2025, 4, 6)), RuleKind::kInvestmentBehindSchedule).at(0).level, WarningLevel::kRed);
  WarningFacts no_plan = Base();
  no_plan.plan_year = 2025;  // all zero
  EXPECT_TRUE(Eval(no_plan, Date(2025, 8, 1)).empty()) << "no plan: nothing to be behind";
}

TEST(WarningEvaluation, InvestmentExactlyAtThresholdIsNotBelow) {
  WarningFacts facts = WithPlan(1'000'000, {700'000, 700'000, 700'000, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  auto all = Eval(facts, Date(2025, 4, 6));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].level, WarningLevel::kYellow) << "70 % is not below 70 %";
  EXPECT_EQ(all[0].threshold, 90);
}

TEST(WarningEvaluation, InvestmentInPointsBelowTimeProgress) {
  WarningRule points = DefaultRule(RuleKind::kInvestmentBehindSchedule);
  points.unit = ThresholdUnit::kPointsBelowTimeProgress;
  points.yellow = 5;
  points.orange = 10;
  points.red = 15;
  Result<RuleSet> rules = RuleSet::ForRegion({"410100", {points}, 5});
  ASSERT_TRUE(rules.ok());
  // Annual 1200; to March planned 300 (25 %), completed 180 (15 %): 10 points behind → orange.
  WarningFacts facts = WithPlan(1'000'000, {600'000, 600'000, 600'000, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  auto all = Eval(facts, Date(2025, 4, 30), *rules);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].unit, ThresholdUnit::kPointsBelowTimeProgress);
  EXPECT_EQ(all[0].level, WarningLevel::kOrange);
  EXPECT_DOUBLE_EQ(all[0].figure, 10.0);
  EXPECT_THAT(all[0].message.zh, HasSubstr("落后序时进度（25%）10个百分点"));
}

TEST(WarningEvaluation, StartedProjectNotInStatsDbCountsWholeMonths) {
  WarningFacts facts = Base();
  facts.progress.stage = Stage::kStarted;
  facts.progress.started_on = Date(2025, 1, 31);
  EXPECT_TRUE(Eval(facts, Date(2025, 2, 27)).empty());
  auto yellow = Eval(facts, Date(2025, 2, 28));
  ASSERT_EQ(yellow.size(), 1u) << "Jan 31 + 1 month is Feb 28: the month has passed";
  EXPECT_EQ(yellow[0].key.rule, RuleKind::kNotInStatsDb);
  EXPECT_EQ(yellow[0].level, WarningLevel::kYellow);
  EXPECT_EQ(yellow[0].since, Date(2025, 2, 28));
  auto red = Eval(facts, Date(2025, 3, 31));
  ASSERT_EQ(red.size(), 1u);
  EXPECT_EQ(red[0].level, WarningLevel::kRed);
  EXPECT_EQ(red[0].since, Date(2025, 2, 28));
  EXPECT_EQ(red[0].level_since, Date(2025, 3, 31));
  EXPECT_THAT(red[0].message.zh, HasSubstr("2个月仍未入库"));

  WarningFacts small = facts;
  small.total_investment = 4'999'999;
  EXPECT_TRUE(Eval(small, Date(2025, 6, 1)).empty()) << "below 500万元 need not be 入库";
  WarningFacts entered = facts;
  entered.in_stats_db = true;
  entered.in_stats_db_on = Date(2025, 5, 1);
  EXPECT_EQ(Eval(entered, Date(2025, 4, 30)).size(), 1u) << "入库 dated later has not happened yet";
  EXPECT_TRUE(Eval(entered, Date(2025, 5, 1)).empty());
}

TEST(WarningEvaluation, SignedNotStartedAndProducingNotEffective) {
  WarningFacts signed_project = Base();
  signed_project.progress.stage = Stage::kSigned;
  signed_project.progress.signed_on = Date(2024, 1, 10);
  EXPECT_TRUE(Eval(signed_project, Date(2024, 7, 9)).empty());
  auto orange = Eval(signed_project, Date(2024, 10, 10));
  ASSERT_EQ(orange.size(), 1u);
  EXPECT_EQ(orange[0].key.rule, RuleKind::kSignedNotStarted);
  EXPECT_EQ(orange[0].level, WarningLevel::kOrange);
  EXPECT_DOUBLE_EQ(orange[0].figure, 9);
  EXPECT_EQ(orange[0].since, Date(2024, 7, 10));

  WarningFacts producing = Base();
  producing.in_stats_db = true;
  producing.progress.stage = Stage::kProducing;
  producing.progress.signed_on = Date(2022, 1, 1);
  producing.progress.fulfilled_on = Date(2022, 2, 1);
  producing.progress.started_on = Date(2022, 3, 1);
  producing.progress.producing_on = Date(2023, 6, 30);
  auto red = Eval(producing, Date(2025, 6, 30));
  ASSERT_EQ(red.size(), 1u);
  EXPECT_EQ(red[0].key.rule, RuleKind::kProducingNotEffective);
  EXPECT_EQ(red[0].level, WarningLevel::kRed);
  EXPECT_EQ(red[0].threshold, 24);
  producing.progress.effective_on = Date(2025, 6, 30);
  producing.progress.stage = Stage::kEffective;
  EXPECT_TRUE(Eval(producing, Date(2025, 6, 30)).empty());
}

TEST(WarningEvaluation, WithdrawnProjectHasNoWarnings) {
  WarningFacts facts = Base();
  facts.progress.stage = Stage::kWithdrawn;
  facts.progress.signed_on = Date(2023, 1, 1);
  facts.progress.withdrawn_on = Date(2024, 1, 1);
  facts.milestones.push_back({1, "拿地", Date(2023, 3, 1), std::nullopt});
  EXPECT_TRUE(Eval(facts, Date(2025, 1, 1)).empty());
  EXPECT_FALSE(Eval(facts, Date(2023, 12, 31)).empty()) << "before the withdrawal date the project was live";
}

TEST(WarningEvaluation, MilestoneOverdueBySubject) {
  WarningFacts facts = Base();
  facts.milestones = {{3, "施工许可", Date(2025, 3, 1), std::nullopt},
                      {4, "拿地", Date(2025, 3, 1), Date(2025, 3, 10)},  // done late but done
                      {5, "开工", Date(2025, 3, 31), std::nullopt},      // due today: not late
                      {6, "无计划", std::nullopt, std::nullopt}};
  auto all = Eval(facts, Date(2025, 3, 31));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].key, (ConditionKey{RuleKind::kMilestoneOverdue, 42, SubjectKind::kMilestone, 3}));
  EXPECT_EQ(all[0].level, WarningLevel::kRed) << "30 days late";
  EXPECT_DOUBLE_EQ(all[0].figure, 30);
  EXPECT_EQ(all[0].since, Date(2025, 3, 2));
  EXPECT_EQ(all[0].level_since, Date(2025, 3, 31));
  EXPECT_EQ(all[0].message.zh, "节点“施工许可”计划于2025-03-01完成，已逾期30天，达到30天（红色预警）");
}

TEST(WarningEvaluation, ReportLateMonthByMonthAcrossTheYear) {
  WarningFacts facts = Base();
  facts.reports_from_year = 2024;
  facts.reports_from_month = 11;
  // November filed on time, December's report still a draft, January not filed at all.
  facts.reports = {{2024, 11, Date(2024, 12, 3)}, {2024, 12, std::nullopt}};
  auto all = Eval(facts, Date(2025, 2, 8));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].key.subject_id, 202412);
  EXPECT_EQ(all[0].level, WarningLevel::kRed) << "due 2025-01-05, 34 days late";
  EXPECT_EQ(all[1].key, (ConditionKey{RuleKind::kReportLate, 42, SubjectKind::kReport, 202501}));
  EXPECT_EQ(all[1].level, WarningLevel::kOrange) << "due 2025-02-05, 3 days late";
  EXPECT_EQ(all[1].since, Date(2025, 2, 6));
  EXPECT_EQ(all[1].message.zh, "2025年1月月报应于2025-02-05前报送，已逾期3天，达到3天（橙色预警）");
  EXPECT_TRUE(Eval(facts, Date(2025, 1, 5)).empty()) << "the due day itself is not late";
  // A submission dated after as_of has not happened yet; unsorted input is sorted.
  facts.reports = {{2025, 1, Date(2025, 2, 7)}, {2024, 12, Date(2025, 1, 4)}, {2024, 11, Date(2024, 12, 3)}};
  EXPECT_TRUE(Eval(facts, Date(2025, 2, 7)).empty());
  EXPECT_EQ(Eval(facts, Date(2025, 2, 6)).size(), 1u);
}

TEST(WarningEvaluation, ReportDueDayFollowsTheRegion) {
  WarningFacts facts = Base();
  facts.reports_from_year = 2025;
  facts.reports_from_month = 1;
  auto all = EvaluateWarnings(facts, RuleSet::Defaults(), Date(2025, 3, 1), 31);
  ASSERT_EQ(all.size(), 1u) << "January due Feb 28 with due day 31; February not yet due";
  EXPECT_EQ(all[0].key.subject_id, 202501);
  EXPECT_EQ(all[0].level, WarningLevel::kYellow);
}

TEST(WarningEvaluation, ProblemsTasksAndChecklistItems) {
  WarningFacts facts = Base();
  facts.open_items = {{SubjectKind::kProblem, 11, "用地指标未落实", Date(2025, 5, 1), std::nullopt, 3},
                      {SubjectKind::kTask, 12, "完成环评批复", Date(2025, 5, 8), std::nullopt, 0},
                      {SubjectKind::kChecklistItem, 13, "供电接入", Date(2025, 5, 1), Date(2025, 5, 2), 0}};
  auto all = Eval(facts, Date(2025, 5, 16));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].key, (ConditionKey{RuleKind::kTaskOverdue, 42, SubjectKind::kProblem, 11}));
  EXPECT_EQ(all[0].level, WarningLevel::kRed) << "15 days";
  EXPECT_EQ(all[0].responsible_unit_id, 3) << "the unit the problem names";
  EXPECT_THAT(all[0].message.zh, HasSubstr("问题“用地指标未落实”办理时限为2025-05-01"));
  EXPECT_EQ(all[1].level, WarningLevel::kOrange) << "8 days";
  EXPECT_EQ(all[1].responsible_unit_id, 7) << "falls back to the lead unit";
}

TEST(WarningEvaluation, DisabledRulesAreSkipped) {
  WarningRule off = DefaultRule(RuleKind::kMilestoneOverdue);
  off.enabled = false;
  Result<RuleSet> rules = RuleSet::ForRegion({"410100", {off}, 5});
  ASSERT_TRUE(rules.ok());
  WarningFacts facts = Base();
  facts.milestones = {{3, "施工许可", Date(2025, 3, 1), std::nullopt}};
  EXPECT_TRUE(Eval(facts, Date(2025, 6, 1), *rules).empty());
}

TEST(ConditionKey, TextFormRoundTrips) {
  ConditionKey key{RuleKind::kReportLate, 42, SubjectKind::kReport, 202503};
  EXPECT_EQ(ConditionKeyString(key), "report_late/42/report/202503");
  EXPECT_EQ(ParseConditionKey("report_late/42/report/202503"), key);
  EXPECT_FALSE(ParseConditionKey("report_late/42/report"));
  EXPECT_FALSE(ParseConditionKey("report_late/42/report/1/2"));
  EXPECT_FALSE(ParseConditionKey("late/42/report/1"));
  EXPECT_FALSE(ParseConditionKey("report_late/x/report/1"));
  ConditionKeyHash hash;
  EXPECT_NE(hash(key), hash({RuleKind::kReportLate, 42, SubjectKind::kReport, 202504}));
}

TEST(FormatFigure, OneDecimalAtMost) {
  EXPECT_EQ(FormatFigure(62.0), "62");
  EXPECT_EQ(FormatFigure(62.04), "62");
  EXPECT_EQ(FormatFigure(62.54), "62.5");
  EXPECT_EQ(FormatFigure(62.56), "62.6");
  EXPECT_EQ(FormatFigure(99.96), "100");
  EXPECT_EQ(FormatFigure(0.0), "0");
  EXPECT_EQ(FormatFigure(-0.01), "0");
  EXPECT_EQ(FormatFigure(-2.5), "-2.5");
}

}  // namespace
}  // namespace sanpi::core
