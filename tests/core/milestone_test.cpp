#include "core/milestone.hpp"

#include <gtest/gtest.h>

#include <set>

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

std::vector<std::int64_t> IdsInOrder(const std::vector<Milestone>& milestones, const std::vector<size_t>& order) {
  std::vector<std::int64_t> ids;
  for (size_t index : order) ids.push_back(milestones[index].id);
  return ids;
}

TEST(Milestone, TopologicalOrderPutsPredecessorsFirst) {
  // Listed out of order on purpose: 开工(3) waits for 施工许可(2), which waits for 拿地(1).
  std::vector<Milestone> milestones{Step(3, "开工", 15, {2}), Step(1, "拿地", 60), Step(2, "施工许可", 20, {1})};
  auto order = TopologicalOrder(milestones);
  ASSERT_TRUE(order.ok());
  EXPECT_EQ(IdsInOrder(milestones, *order), (std::vector<std::int64_t>{1, 2, 3}));
}

TEST(Milestone, DiamondIsNotACycle) {
  std::vector<Milestone> milestones{Step(1, "拿地", 60), Step(2, "规划许可", 30, {1}), Step(3, "环评批复", 45, {1}),
                                    Step(4, "施工许可", 20, {2, 3})};
  EXPECT_TRUE(ValidateMilestones(milestones).ok());
  auto order = TopologicalOrder(milestones);
  ASSERT_TRUE(order.ok());
  EXPECT_EQ(IdsInOrder(milestones, *order), (std::vector<std::int64_t>{1, 2, 3, 4}));
}

TEST(Milestone, EmptyAndSingleGraphsAreValid) {
  EXPECT_TRUE(ValidateMilestones({}).ok());
  ASSERT_TRUE(TopologicalOrder({}).ok());
  EXPECT_TRUE(TopologicalOrder({})->empty());
  EXPECT_TRUE(ValidateMilestones({Step(1, "投产", 0)}).ok());
}

TEST(Milestone, CycleIsRuleBrokenAndNamesItsMilestones) {
  // 拿地 → 规划许可 → 施工许可 → 开工 → 规划许可: the cycle is the last three; 拿地 is not on it.
  std::vector<Milestone> milestones{Step(1, "拿地", 60), Step(2, "规划许可", 30, {1, 4}), Step(3, "施工许可", 20, {2}),
                                    Step(4, "开工", 15, {3}), Step(5, "竣工", 300, {4})};
  Status status = ValidateMilestones(milestones);
  ASSERT_EQ(status.code(), Code::kRuleBroken);
  const std::string& zh = status.message().zh;
  EXPECT_NE(zh.find("规划许可 → 施工许可 → 开工 → 规划许可"), std::string::npos) << zh;
  EXPECT_EQ(zh.find("拿地"), std::string::npos) << "only the milestones on the cycle are named";
  EXPECT_EQ(zh.find("竣工"), std::string::npos);
  EXPECT_NE(status.message().en.find("施工许可"), std::string::npos);
}

TEST(Milestone, SelfDependencyIsACycleOfOne) {
  Status status = ValidateMilestones({Step(1, "拿地", 60), Step(2, "开工", 15, {2})});
  ASSERT_EQ(status.code(), Code::kRuleBroken);
  EXPECT_NE(status.message().zh.find("开工 → 开工"), std::string::npos);
}

TEST(Milestone, FieldErrorsBeforeGraphChecks) {
  std::vector<Milestone> milestones{Step(1, "拿地", -1), Step(1, "", 10, {99}), Step(3, "开工", 10, {1, 1})};
  Status status = ValidateMilestones(milestones);
  ASSERT_EQ(status.code(), Code::kInvalid);
  std::set<std::string> fields;
  for (const auto& error : status.fields()) fields.insert(error.field);
  EXPECT_TRUE(fields.contains("milestones[0].standard_days"));
  EXPECT_TRUE(fields.contains("milestones[1].id"));
  EXPECT_TRUE(fields.contains("milestones[1].name"));
  EXPECT_TRUE(fields.contains("milestones[1].predecessors"));
  EXPECT_TRUE(fields.contains("milestones[2].predecessors"));
}

TEST(MilestoneTemplate, EveryKindInstantiatesAValidGraphEndingInOneMilestone) {
  for (std::string_view kind : MilestoneTemplateKinds()) {
    auto milestones = InstantiateMilestoneTemplate(kind, 77, 100);
    ASSERT_TRUE(milestones.ok()) << kind;
    ASSERT_FALSE(milestones->empty());
    EXPECT_TRUE(ValidateMilestones(*milestones).ok()) << kind;
    std::set<std::int64_t> has_successor;
    for (const auto& milestone : *milestones) {
      EXPECT_EQ(milestone.project_id, 77);
      EXPECT_GE(milestone.id, 100);
      for (auto predecessor : milestone.predecessors) has_successor.insert(predecessor);
    }
    EXPECT_EQ(milestones->size() - has_successor.size(), 1u) << kind << " has exactly one final milestone";
  }
}

TEST(MilestoneTemplate, IndustrialFollowsTheCampaignSteps) {
  auto milestones = InstantiateMilestoneTemplate("industrial", 1, 1);
  ASSERT_TRUE(milestones.ok());
  std::vector<std::string> names;
  for (const auto& milestone : *milestones) names.push_back(milestone.name);
  for (const char* expected : {"拿地", "规划许可", "施工许可", "开工", "主体封顶", "竣工", "投产", "达效"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
  const Milestone& permit = (*milestones)[3];
  EXPECT_EQ(permit.code, "construction_permit");
  EXPECT_EQ(permit.predecessors.size(), 2u) << "waits for both parallel approvals";
}

TEST(MilestoneTemplate, UnknownKindIsNotFound) {
  EXPECT_EQ(MilestoneTemplate("factory").status().code(), Code::kNotFound);
  EXPECT_EQ(InstantiateMilestoneTemplate("", 1, 1).status().code(), Code::kNotFound);
}

TEST(LateMilestones, PastPlannedAndNotDone) {
  std::vector<Milestone> milestones{Step(1, "拿地", 60), Step(2, "规划许可", 30), Step(3, "施工许可", 20),
                                    Step(4, "开工", 15), Step(5, "竣工", 15)};
  milestones[0].planned = Date(2024, 1, 10);
  milestones[0].actual = Date(2024, 1, 20);   // done (late, but done)
  milestones[1].planned = Date(2024, 2, 1);   // 28 days late on 2024-02-29
  milestones[2].planned = Date(2024, 2, 28);  // 1 day late
  milestones[3].planned = Date(2024, 2, 29);  // due today: not late
  milestones[4].planned = Date(2024, 1, 31);
  milestones[4].actual = Date(2024, 3, 5);  // done only after the as-of date: still late then
  auto late = LateMilestones(milestones, Date(2024, 2, 29));
  ASSERT_EQ(late.size(), 3u);
  EXPECT_EQ(late[0].id, 5);
  EXPECT_EQ(late[0].days_late, 29);
  EXPECT_EQ(late[1].id, 2);
  EXPECT_EQ(late[1].days_late, 28);
  EXPECT_EQ(late[2].id, 3);
  EXPECT_EQ(late[2].days_late, 1);
  EXPECT_TRUE(LateMilestones({}, Date(2024, 2, 29)).empty());
}

}  // namespace
}  // namespace sanpi::core
