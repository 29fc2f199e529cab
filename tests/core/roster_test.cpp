#include "core/roster.hpp"

#include <gtest/gtest.h>

#include <map>

namespace sanpi::core {
namespace {

RosterEntry Entry(std::int64_t id, int period, std::int64_t project, Batch batch, Date date) {
  RosterEntry entry;
  entry.id = id;
  entry.period = period;
  entry.project_id = project;
  entry.batch = batch;
  entry.sequence = static_cast<int>(id);
  if (batch == Batch::kSign) entry.commitment.sign_date = date;
  if (batch == Batch::kStart) entry.commitment.planned_start_date = date;
  if (batch == Batch::kProduction) entry.commitment.planned_production_date = date;
  return entry;
}

RosterAdjustment Move(std::int64_t id, std::int64_t entry, int after, Batch to, Date date) {
  RosterAdjustment adjustment{id, entry, AdjustmentKind::kMove, after, date, "已开工，转入", to, {}, 0};
  if (to == Batch::kSign) adjustment.commitment.sign_date = date;
  if (to == Batch::kStart) adjustment.commitment.planned_start_date = date;
  if (to == Batch::kProduction) adjustment.commitment.planned_production_date = date;
  return adjustment;
}

RosterAdjustment Withdraw(std::int64_t id, std::int64_t entry, int after) {
  return {id, entry, AdjustmentKind::kWithdraw, after, Date(2022, 12, 1), "企业终止投资", Batch::kSign, {}, 0};
}

const RosterLine* LineOf(const std::vector<RosterLine>& lines, std::int64_t project) {
  for (const auto& line : lines)
    if (line.project_id == project) return &line;
  return nullptr;
}

class RosterTest : public ::testing::Test {
 protected:
  // Period 5: project 1 signs, project 2 is to start. Period 6: project 3 is to start.
  std::vector<RosterEntry> entries_{Entry(1, 5, 1, Batch::kSign, Date(2022, 6, 29)),
                                    Entry(2, 5, 2, Batch::kStart, Date(2022, 7, 15)),
                                    Entry(3, 6, 3, Batch::kStart, Date(2022, 11, 30))};
};

TEST_F(RosterTest, PublishedIsThatDaysListsOriginalIsEveryListUpToIt) {
  EXPECT_EQ(PublishedRoster(entries_, 5).size(), 2u);
  EXPECT_EQ(PublishedRoster(entries_, 6).size(), 1u);
  EXPECT_EQ(OriginalRoster(entries_, 6).size(), 3u);
  EXPECT_EQ(OriginalRoster(entries_, 4).size(), 0u);
  EXPECT_TRUE(AdjustedRoster({}, {}, 7).empty());
}

TEST_F(RosterTest, ConversionTakesEffectFromTheNextPeriodAndKeepsTheOrigin) {
  std::vector<RosterAdjustment> adjustments{Move(1, 1, 5, Batch::kStart, Date(2022, 9, 5))};
  auto at5 = AdjustedRoster(entries_, adjustments, 5);
  EXPECT_EQ(LineOf(at5, 1)->batch, Batch::kSign);  // made after period 5: not yet in force at 5
  auto at6 = AdjustedRoster(entries_, adjustments, 6);
  const RosterLine* converted = LineOf(at6, 1);
  ASSERT_NE(converted, nullptr);
  EXPECT_EQ(converted->batch, Batch::kStart);
  EXPECT_EQ(converted->batch_period, 6);
  EXPECT_EQ(converted->origin_batch, Batch::kSign);
  EXPECT_EQ(converted->origin_period, 5);
  EXPECT_TRUE(converted->Converted());
  EXPECT_EQ(converted->adjustments, 1);
  EXPECT_EQ(converted->commitment.planned_start_date, Date(2022, 9, 5));
  EXPECT_EQ(converted->original_commitment.sign_date, Date(2022, 6, 29));  // never overwritten
  EXPECT_FALSE(converted->original_commitment.planned_start_date);
  // The entry itself is untouched and the original roster still shows it in the sign batch.
  EXPECT_EQ(entries_[0].batch, Batch::kSign);
  EXPECT_EQ(LineOf(OriginalRoster(entries_, 6), 1)->batch, Batch::kSign);
}

TEST_F(RosterTest, WithdrawnEntriesLeaveAndCommitmentChangesApplyInOrder) {
  RosterAdjustment first{1, 3, AdjustmentKind::kChangeCommitment, 6, Date(2022, 12, 5), "设备推迟", Batch::kSign, {}, 0};
  first.commitment.planned_start_date = Date(2023, 3, 31);
  RosterAdjustment second = first;
  second.id = 2;
  second.after_period = 7;
  second.commitment.planned_start_date = Date(2023, 6, 30);
  std::vector<RosterAdjustment> adjustments{second, first, Withdraw(3, 2, 6)};  // any stored order
  auto at7 = AdjustedRoster(entries_, adjustments, 7);
  EXPECT_EQ(LineOf(at7, 2), nullptr);
  EXPECT_EQ(LineOf(at7, 3)->commitment.planned_start_date, Date(2023, 3, 31));
  EXPECT_EQ(LineOf(at7, 3)->original_commitment.planned_start_date, Date(2022, 11, 30));
  auto at8 = AdjustedRoster(entries_, adjustments, 8);
  EXPECT_EQ(LineOf(at8, 3)->commitment.planned_start_date, Date(2023, 6, 30));
  EXPECT_EQ(LineOf(at8, 3)->adjustments, 2);
}

TEST_F(RosterTest, LinesComeInTheSeedsOrder) {
  std::vector<RosterEntry> entries{Entry(1, 6, 1, Batch::kStart, Date(2022, 10, 1)),
                                   Entry(2, 5, 2, Batch::kSign, Date(2022, 6, 29)),
                                   Entry(3, 5, 3, Batch::kStart, Date(2022, 7, 1)),
                                   Entry(4, 7, 4, Batch::kProduction, Date(2023, 1, 28)),
                                   Entry(5, 7, 5, Batch::kSign, Date(2023, 1, 28))};
  auto lines = AdjustedRoster(entries, {Move(1, 2, 5, Batch::kStart, Date(2022, 9, 1))}, 7);
  std::vector<std::int64_t> order;
  for (const auto& line : lines) order.push_back(line.project_id);
  // sign batch; start: period 5 native, period 5 converted, period 6; production.
  EXPECT_EQ(order, (std::vector<std::int64_t>{5, 3, 2, 1, 4}));
}

TEST_F(RosterTest, LaterEntrySupersedesAProjectListedTwice) {
  std::vector<RosterEntry> entries{Entry(1, 5, 9, Batch::kSign, Date(2022, 6, 29)),
                                   Entry(2, 6, 9, Batch::kStart, Date(2022, 10, 1))};
  auto lines = AdjustedRoster(entries, {}, 6);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].entry_id, 2);
}

