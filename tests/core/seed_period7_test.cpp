// The seed report's period-7 figures, reproduced from its roster (seed_period7_fixture.hpp).
#include <gtest/gtest.h>

#include <string>

#include "core/bulletin.hpp"
#include "core/campaign_statistics.hpp"
#include "core/roster.hpp"
#include "core/seed_period7_fixture.hpp"

namespace sanpi::core {
namespace {

using seed::kEndOf2022;
using seed::kPeriod;

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The seed's web copy writes ASCII commas and parentheses; the bulletin writes full-width ones.
std::string AsSeedPunctuation(std::string text) {
  return Replace(Replace(Replace(std::move(text), "，", ","), "（", "("), "）", ")");
}

class SeedPeriod7 : public ::testing::Test {
 protected:
  SeedPeriod7() : campaign_(seed::BuildSeedCampaign()), facts_(seed::SeedFacts(campaign_)), index_(facts_) {}
  std::vector<RosterLine> Adjusted() const { return AdjustedRoster(campaign_.entries, campaign_.adjustments, kPeriod); }

  seed::SeedCampaign campaign_;
  std::vector<ProjectFacts> facts_;
  ProjectFactsIndex index_;
};

TEST_F(SeedPeriod7, FixtureRecordsAreValid) {
  for (const Period& period : campaign_.periods) {
    EXPECT_TRUE(ValidatePeriod(period).ok()) << period.number;
    EXPECT_TRUE(CheckPeriodSequence(campaign_.periods, period).ok()) << period.number;
  }
  for (const Project& project : campaign_.projects)
    EXPECT_TRUE(ValidateProject(project, seed::kToday).ok()) << project.name << ": " << ValidateProject(project, seed::kToday).ToString();
  for (const RosterEntry& entry : campaign_.entries) EXPECT_TRUE(ValidateRosterEntry(entry).ok()) << entry.id;
  // Each adjustment is acceptable given the ones recorded before it.
  std::vector<RosterAdjustment> recorded;
  for (const RosterAdjustment& adjustment : campaign_.adjustments) {
    EXPECT_TRUE(CheckAdjustment(campaign_.entries, recorded, adjustment).ok()) << adjustment.id;
    recorded.push_back(adjustment);
  }
}

TEST_F(SeedPeriod7, PublishedOnTheDayThreeSignAndNineStart) {
  // "高新区抢抓机遇,“签约一批”项目3个,“开工一批”项目9个"
  auto published = PublishedRoster(campaign_.entries, kPeriod);
  auto figures = ComputeStatistics(published, index_, kPeriod, seed::kPeriod7Day).overall;
  EXPECT_EQ(figures.sign.count, 3);
  EXPECT_EQ(figures.start.count, 9);
  EXPECT_EQ(figures.production.count, 0);
}

TEST_F(SeedPeriod7, AdjustedRosterGivesTheReportsCountsAndTotals) {
  auto statistics = ComputeStatistics(Adjusted(), index_, kPeriod, kEndOf2022);
  const RosterFigures& all = statistics.overall;
  EXPECT_EQ(statistics.missing_projects, 0);
  EXPECT_EQ(all.count, 37);
  EXPECT_EQ(all.total_investment, 46'475'000'000);  // 464.75亿元
  EXPECT_EQ(all.sign.count, 6);
  EXPECT_EQ(all.sign.total_investment, 166 * kYuanPerYi);
  EXPECT_EQ(all.sign.current, 3);            // 第7期3个项目
  EXPECT_EQ(all.sign.earlier, 3);
  EXPECT_EQ(all.sign.earlier_fulfilled, 3);  // 前6期项目全部履约
  EXPECT_EQ(all.start.count, 24);
  EXPECT_EQ(all.start.total_investment, 22'835'000'000);  // 228.35亿元
  EXPECT_EQ(all.start.started, 14);
  EXPECT_EQ(all.start.producing, 4);
  EXPECT_EQ(all.production.count, 7);
  EXPECT_EQ(all.production.total_investment, 7'040'000'000);  // 70.4亿元
  EXPECT_EQ(all.production.year_planned_investment, 1'580'000'000);  // 15.8亿元
  EXPECT_EQ(all.production.effective, 6);
  EXPECT_EQ(FormatRate(all.production.effect_rate), "85.7%");
}

TEST_F(SeedPeriod7, ChainedRatesAtTheEndOf2022) {
  auto rates = ComputeStatistics(Adjusted(), index_, kPeriod, kEndOf2022).overall.rates;
  // Signed by 2022-12-31: the 3 earlier sign entries and the 5 converted ones (period 7 signs in 2023).
  EXPECT_EQ(rates.fulfilment, (Rate{8, 8}));
  EXPECT_EQ(rates.start, (Rate{5, 8}));          // only the converted five have started
  EXPECT_EQ(rates.production, (Rate{11, 21}));   // 14 started + 7 in production
  EXPECT_EQ(rates.effect, (Rate{6, 11}));
  EXPECT_EQ(FormatRate(rates.start), "62.5%");
  EXPECT_EQ(FormatRate(rates.production), "52.4%");
  EXPECT_EQ(FormatRate(rates.effect), "54.5%");
}

TEST_F(SeedPeriod7, StageDatesOnTheAsOfDayCount) {
  // 中南大学… became effective on 2022-12-31 itself; the day before it did not count yet.
  auto day_before = ComputeStatistics(Adjusted(), index_, kPeriod, Date(2022, 12, 30)).overall;
  EXPECT_EQ(day_before.production.effective, 5);
  EXPECT_EQ(FormatRate(day_before.production.effect_rate), "71.4%");
  // The 中国联通 data centre started on the day of period 7.
  auto on_the_day = ComputeStatistics(Adjusted(), index_, kPeriod, seed::kPeriod7Day).overall;
  EXPECT_EQ(on_the_day.start.started, 15);
  EXPECT_EQ(on_the_day.rates.fulfilment, (Rate{8, 11}));  // period 7's three signed that day, not yet fulfilled
}

TEST_F(SeedPeriod7, BreakdownsAddUpToTheWhole) {
  auto statistics = ComputeStatistics(Adjusted(), index_, kPeriod, kEndOf2022);
  for (const auto* groups : {&statistics.by_unit, &statistics.by_leader, &statistics.by_industry}) {
    std::int64_t count = 0, started = 0, effective = 0;
    Yuan total = 0;
    for (const GroupFigures& group : *groups) {
      count += group.figures.count;
      total += group.figures.total_investment;
      started += group.figures.start.started;
      effective += group.figures.production.effective;
    }
    EXPECT_EQ(count, 37);
    EXPECT_EQ(total, statistics.overall.total_investment);
    EXPECT_EQ(started, 14);
    EXPECT_EQ(effective, 6);
  }
  EXPECT_EQ(statistics.by_unit.size(), 4u);
  EXPECT_EQ(statistics.by_leader.size(), 3u);
}

TEST_F(SeedPeriod7, OriginalRosterKeepsWhatWasPublished) {
  auto original = ComputeStatistics(OriginalRoster(campaign_.entries, kPeriod), index_, kPeriod, kEndOf2022).overall;
  EXPECT_EQ(original.count, 38);       // the withdrawn period-3 project is still there
  EXPECT_EQ(original.sign.count, 12);  // … and the five later converted to the start batch
  EXPECT_EQ(original.start.count, 19);
  EXPECT_EQ(original.production.count, 7);
  EXPECT_EQ(original.sign.earlier, 9);
  EXPECT_EQ(original.sign.earlier_fulfilled, 8);  // the withdrawn one never fulfilled
}

TEST_F(SeedPeriod7, ProposesTheFourProducingStartProjectsForConversion) {
  auto proposals = ProposeConversions(Adjusted(), index_, kPeriod, kEndOf2022);
  ASSERT_EQ(proposals.size(), 4u);
  for (const RosterAdjustment& proposal : proposals) {
    EXPECT_EQ(proposal.kind, AdjustmentKind::kMove);
    EXPECT_EQ(proposal.to_batch, Batch::kProduction);
    EXPECT_EQ(proposal.after_period, kPeriod);
    EXPECT_TRUE(CheckAdjustment(campaign_.entries, campaign_.adjustments, proposal).ok());
  }
}

TEST_F(SeedPeriod7, BulletinReproducesTheReportsParagraph) {
  std::string bulletin = GenerateBulletin(Adjusted(), index_, kPeriod, kEndOf2022);
  for (const char* figure : {"现有7期“三个一批”项目37个，总投资约465亿元", "“签约一批”项目6个", "总投资166亿元",
                             "除第7期3个项目外，前6期项目全部履约", "“开工一批”项目24个", "总投资228.35亿元",
                             "截至2022年底已开工14个，已投产4个", "“投产一批”项目7个", "总投资70.4亿元",
                             "年度计划投资15.8亿元", "已达效6个，达效率85.7%"}) {
    EXPECT_NE(bulletin.find(figure), std::string::npos) << figure;
  }
  // The seed's paragraph word for word, with the differences bulletin.hpp lists applied one by one.
  std::string seed_text =
      "经前6期“三个一批”项目动态调整及转化后,高新区现有7期“三个一批”项目37个,总投资约465亿元。\n\n"
      "“签约一批”项目6个,分别为北斗产业园孵化基地项目、优必选人工智能自主创新基地项目、深圳雄韬电源科技股份有限公司氢燃料电池全"
      "国总部项目、天集产城人工智能基地项目、高新国际企业港项目、肿瘤检测体外诊断试剂及仪器研发生产项目,总投资166亿元。除第7期3"
      "个项目外,前6期项目全部履约。\n\n"
      "“开工一批”项目24个,分别为创新科区域总部基地及大数据中心项目(第二期开工项目)、安徽爱组牧铝业有限公司研发生产基地项目(第四"
      "期开工项目)、河南盛鼎建筑科技产业园(一期)、郑州机械研究所有限公司高端装备制造产业园项目、新开普智慧教育研发产业基地项目(第"
      "五期开工项目)、云杰新材料智能传感产品生产生产基地项目、台湾茂丞总部项目、生物智能装置研发及产业化基地项目、航天宏图信息技术"
      "股份有限公司中原智慧地球数据工厂项目、艾格莱德汽车传感及控制器研发生产基地项目(第五期签约开工项目)、郑州高新区核心板块中部智"
      "慧港项目(一期)、英维克中部地区研发生产基地项目(二期)、河南省智能传感器MEMS中试平台(一期)、新建年产150万只气体传感器生产线"
      "项目、格力智慧物流中心项目(第六期开工项目)、中国联通河南郑州数据中心(中原基地)三期土建工程项目、基于物联网的柔性智能焊接共享"
      "车间技术研究与产业化项目、珠海艾派克微电子有限公司极海微电子郑州研发中心项目、郑州清智机器人创新中心项目、中建西部建设绿色建材"
      "研发中心项目、继元物联科技总部项目、郑州天健湖生命健康科技园(西区)项目、郑州第三电缆有限公司电缆智能制造项目及河南省农用微生"
      "物创新中心项目,总投资228.35亿元,截至2022年底已开工14个,已投产4个。\n\n"
      "“投产一批”项目7个,分别为智慧产业园二期项目(第一期投产项目)、河南省大学科技园东区(三期)、深圳智微智能物联网终端产品研发生产"
      "基地项目、上海电气新能源示范应用项目(第三期投产项目)、中南大学粉末冶金国家工程研究中心联合研发中心暨钻石长晶设备制造和产业化"
      "项目、重塑科技郑州燃料电池有限公司年产1500万双皮鞋深加工项目(一期)(第五期投产项目)。总投资70.4亿元,年度计划投资15.8亿元,"
      "截至2022年底,已达效6个,达效率85.7%。";
  seed_text = Replace(seed_text, "电缆智能制造项目及", "电缆智能制造项目、");           // "、" throughout
  seed_text = Replace(seed_text, "有限公司年产1500万双", "有限公司项目、年产1500万双");  // two names run together
  seed_text = Replace(seed_text, "(第五期投产项目)。总投资", "(第五期投产项目),总投资");  // "。" slip
  EXPECT_EQ(AsSeedPunctuation(bulletin), seed_text);
}

TEST_F(SeedPeriod7, BulletinOfTheOriginalRosterSaysSo) {
  auto original = OriginalRoster(campaign_.entries, kPeriod);
  BulletinOptions options;
  options.adjusted = false;
  std::string bulletin = GenerateBulletin(original, index_, kPeriod, kEndOf2022, options);
  EXPECT_EQ(bulletin.rfind("按各期首次公布的名单，高新区7期“三个一批”项目共38个，总投资约477亿元。", 0), 0u) << bulletin;
  EXPECT_NE(bulletin.find("除第7期3个项目外，前6期项目9个，已履约8个，未履约1个。"), std::string::npos) << bulletin;
}

}  // namespace
}  // namespace sanpi::core
