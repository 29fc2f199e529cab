#include "core/investment_progress.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

MonthlyAmounts Flat(Yuan each) {
  MonthlyAmounts months;
  months.fill(each);
  return months;
}

ProjectYearFigures Project(std::int64_t id, std::string key, MonthlyAmounts planned, MonthlyAmounts completed,
                           int due = 0, int on_time = 0) {
  return {id, std::move(key), planned, completed, due, on_time};
}

TEST(CompletionRate, MonthYearToDateAndYear) {
  MonthlyAmounts planned = Flat(100);
  MonthlyAmounts completed{80, 120, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  ProgressSummary summary = Summarise(Project(1, "a", planned, completed), 3);
  EXPECT_EQ(summary.planned_month, 100);
  EXPECT_EQ(summary.completed_month, 50);
  EXPECT_EQ(summary.planned_to_date, 300);
  EXPECT_EQ(summary.completed_to_date, 250);
  EXPECT_DOUBLE_EQ(*summary.MonthRate(), 0.5);
  EXPECT_DOUBLE_EQ(*summary.YearToDateRate(), 250.0 / 300);
  EXPECT_DOUBLE_EQ(*summary.YearRate(), 250.0 / 1200);
  EXPECT_DOUBLE_EQ(*summary.TimeProgress(), 0.25);
}

TEST(CompletionRate, ZeroPlanHasNoRate) {
  MonthlyAmounts planned{0, 0, 0, 0, 0, 0, 600, 600, 0, 0, 0, 0};
  MonthlyAmounts completed{0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  ProgressSummary summary = Summarise(Project(1, "a", planned, completed), 3);
  EXPECT_FALSE(summary.MonthRate()) << "nothing planned in March: no rate, not infinity";
  EXPECT_FALSE(summary.YearToDateRate());
  EXPECT_DOUBLE_EQ(*summary.YearRate(), 10.0 / 1200);
  EXPECT_FALSE(Summarise(Project(2, "a", Flat(0), Flat(0)), 6).YearRate());
}

TEST(CompletionRate, MonthZeroAndBeyondTwelve) {
  ProgressSummary before = Summarise(Project(1, "a", Flat(100), Flat(100)), 0);
  EXPECT_EQ(before.planned_to_date, 0);
  EXPECT_EQ(before.planned_month, 0);
  EXPECT_EQ(before.planned_year, 1200);
  ProgressSummary after = Summarise(Project(1, "a", Flat(100), Flat(100)), 15);
  EXPECT_EQ(after.completed_to_date, 1200);
  EXPECT_EQ(after.planned_month, 100);
}

TEST(TimeProgress, FollowsThePlanShapeNotTheCalendar) {
  MonthlyAmounts back_loaded{0, 0, 0, 0, 0, 0, 100, 100, 100, 100, 100, 100};
  EXPECT_DOUBLE_EQ(*TimeProgress(back_loaded, 6), 0.0);
  EXPECT_DOUBLE_EQ(*TimeProgress(back_loaded, 9), 0.5);
  EXPECT_DOUBLE_EQ(*TimeProgress(back_loaded, 12), 1.0);
  EXPECT_FALSE(TimeProgress(Flat(0), 6));
}

TEST(TimeProgress, CalendarVariantKnowsLeapYears) {
  EXPECT_DOUBLE_EQ(CalendarTimeProgress(Date(2023, 12, 31)), 1.0);
  EXPECT_DOUBLE_EQ(CalendarTimeProgress(Date(2024, 1, 1)), 1.0 / 366);
  EXPECT_DOUBLE_EQ(CalendarTimeProgress(Date(2024, 2, 29)), 60.0 / 366);
  EXPECT_DOUBLE_EQ(CalendarTimeProgress(Date(2023, 3, 1)), 60.0 / 365);
}

TEST(RollUp, SumsPerKeyAndWeightsRatesByMoney) {
  std::vector<ProjectYearFigures> projects{
      Project(1, "住建局", Flat(100), Flat(100), 3, 3),
      Project(2, "园区运营中心", Flat(1000), Flat(0), 3, 1),
      Project(3, "住建局", Flat(900), Flat(0), 3, 2),
  };
  auto rows = RollUp(projects, 2);
  ASSERT_EQ(rows.size(), 2u);
  const ProgressSummary& housing = rows[0].key == "住建局" ? rows[0] : rows[1];
  EXPECT_EQ(housing.projects, 2);
  EXPECT_EQ(housing.planned_year, 12'000);
  EXPECT_EQ(housing.planned_to_date, 2000);
  EXPECT_EQ(housing.completed_to_date, 200);
  // Project 1 is 100 % done and project 3 0 %: the group is 10 %, not the 50 % mean of rates.
  EXPECT_DOUBLE_EQ(*housing.YearToDateRate(), 0.1);
  EXPECT_DOUBLE_EQ(*housing.OnTimeRate(), 5.0 / 6);
  EXPECT_LT(rows[0].key, rows[1].key) << "rows sorted by key";

  ProgressSummary total = RollUpTotal(projects, 2);
  EXPECT_EQ(total.projects, 3);
  EXPECT_EQ(total.planned_year, 24'000);
  EXPECT_EQ(total.reports_due, 9);
  EXPECT_EQ(total.reports_on_time, 6);
}

TEST(RollUp, EmptyInputAndNoReportsDue) {
  EXPECT_TRUE(RollUp({}, 5).empty());
  ProgressSummary total = RollUpTotal({}, 5);
  EXPECT_EQ(total.projects, 0);
  EXPECT_FALSE(total.OnTimeRate());
  EXPECT_FALSE(total.YearRate());
}

TEST(EarnedValue, IndicesFromPlanProgressAndCost) {
  // 1亿 total, 30 % built, 2500万 planned to date, 2000万 spent.
  EarnedValue value = ComputeEarnedValue(100'000'000, 30, 25'000'000, 20'000'000);
  EXPECT_EQ(value.earned_value, 30'000'000);
  EXPECT_EQ(value.ScheduleVariance(), 5'000'000);
  EXPECT_EQ(value.CostVariance(), 10'000'000);
  EXPECT_DOUBLE_EQ(*value.Spi(), 1.2);
  EXPECT_DOUBLE_EQ(*value.Cpi(), 1.5);
}

TEST(EarnedValue, RoundsToTheYuanAndGuardsZero) {
  EXPECT_EQ(ComputeEarnedValue(15, 50, 0, 0).earned_value, 8);  // 7.5 rounds half up
  EXPECT_EQ(ComputeEarnedValue(100, 150, 0, 0).earned_value, 100) << "percent clamped to 100";
  EarnedValue nothing = ComputeEarnedValue(100, 0, 0, 0);
  EXPECT_FALSE(nothing.Spi());
  EXPECT_FALSE(nothing.Cpi());
}

TEST(Forecast, YtdRatioScalesThePlan) {
  // 1200 planned, 300 due by March, 240 done → 80 % of plan → 960.
  MonthlyAmounts completed{80, 80, 80, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  YearForecast forecast = ForecastYear(Flat(100), completed, 3, ForecastMethod::kYtdRatio);
  EXPECT_EQ(ForecastMethodCode(forecast.method), "ytd_ratio");
  EXPECT_EQ(forecast.forecast, 960);
  EXPECT_EQ(forecast.Shortfall(), 240);
  EXPECT_TRUE(forecast.WillMiss());
}

TEST(Forecast, TrendUsesTheLastThreeMonths) {
  // 100 in each of Jan–Mar, then 10, 20, 30: ytd 360 + 6 months × mean(10, 20, 30) = 360 + 120.
  MonthlyAmounts completed{100, 100, 100, 10, 20, 30, 0, 0, 0, 0, 0, 0};
  YearForecast forecast = ForecastYear(Flat(100), completed, 6, ForecastMethod::kTrend);
  EXPECT_EQ(ForecastMethodCode(forecast.method), "trend");
  EXPECT_EQ(forecast.forecast, 480);
  // Early in the year the window is shorter: February → mean of Jan and Feb.
  YearForecast early = ForecastYear(Flat(100), MonthlyAmounts{50, 150}, 2, ForecastMethod::kTrend);
  EXPECT_EQ(early.forecast, 200 + 10 * 100);
  EXPECT_FALSE(early.WillMiss());
}

TEST(Forecast, FallsBackAndNamesItWhenTheRatioIsUndefined) {
  MonthlyAmounts back_loaded{0, 0, 0, 0, 0, 0, 200, 200, 200, 200, 200, 200};
  MonthlyAmounts completed{0, 0, 30, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  YearForecast forecast = ForecastYear(back_loaded, completed, 3, ForecastMethod::kYtdRatio);
  EXPECT_EQ(ForecastMethodCode(forecast.method), "plan_remaining");
  EXPECT_EQ(forecast.forecast, 30 + 1200);
  EXPECT_EQ(ForecastMethodCode(ForecastYear(Flat(100), Flat(0), 0, ForecastMethod::kTrend).method), "plan_remaining");
}

TEST(Forecast, DecemberForecastIsWhatWasDone) {
  YearForecast forecast = ForecastYear(Flat(100), Flat(90), 12, ForecastMethod::kTrend);
  EXPECT_EQ(forecast.forecast, 1080);
  EXPECT_EQ(forecast.Shortfall(), 120);
  EXPECT_EQ(ForecastYear(Flat(100), Flat(90), 12, ForecastMethod::kYtdRatio).forecast, 1080);
}

TEST(Forecast, MethodCodesParse) {
  EXPECT_EQ(ParseForecastMethod("trend"), ForecastMethod::kTrend);
  EXPECT_EQ(ParseForecastMethod("ytd_ratio"), ForecastMethod::kYtdRatio);
  EXPECT_FALSE(ParseForecastMethod("plan_remaining")) << "a fallback, not a choice";
}

TEST(Forecast, MissListSortedByShortfall) {
  MonthlyAmounts half = Flat(50);
  MonthlyAmounts ninety = Flat(90);
  std::vector<ProjectYearFigures> projects{
      Project(5, "", Flat(100), ninety),     // forecast 1080, short 120
      Project(3, "", Flat(100), Flat(100)),  // on plan: not listed
      Project(4, "", Flat(1000), half),      // forecast 600, short 11400
      Project(2, "", Flat(100), ninety),     // same shortfall as 5: smaller id first
      Project(1, "", Flat(0), Flat(0)),      // no plan: cannot miss
  };
  auto misses = ProjectsForecastToMiss(projects, 6);
  ASSERT_EQ(misses.size(), 3u);
  EXPECT_EQ(misses[0].project_id, 4);
  EXPECT_EQ(misses[0].forecast.Shortfall(), 12'000 - 600);
  EXPECT_EQ(misses[1].project_id, 2);
  EXPECT_EQ(misses[2].project_id, 5);
  EXPECT_EQ(ForecastMethodCode(misses[0].forecast.method), "ytd_ratio");
}

}  // namespace
}  // namespace sanpi::core

namespace sanpi::core {
namespace {

TEST(ReportCounts, ReportsAreOwedFromTheStartMonthOnlyForProjectsInThePlan) {
  EXPECT_EQ(ReportsOwedMask(Date(2025, 4, 20), true, 2025), 0b1111'1111'1000);  // April … December
  EXPECT_EQ(ReportsOwedMask(Date(2023, 9, 1), true, 2025), 0b1111'1111'1111);   // started earlier: all year
  EXPECT_EQ(ReportsOwedMask(Date(2026, 1, 1), true, 2025), 0);                  // not started that year
  EXPECT_EQ(ReportsOwedMask(std::nullopt, true, 2025), 0);
  EXPECT_EQ(ReportsOwedMask(Date(2025, 4, 20), false, 2025), 0);                // no plan, nothing owed
}

TEST(ReportCounts, OverdueMonthsAreThoseWhoseDueDateHasPassed) {
  // March is due on April 5th: on April 5th it is not yet overdue, on the 6th it is.
  EXPECT_EQ(OverdueMonthsMask(2025, 5, Date(2025, 4, 5)), 0b0011);
  EXPECT_EQ(OverdueMonthsMask(2025, 5, Date(2025, 4, 6)), 0b0111);
  EXPECT_EQ(OverdueMonthsMask(2025, 5, Date(2026, 3, 1)), 0b1111'1111'1111);
}

TEST(ReportCounts, ASubmittedOrOwedAndOverdueReportCountsAsDue) {
  ProgressSummary summary;
  // Owed April–December, overdue through June, submitted April (on time) and June (late); as of June.
  CountReports(summary, 0b10'1000, 0b00'1000, 0b1111'1111'1000, 0b11'1111, 6);
  EXPECT_EQ(summary.reports_due, 3);  // April, May (missing), June
  EXPECT_EQ(summary.reports_on_time, 1);
  EXPECT_NEAR(*summary.OnTimeRate(), 1.0 / 3.0, 1e-12);
  // Only months through `through_month` count.
  CountReports(summary, 0b10'1000, 0b00'1000, 0b1111'1111'1000, 0b11'1111, 4);
  EXPECT_EQ(summary.reports_due, 1);
}

}  // namespace
}  // namespace sanpi::core
