#include "core/campaign_statistics.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

RosterLine Line(std::int64_t project, Batch batch, int batch_period, Yuan year_plan = 0) {
  RosterLine line;
  line.entry_id = project;
  line.project_id = project;
  line.batch = line.origin_batch = batch;
  line.batch_period = line.origin_period = batch_period;
  line.commitment.year_planned_investment = year_plan;
  return line;
}

ProjectFacts Facts(std::int64_t id, Yuan yi, std::int64_t unit, std::int64_t leader, std::string industry,
                   StageRecord progress) {
  return {id, "项目" + std::to_string(id), yi * kYuanPerYi, std::move(industry), leader, unit, progress};
}

StageRecord Dates(std::optional<Date> signed_on, std::optional<Date> fulfilled_on, std::optional<Date> started_on,
                  std::optional<Date> producing_on, std::optional<Date> effective_on) {
  StageRecord record;
  record.signed_on = signed_on;
  record.fulfilled_on = fulfilled_on;
  record.started_on = started_on;
  record.producing_on = producing_on;
  record.effective_on = effective_on;
  return record;  // stage is irrelevant to the figures: they read the dates
}

TEST(Rate, PerMilleRoundsHalfUpAndFormatsToOneDecimal) {
  EXPECT_EQ((Rate{6, 7}).PerMille(), 857);
  EXPECT_EQ(FormatRate({6, 7}), "85.7%");
  EXPECT_EQ(FormatRate({1, 8}), "12.5%");
  EXPECT_EQ(FormatRate({1, 16}), "6.3%");  // 6.25 → 6.3
  EXPECT_EQ(FormatRate({2, 3}), "66.7%");
  EXPECT_EQ(FormatRate({1, 3}), "33.3%");
  EXPECT_EQ(FormatRate({7, 7}), "100%");
  EXPECT_EQ(FormatRate({1, 2}), "50%");
  EXPECT_EQ(FormatRate({0, 5}), "0%");
  EXPECT_EQ(FormatRate({1, 2000}), "0.1%");  // 0.05 % → 0.1
  EXPECT_EQ(FormatRate({1, 2001}), "0%");
}

TEST(Rate, ZeroDenominatorHasNoValue) {
  EXPECT_FALSE((Rate{0, 0}).PerMille());
  EXPECT_EQ(FormatRate({0, 0}), "—");
}

TEST(CampaignStatistics, EmptyRosterGivesZerosAndNoRates) {
  std::vector<ProjectFacts> none;
  auto statistics = ComputeStatistics({}, ProjectFactsIndex(none), 7, Date(2022, 12, 31));
  EXPECT_EQ(statistics.period, 7);
  EXPECT_EQ(statistics.overall.count, 0);
  EXPECT_EQ(statistics.overall.total_investment, 0);
  EXPECT_FALSE(statistics.overall.rates.fulfilment.PerMille());
  EXPECT_FALSE(statistics.overall.rates.effect.PerMille());
  EXPECT_FALSE(statistics.overall.production.effect_rate.PerMille());
  EXPECT_TRUE(statistics.by_unit.empty());
  EXPECT_TRUE(statistics.by_industry.empty());
}

class SmallRoster : public ::testing::Test {
 protected:
  SmallRoster()
      : facts_{Facts(1, 10, 100, 7, "新材料", Dates(Date(2022, 3, 1), Date(2022, 5, 1), {}, {}, {})),
               Facts(2, 20, 100, 8, "新材料", Dates(Date(2022, 3, 1), {}, {}, {}, {})),
               Facts(3, 5, 200, 7, "电子信息", Dates(Date(2023, 1, 28), {}, {}, {}, {})),
               Facts(4, 30, 200, 8, "电子信息", Dates({}, {}, Date(2022, 8, 1), Date(2022, 12, 31), {})),
               Facts(5, 40, 100, 7, "", Dates(Date(2021, 1, 1), Date(2021, 2, 1), Date(2021, 3, 1), {}, {})),
               Facts(6, 8, 200, 8, "新材料", Dates({}, {}, Date(2020, 1, 1), Date(2021, 1, 1), Date(2022, 1, 1))),
               Facts(7, 9, 100, 7, "新材料", Dates({}, {}, Date(2020, 1, 1), Date(2021, 6, 1), {})),
               Facts(8, 6, 100, 8, "电子信息", Dates({}, {}, {}, {}, {}))},
        index_(facts_) {}
  std::vector<RosterLine> Roster() const {
    return {Line(1, Batch::kSign, 5), Line(2, Batch::kSign, 6),     Line(3, Batch::kSign, 7),
            Line(4, Batch::kStart, 6), Line(5, Batch::kStart, 4),   Line(6, Batch::kProduction, 3, 2 * kYuanPerYi),
            Line(7, Batch::kProduction, 5, kYuanPerYi / 2),          Line(8, Batch::kProduction, 7, kYuanPerYi)};
  }
  std::vector<ProjectFacts> facts_;
  ProjectFactsIndex index_;
};