TEST_F(RosterTest, NewEntryMayNotDuplicateAProjectStillOnTheRoster) {
  RosterEntry again = Entry(0, 7, 1, Batch::kStart, Date(2023, 2, 1));
  Status status = CheckNewEntry(entries_, {}, again);
  EXPECT_EQ(status.code(), Code::kConflict);
  EXPECT_NE(status.message().zh.find("第五期签约一批"), std::string::npos);
  // Once withdrawn it may be listed again.
  EXPECT_TRUE(CheckNewEntry(entries_, {Withdraw(1, 1, 6)}, again).ok());
  EXPECT_EQ(CheckNewEntry(entries_, {}, Entry(0, 5, 2, Batch::kSign, Date(2022, 6, 29))).code(), Code::kConflict);
  EXPECT_TRUE(CheckNewEntry(entries_, {}, Entry(0, 7, 4, Batch::kSign, Date(2023, 1, 28))).ok());
  EXPECT_TRUE(CheckNewEntry(entries_, {}, entries_[2]).ok());  // an entry does not clash with itself
  EXPECT_EQ(CheckNewEntry(entries_, {}, Entry(0, 7, 0, Batch::kSign, Date(2023, 1, 28))).code(), Code::kInvalid);
}

TEST_F(RosterTest, AdjustmentsFollowTheEntrysHistory) {
  EXPECT_TRUE(CheckAdjustment(entries_, {}, Move(0, 1, 5, Batch::kStart, Date(2022, 9, 1))).ok());
  EXPECT_EQ(CheckAdjustment(entries_, {}, Move(0, 99, 5, Batch::kStart, Date(2022, 9, 1))).code(), Code::kNotFound);
  EXPECT_EQ(CheckAdjustment(entries_, {}, Move(0, 1, 4, Batch::kStart, Date(2022, 9, 1))).code(), Code::kRuleBroken);
  EXPECT_EQ(CheckAdjustment(entries_, {}, Move(0, 2, 5, Batch::kSign, Date(2022, 9, 1))).code(), Code::kRuleBroken);
  EXPECT_EQ(CheckAdjustment(entries_, {}, Move(0, 2, 5, Batch::kStart, Date(2022, 9, 1))).code(), Code::kRuleBroken);
  std::vector<RosterAdjustment> moved{Move(1, 1, 5, Batch::kStart, Date(2022, 9, 1))};
  EXPECT_EQ(CheckAdjustment(entries_, moved, Move(0, 1, 6, Batch::kStart, Date(2022, 9, 1))).code(),
            Code::kRuleBroken);  // already in the start batch
  EXPECT_TRUE(CheckAdjustment(entries_, moved, Move(0, 1, 6, Batch::kProduction, Date(2022, 12, 1))).ok());
  std::vector<RosterAdjustment> later{Move(1, 1, 6, Batch::kStart, Date(2022, 9, 1))};
  EXPECT_EQ(CheckAdjustment(entries_, later, Withdraw(0, 1, 5)).code(), Code::kRuleBroken);  // earlier than history
  std::vector<RosterAdjustment> gone{Withdraw(1, 1, 5)};
  EXPECT_EQ(CheckAdjustment(entries_, gone, Withdraw(0, 1, 6)).code(), Code::kRuleBroken);
  RosterAdjustment same{0, 3, AdjustmentKind::kChangeCommitment, 6, Date(2022, 12, 5), "无变化", Batch::kSign,
                        entries_[2].commitment, 0};
  EXPECT_EQ(CheckAdjustment(entries_, {}, same).code(), Code::kRuleBroken);
  same.commitment.planned_start_date.reset();
  EXPECT_EQ(CheckAdjustment(entries_, {}, same).code(), Code::kInvalid);
}

