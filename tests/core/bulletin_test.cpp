#include "core/bulletin.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

TEST(Bulletin, AmountsRoundAsTheSeedDoes) {
  EXPECT_EQ(BulletinAmount(46'475'000'000, 3), "约465亿元");
  EXPECT_EQ(BulletinAmount(46'500'000'000, 3), "465亿元");
  EXPECT_EQ(BulletinAmount(3'752'000'000, 3), "约37.5亿元");
  EXPECT_EQ(BulletinAmount(375'000'000, 3), "3.75亿元");
  EXPECT_EQ(BulletinAmount(16'600'000'000), "166亿元");
  EXPECT_EQ(BulletinAmount(22'835'000'000), "228.35亿元");
  EXPECT_EQ(BulletinAmount(7'040'000'000), "70.4亿元");
  EXPECT_EQ(BulletinAmount(1'580'000'000), "15.8亿元");
  EXPECT_EQ(BulletinAmount(1'583'456'789), "约15.83亿元");
  EXPECT_EQ(BulletinAmount(50'000'000), "5000万元");
  EXPECT_EQ(BulletinAmount(12'345), "约1.23万元");
  EXPECT_EQ(BulletinAmount(0), "0亿元");
}

TEST(Bulletin, AsOfPhrases) {
  EXPECT_EQ(AsOfPhrase(Date(2022, 12, 31)), "截至2022年底");
  EXPECT_EQ(AsOfPhrase(Date(2023, 3, 31)), "截至2023年3月底");
  EXPECT_EQ(AsOfPhrase(Date(2024, 2, 29)), "截至2024年2月底");
  EXPECT_EQ(AsOfPhrase(Date(2023, 2, 28)), "截至2023年2月底");
  EXPECT_EQ(AsOfPhrase(Date(2023, 1, 28)), "截至2023年1月28日");
}

TEST(Bulletin, EmptyRosterStillReadsWell) {
  std::vector<ProjectFacts> none;
  std::string text = GenerateBulletin({}, ProjectFactsIndex(none), 3, Date(2022, 6, 30));
  EXPECT_EQ(text,
            "经前2期“三个一批”项目动态调整及转化后，高新区现有3期“三个一批”项目0个。\n\n"
            "“签约一批”项目0个。\n\n“开工一批”项目0个。\n\n“投产一批”项目0个。");
}

class SmallBulletin : public ::testing::Test {
 protected:
  SmallBulletin() {
    auto add = [&](std::int64_t id, const char* name, Batch batch, int period, Batch origin, StageRecord progress) {
      facts_.push_back({id, name, 10 * kYuanPerYi, "新材料", 1, 1, progress});
      RosterLine line;
      line.entry_id = line.project_id = line.sequence = static_cast<int>(id);
      line.batch = batch;
      line.origin_batch = origin;
      line.batch_period = line.origin_period = period;
      roster_.push_back(line);
    };
    StageRecord signed_only;
    signed_only.signed_on = Date(2022, 3, 29);
    StageRecord producing;
    producing.started_on = Date(2021, 1, 1);
    producing.producing_on = Date(2022, 3, 29);
    add(1, "甲项目", Batch::kSign, 3, Batch::kSign, signed_only);                // earlier, not fulfilled
    add(2, "乙项目", Batch::kStart, 2, Batch::kSign, {});                        // converted, not started
    add(3, "丙项目", Batch::kProduction, 3, Batch::kProduction, producing);      // producing, not effective
  }
  std::vector<ProjectFacts> facts_;
  std::vector<RosterLine> roster_;
};

TEST_F(SmallBulletin, NamesGroupsAndUnfulfilledSignings) {
  ProjectFactsIndex index(facts_);
  std::string text = GenerateBulletin(roster_, index, 4, Date(2022, 12, 31), {"某开发区", true});
  EXPECT_EQ(text,
            "经前3期“三个一批”项目动态调整及转化后，某开发区现有4期“三个一批”项目3个，总投资30亿元。\n\n"
            "“签约一批”项目1个，为甲项目，总投资10亿元。前3期项目1个，已履约0个，未履约1个。\n\n"
            "“开工一批”项目1个，为乙项目（第二期签约开工项目），总投资10亿元，截至2022年底已开工0个，已投产0个。\n\n"
            "“投产一批”项目1个，为丙项目（第三期投产项目），总投资10亿元，截至2022年底，已达效0个，达效率0%。");
}

TEST_F(SmallBulletin, RateClauseLeftOutWithoutAProducingProject) {
  ProjectFactsIndex index(facts_);
  std::string text = GenerateBulletin(roster_, index, 4, Date(2022, 3, 28));  // before 丙 produced
  EXPECT_NE(text.find("截至2022年3月28日，已达效0个。"), std::string::npos) << text;
  EXPECT_EQ(text.find("达效率"), std::string::npos);
}

TEST_F(SmallBulletin, FirstPeriodAndCurrentPeriodEntriesCarryNoOriginNote) {
  for (RosterLine& line : roster_) line.batch_period = line.origin_period = 1;
  roster_[1].origin_batch = Batch::kStart;
  ProjectFactsIndex index(facts_);
  std::string text = GenerateBulletin(roster_, index, 1, Date(2021, 12, 31));
  EXPECT_EQ(text.rfind("高新区现有第1期“三个一批”项目3个", 0), 0u) << text;
  EXPECT_EQ(text.find("（第"), std::string::npos) << text;
  EXPECT_EQ(text.find("履约"), std::string::npos) << text;  // no earlier sign entries to speak of
}

TEST_F(SmallBulletin, SecondPeriodSpeaksOfTheFirst) {
  roster_[0].batch_period = roster_[0].origin_period = 1;
  facts_[0].progress.fulfilled_on = Date(2022, 4, 1);
  ProjectFactsIndex index(facts_);
  std::string text = GenerateBulletin(roster_, index, 2, Date(2022, 12, 31));
  EXPECT_NE(text.find("经第1期“三个一批”项目动态调整及转化后"), std::string::npos) << text;
  EXPECT_NE(text.find("第1期项目全部履约。"), std::string::npos) << text;
}

}  // namespace
}  // namespace sanpi::core