TEST_F(SmallRoster, BatchFiguresAsOfADate) {
  auto all = ComputeStatistics(Roster(), index_, 7, Date(2022, 12, 31)).overall;
  EXPECT_EQ(all.count, 8);
  EXPECT_EQ(all.total_investment, 128 * kYuanPerYi);
  EXPECT_EQ(all.sign.count, 3);
  EXPECT_EQ(all.sign.total_investment, 35 * kYuanPerYi);
  EXPECT_EQ(all.sign.current, 1);
  EXPECT_EQ(all.sign.earlier, 2);
  EXPECT_EQ(all.sign.earlier_fulfilled, 1);
  EXPECT_EQ(all.sign.fulfilled, 1);
  EXPECT_EQ(all.start.count, 2);
  EXPECT_EQ(all.start.started, 2);
  EXPECT_EQ(all.start.producing, 1);  // produced on the as-of day itself
  EXPECT_EQ(all.production.count, 3);
  EXPECT_EQ(all.production.year_planned_investment, 35 * kYuanPerYi / 10);
  EXPECT_EQ(all.production.producing, 2);
  EXPECT_EQ(all.production.effective, 1);
  EXPECT_EQ(all.production.effect_rate, (Rate{1, 2}));  // project 8 has not produced: outside the rate
}

TEST_F(SmallRoster, ChainedRatesKeepNumeratorsInsideDenominators) {
  auto rates = ComputeStatistics(Roster(), index_, 7, Date(2022, 12, 31)).overall.rates;
  EXPECT_EQ(rates.fulfilment, (Rate{2, 3}));   // 1, 2, 5 signed by then (3 signs in 2023); 1 and 5 fulfilled
  EXPECT_EQ(rates.start, (Rate{1, 2}));        // of 1 and 5 only 5 started
  EXPECT_EQ(rates.production, (Rate{3, 4}));   // started: 4, 5, 6, 7; of those 4, 6, 7 produced
  EXPECT_EQ(rates.effect, (Rate{1, 3}));
}

TEST_F(SmallRoster, EarlierAsOfCountsLess) {
  auto all = ComputeStatistics(Roster(), index_, 7, Date(2022, 12, 30)).overall;
  EXPECT_EQ(all.start.producing, 0);
  EXPECT_EQ(all.rates.production, (Rate{2, 4}));
  auto before_everything = ComputeStatistics(Roster(), index_, 7, Date(2019, 1, 1)).overall;
  EXPECT_EQ(before_everything.count, 8);  // membership does not depend on the date
  EXPECT_FALSE(before_everything.rates.fulfilment.PerMille());
  EXPECT_EQ(FormatRate(before_everything.rates.effect), "—");
}

TEST_F(SmallRoster, BrokenDownByUnitLeaderAndIndustry) {
  auto statistics = ComputeStatistics(Roster(), index_, 7, Date(2022, 12, 31));
  ASSERT_EQ(statistics.by_unit.size(), 2u);
  EXPECT_EQ(statistics.by_unit[0].id, 100);
  EXPECT_EQ(statistics.by_unit[0].figures.count, 5);  // 1, 2, 5, 7, 8
  EXPECT_EQ(statistics.by_unit[0].figures.total_investment, 85 * kYuanPerYi);
  EXPECT_EQ(statistics.by_unit[1].id, 200);
  EXPECT_EQ(statistics.by_unit[1].figures.start.producing, 1);
  EXPECT_EQ(statistics.by_unit[1].figures.production.effect_rate, (Rate{1, 1}));
  ASSERT_EQ(statistics.by_leader.size(), 2u);
  EXPECT_EQ(statistics.by_leader[0].id, 7);
  EXPECT_EQ(statistics.by_leader[0].figures.rates.fulfilment, (Rate{2, 2}));
  ASSERT_EQ(statistics.by_industry.size(), 3u);
  EXPECT_EQ(statistics.by_industry[0].name, "");  // no industry given sorts first
  EXPECT_EQ(statistics.by_industry[0].figures.count, 1);
  EXPECT_EQ(statistics.by_industry[1].name, "新材料");
  EXPECT_EQ(statistics.by_industry[1].figures.count, 4);
}

TEST_F(SmallRoster, LinesWithoutTheirProjectAreCountedAsMissing) {
  auto roster = Roster();
  roster.push_back(Line(99, Batch::kStart, 7));
  auto statistics = ComputeStatistics(roster, index_, 7, Date(2022, 12, 31));
  EXPECT_EQ(statistics.missing_projects, 1);
  EXPECT_EQ(statistics.overall.count, 8);
}

TEST(CampaignStatistics, HundredThousandLinesInOnePass) {
  constexpr int kProjects = 100'000;
  std::vector<ProjectFacts> facts;
  std::vector<RosterLine> roster;
  facts.reserve(kProjects);
  for (int i = 1; i <= kProjects; ++i) {
    facts.push_back(Facts(i, 1, i % 50, i % 300, "行业" + std::to_string(i % 20),
                          Dates({}, {}, Date(2022, 1, 1), i % 2 ? std::optional<Date>(Date(2022, 6, 1)) : std::nullopt, {})));
    roster.push_back(Line(i, static_cast<Batch>(i % 3), 1 + i % 7));
  }
  ProjectFactsIndex index(facts);
  auto statistics = ComputeStatistics(roster, index, 7, Date(2022, 12, 31));
  EXPECT_EQ(statistics.overall.count, kProjects);
  EXPECT_EQ(statistics.overall.rates.production, (Rate{kProjects / 2, kProjects}));
  EXPECT_EQ(statistics.by_unit.size(), 50u);
  EXPECT_EQ(statistics.by_leader.size(), 300u);
  EXPECT_EQ(statistics.by_industry.size(), 20u);
}

}  // namespace
}  // namespace sanpi::core