TEST(ProposeConversions, FollowsTheDomainRules) {
  std::vector<RosterEntry> entries{Entry(1, 5, 1, Batch::kSign, Date(2022, 6, 29)),   // started
                                   Entry(2, 5, 2, Batch::kSign, Date(2022, 6, 29)),   // started and produced
                                   Entry(3, 5, 3, Batch::kStart, Date(2022, 7, 1)),   // produced on the as-of day
                                   Entry(4, 5, 4, Batch::kStart, Date(2022, 7, 1)),   // withdrew
                                   Entry(5, 5, 5, Batch::kProduction, Date(2022, 7, 1)),  // nothing to do
                                   Entry(6, 5, 6, Batch::kSign, Date(2022, 6, 29))};  // starts after as-of
  std::vector<ProjectFacts> facts(6);
  for (int i = 0; i < 6; ++i) facts[i].id = i + 1;
  facts[0].progress = {Stage::kStarted, Date(2022, 6, 29), Date(2022, 7, 1), Date(2022, 8, 1), {}, {}, {}, ""};
  facts[1].progress = {Stage::kProducing, Date(2022, 6, 29), Date(2022, 7, 1), Date(2022, 8, 1), Date(2022, 11, 1), {}, {}, ""};
  facts[2].progress = {Stage::kProducing, {}, {}, Date(2022, 7, 1), Date(2022, 12, 31), {}, {}, ""};
  facts[3].progress = {Stage::kWithdrawn, {}, {}, {}, {}, {}, Date(2022, 10, 1), "企业终止投资"};
  facts[4].progress = {Stage::kProducing, {}, {}, Date(2021, 7, 1), Date(2022, 7, 1), {}, {}, ""};
  facts[5].progress = {Stage::kStarted, Date(2022, 6, 29), Date(2022, 7, 1), Date(2023, 1, 5), {}, {}, {}, ""};
  ProjectFactsIndex index(facts);
  auto proposals = ProposeConversions(AdjustedRoster(entries, {}, 6), index, 6, Date(2022, 12, 31));
  ASSERT_EQ(proposals.size(), 4u);
  std::map<std::int64_t, RosterAdjustment> by_entry;
  for (const auto& proposal : proposals) by_entry[proposal.entry_id] = proposal;
  EXPECT_EQ(by_entry[1].to_batch, Batch::kStart);
  EXPECT_EQ(by_entry[1].commitment.planned_start_date, Date(2022, 8, 1));
  EXPECT_EQ(by_entry[1].commitment.sign_date, Date(2022, 6, 29));  // the rest of the commitment carries over
  EXPECT_EQ(by_entry[2].to_batch, Batch::kProduction);
  EXPECT_EQ(by_entry[3].to_batch, Batch::kProduction);
  EXPECT_EQ(by_entry[3].commitment.planned_production_date, Date(2022, 12, 31));
  EXPECT_EQ(by_entry[4].kind, AdjustmentKind::kWithdraw);
  EXPECT_NE(by_entry[4].reason.find("企业终止投资"), std::string::npos);
  EXPECT_EQ(by_entry.count(5), 0u);
  EXPECT_EQ(by_entry.count(6), 0u);
  for (const auto& proposal : proposals) {
    EXPECT_EQ(proposal.after_period, 6);
    EXPECT_TRUE(CheckAdjustment(entries, {}, proposal).ok()) << proposal.entry_id;
  }
}

}  // namespace
}  // namespace sanpi::core
