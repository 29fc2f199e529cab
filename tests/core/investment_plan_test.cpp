#include "core/investment_plan.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

namespace sanpi::core {
namespace {

Yuan Sum(const MonthlyAmounts& months) { return std::accumulate(months.begin(), months.end(), Yuan{0}); }

bool HasField(const Status& status, const std::string& field) {
  for (const auto& error : status.fields())
    if (error.field == field) return !error.message.zh.empty() && !error.message.en.empty();
  return false;
}

TEST(InvestmentPlan, EvenSplitGivesLeftoverYuanToEarliestMonths) {
  auto months = DecomposeEven(100);
  ASSERT_TRUE(months.ok()) << months.status().ToString();
  // 100 = 12 × 8 + 4: every remainder ties, so January–April get the extra yuan.
  MonthlyAmounts expected{9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8};
  EXPECT_EQ(*months, expected);
}

TEST(InvestmentPlan, EvenSplitOfAnExactMultipleIsFlat) {
  auto months = DecomposeEven(120'000'000);
  ASSERT_TRUE(months.ok());
  for (Yuan amount : *months) EXPECT_EQ(amount, 10'000'000);
}

TEST(InvestmentPlan, ZeroAnnualGivesTwelveZeros) {
  auto months = DecomposeEven(0);
  ASSERT_TRUE(months.ok());
  EXPECT_EQ(Sum(*months), 0);
}

TEST(InvestmentPlan, LargestRemainderPrefersLargerRemainderOverEarlierMonth) {
  // 10 yuan over weights 1,2 (rest 0): exact shares 3.33 and 6.67 → the larger remainder (Feb) gets the yuan.
  MonthWeights weights{1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  auto months = ApportionByWeights(10, weights);
  ASSERT_TRUE(months.ok());
  EXPECT_EQ((*months)[0], 3);
  EXPECT_EQ((*months)[1], 7);
  EXPECT_EQ(Sum(*months), 10);
}

TEST(InvestmentPlan, ZeroWeightMonthsGetNothing) {
  MonthWeights weights{0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
  auto months = ApportionByWeights(100, weights);
  ASSERT_TRUE(months.ok());
  EXPECT_EQ((*months)[0], 0);
  EXPECT_EQ((*months)[1], 34);  // 33.33 ×3, one yuan left, tie → the earliest weighted month
  EXPECT_EQ((*months)[3], 33);
  EXPECT_EQ((*months)[5], 33);
  EXPECT_EQ(Sum(*months), 100);
}

TEST(InvestmentPlan, AnyWeightsSumExactlyEvenForHugeFigures) {
  std::mt19937_64 random(20240205);
  std::uniform_int_distribution<std::int64_t> weight(0, 1'000'000'000'000LL);
  std::uniform_int_distribution<Yuan> annual(0, 4'000'000'000'000'000'000LL);
  for (int trial = 0; trial < 2000; ++trial) {
    MonthWeights weights;
    for (auto& w : weights) w = weight(random);
    weights[trial % 12] += 1;  // never all zero
    Yuan total = annual(random);
    auto months = ApportionByWeights(total, weights);
    ASSERT_TRUE(months.ok());
    ASSERT_EQ(Sum(*months), total) << "trial " << trial;
    for (int m = 0; m < 12; ++m) {
      ASSERT_GE((*months)[m], 0);
      if (weights[m] == 0) {
        ASSERT_EQ((*months)[m], 0);
      }
    }
  }
}

TEST(InvestmentPlan, WeightScaleDoesNotMatter) {
  MonthWeights small{4, 6, 9, 9, 9, 9, 8, 8, 9, 9, 9, 11};
  MonthWeights large;
  for (int m = 0; m < 12; ++m) large[m] = small[m] * 1'000'000'000'000;  // forces the 128-bit path
  auto a = DecomposeSeasonal(987'654'321, small);
  auto b = DecomposeSeasonal(987'654'321, large);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_LT((*a)[1], (*a)[2]) << "the Spring Festival month is low";
}

TEST(InvestmentPlan, RejectsNegativeAnnualAndBadWeights) {
  EXPECT_TRUE(HasField(DecomposeEven(-1).status(), "annual"));
  MonthWeights negative{1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1};
  auto bad = DecomposeSeasonal(100, negative);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kInvalid);
  EXPECT_TRUE(HasField(bad.status(), "seasonal_weights"));
  EXPECT_NE(bad.status().fields()[0].message.zh.find("4月"), std::string::npos);
  EXPECT_TRUE(HasField(DecomposeSeasonal(100, MonthWeights{}).status(), "seasonal_weights"));
}

TEST(InvestmentPlan, MilestoneStretchesWeightMonthsByDays) {
  // 开工 2024-02-01 → 封顶 2024-04-01: February has 29 days (leap year), March 31.
  auto weights = MilestoneMonthWeights(2024, StretchesBetween({Date(2024, 4, 1), Date(2024, 2, 1)}));
  ASSERT_TRUE(weights.ok()) << weights.status().ToString();
  MonthWeights expected{0, 29, 31, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(*weights, expected);
  auto months = DecomposeByMilestones(6'000'000, 2024, StretchesBetween({Date(2024, 2, 1), Date(2024, 4, 1)}));
  ASSERT_TRUE(months.ok());
  EXPECT_EQ((*months)[1], 2'900'000);
  EXPECT_EQ((*months)[2], 3'100'000);
  EXPECT_EQ(Sum(*months), 6'000'000);
}

TEST(InvestmentPlan, MilestoneStretchesClipToThePlanYearAndUseIntensity) {
  // A stretch from Dec 2023 to Feb 2025 covers the whole of 2024; a second, twice as intense, adds June.
  std::vector<MilestoneStretch> stretches{{Date(2023, 12, 1), Date(2025, 2, 1), 1},
                                          {Date(2024, 6, 1), Date(2024, 7, 1), 2}};
  auto weights = MilestoneMonthWeights(2024, stretches);
  ASSERT_TRUE(weights.ok());
  EXPECT_EQ((*weights)[0], 31);
  EXPECT_EQ((*weights)[1], 29);
  EXPECT_EQ((*weights)[5], 30 + 60);
  EXPECT_EQ((*weights)[11], 31);
}

TEST(InvestmentPlan, MilestoneStrategyRefusesAYearNoStretchTouches) {
  auto months = DecomposeByMilestones(100, 2025, StretchesBetween({Date(2024, 2, 1), Date(2024, 4, 1)}));
  ASSERT_FALSE(months.ok());
  EXPECT_TRUE(HasField(months.status(), "stretches"));
  EXPECT_FALSE(DecomposeByMilestones(100, 2025, {}).ok());
  EXPECT_TRUE(
      HasField(MilestoneMonthWeights(2024, {{Date(2024, 5, 1), Date(2024, 4, 1), 1}}).status(), "stretches[0]"));
  EXPECT_TRUE(
      HasField(MilestoneMonthWeights(2024, {{Date(2024, 1, 1), Date(2024, 4, 1), -3}}).status(), "stretches[0]"));
}

TEST(InvestmentPlan, ManualMonthsMustAddUpToTheAnnualFigure) {
  std::vector<Yuan> months{10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
  EXPECT_TRUE(CheckManualMonths(120, months).ok());

  auto short_total = CheckManualMonths(125, months);
  ASSERT_FALSE(short_total.ok());
  EXPECT_TRUE(HasField(short_total.status(), "months"));
  EXPECT_NE(short_total.status().fields()[0].message.en.find("5 yuan short"), std::string::npos);

  months[6] = 80;  // running total passes 120 in July
  auto over = CheckManualMonths(120, months);
  ASSERT_FALSE(over.ok());
  ASSERT_EQ(over.status().fields().size(), 1u);
  EXPECT_EQ(over.status().fields()[0].field, "months[7]");
  EXPECT_NE(over.status().fields()[0].message.zh.find("1至7月"), std::string::npos);
}

TEST(InvestmentPlan, ManualMonthsNameANegativeMonthAndNeedTwelve) {
  std::vector<Yuan> months{10, 10, -10, 10, 10, 10, 10, 10, 10, 10, 10, 20};
  auto negative = CheckManualMonths(110, months);
  ASSERT_FALSE(negative.ok());
  EXPECT_TRUE(HasField(negative.status(), "months[3]"));
  EXPECT_TRUE(HasField(CheckManualMonths(10, {10}).status(), "months"));
  std::vector<Yuan> huge(12, INT64_MAX);
  EXPECT_TRUE(HasField(CheckManualMonths(INT64_MAX, huge).status(), "months[2]"));
}

TEST(InvestmentPlan, DecomposeDispatchesAndChecksTheYear) {
  DecompositionRequest request{.year = 2024, .annual = 1200, .strategy = DecompositionStrategy::kManual};
  request.manual_months.assign(12, 100);
  auto manual = Decompose(request);
  ASSERT_TRUE(manual.ok());
  EXPECT_EQ((*manual)[11], 100);
  request.year = 1999;
  EXPECT_TRUE(HasField(Decompose(request).status(), "year"));
}

TEST(InvestmentPlan, StrategyCodesRoundTrip) {
  for (auto strategy : {DecompositionStrategy::kEven, DecompositionStrategy::kSeasonal,
                        DecompositionStrategy::kMilestone, DecompositionStrategy::kManual}) {
    EXPECT_EQ(ParseDecompositionStrategy(DecompositionStrategyCode(strategy)), strategy);
  }
  EXPECT_FALSE(ParseDecompositionStrategy("random"));
}

TEST(InvestmentPlan, ValidatesAStoredPlan) {
  InvestmentPlan plan{.project_id = 7, .year = 2024, .annual = 1200};
  plan.months.fill(100);
  EXPECT_TRUE(ValidateInvestmentPlan(plan).ok());
  plan.months[0] = 99;
  EXPECT_TRUE(HasField(ValidateInvestmentPlan(plan), "months"));
  plan.project_id = 0;
  plan.annual = -5;
  Status bad = ValidateInvestmentPlan(plan);
  EXPECT_TRUE(HasField(bad, "project_id"));
  EXPECT_TRUE(HasField(bad, "annual"));
}

TEST(InvestmentPlan, ValidatesASeasonalProfile) {
  SeasonalProfile profile{.region_code = "410100", .weights = {6, 4, 8, 9, 9, 9, 9, 9, 9, 9, 9, 10}};
  EXPECT_TRUE(ValidateSeasonalProfile(profile).ok());
  profile.weights = {};
  profile.region_code = "41";
  Status bad = ValidateSeasonalProfile(profile);
  EXPECT_TRUE(HasField(bad, "weights"));
  EXPECT_TRUE(HasField(bad, "region_code"));
}

TEST(InvestmentPlan, CumulativePlanCountsEarlierYearsAndMonthsToDate) {
  InvestmentPlan last_year{.project_id = 1, .year = 2023, .annual = 500};
  InvestmentPlan this_year{.project_id = 1, .year = 2024, .annual = 1200};
  this_year.months.fill(100);
  InvestmentPlan next_year{.project_id = 1, .year = 2025, .annual = 9999};
  std::vector<InvestmentPlan> plans{next_year, this_year, last_year};
  EXPECT_EQ(CumulativePlanned(plans, 2024, 3), 500 + 300);
  EXPECT_EQ(CumulativePlanned(plans, 2024, 0), 500);
  EXPECT_EQ(CumulativePlanned(plans, 2024, 12), 1700);
  EXPECT_EQ(PlannedThrough(this_year.months, 99), 1200);
}

}  // namespace
}  // namespace sanpi::core
