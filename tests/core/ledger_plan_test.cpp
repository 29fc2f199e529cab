// Planning a ledger import: matching, create vs update, stage moves, roster entries, problems.
#include <gtest/gtest.h>

#include "core/ledger_plan.hpp"

namespace sanpi::core {
namespace {

using C = LedgerColumn;

class LedgerPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world_.region_code = "410171";
    world_.enterprises = {{11, "郑州某某科技有限公司", "91410100MA44XXXX0X"}};
    world_.units = {{21, "住建局", "zjj"}, {22, "园区运营中心", "yq"}};
    world_.leaders = {{31, "张三", "leader1"}, {32, "李四", "leader2"}, {33, "李四", "leader3"}};
    world_.periods = {6, 7};
    Project existing;
    existing.id = 41;
    existing.region_code = "410171";
    existing.code = "2022-410171-39-03-000001";
    existing.name = "智能装备产业园";
    existing.enterprise_id = 11;
    existing.industry = "装备制造";
    existing.total_investment = 500'000'000;
    existing.leader_id = 31;
    existing.lead_unit_id = 21;
    existing.responsible_person = "王五";
    existing.progress.stage = Stage::kSigned;
    existing.progress.signed_on = Date(2022, 5, 1);
    existing.version = 3;
    world_.projects = {existing};
    options_.year = 2023;
    options_.today = Date(2023, 6, 30);
    for (auto column : {C::kCode, C::kName, C::kEnterprise, C::kIndustry, C::kTotalInvestment, C::kStage, C::kSignedOn,
                        C::kStartedOn, C::kFulfilledOn, C::kPeriod, C::kBatch, C::kYearPlannedInvestment,
                        C::kPlannedStartDate, C::kUnit, C::kLeader, C::kResponsiblePerson}) {
      layout_.headers[static_cast<size_t>(column)] = std::string(LedgerHeader(column));
    }
    layout_.sheet = "台账";
  }

  LedgerRow Row(int number) {
    LedgerRow row;
    row.number = number;
    row.name = "新材料项目";
    row.industry = "新材料";
    row.total_investment = 123'456'700;
    row.unit = "住建局";
    row.leader = "张三";
    row.responsible_person = "赵六";
    return row;
  }

  LedgerPlan Plan(std::vector<LedgerRow> rows) { return PlanLedgerImport(layout_, std::move(rows), world_, options_); }

  LedgerWorld world_;
  LedgerSheetLayout layout_;
  LedgerImportOptions options_;
};

TEST_F(LedgerPlanTest, ANewProjectIsCreatedWithItsStageInferredFromItsDates) {
  auto row = Row(2);
  row.signed_on = Date(2023, 1, 10);
  row.enterprise = "郑州某某科技有限公司";
  auto plan = Plan({row});
  ASSERT_EQ(plan.invalid, 0) << plan.Problems().front().reason.en;
  EXPECT_EQ(plan.creates, 1);
  EXPECT_EQ(plan.rows[0].project.progress.stage, Stage::kSigned);
  EXPECT_EQ(plan.rows[0].project.total_investment, 123'456'700);
  EXPECT_EQ(plan.rows[0].project.lead_unit_id, 21);
}

TEST_F(LedgerPlanTest, MatchesByCodeThenByNameAndEnterprise) {
  auto by_code = Row(2);
  by_code.code = "2022-410171-39-03-000001";
  by_code.name = "智能装备产业园（一期）";
  by_code.enterprise = "郑州某某科技有限公司";
  by_code.total_investment = 500'000'000;
  by_code.signed_on = Date(2022, 5, 1);
  auto plan = Plan({by_code});
  ASSERT_EQ(plan.updates, 1);
  EXPECT_EQ(plan.rows[0].project.id, 41);
  EXPECT_EQ(plan.rows[0].changes, std::vector<std::string>({"项目名称", "产业领域", "责任人"}));

  auto by_name = Row(2);
  by_name.name = "智能装备产业园";
  by_name.enterprise = "郑州某某科技有限公司";
  by_name.industry = "装备制造";
  by_name.total_investment = 500'000'000;
  by_name.signed_on = Date(2022, 5, 1);
  by_name.responsible_person = "王五";
  plan = Plan({by_name});
  for (const auto& p : plan.Problems()) ADD_FAILURE() << p.column << ": " << p.reason.en;
  for (const auto& c : plan.rows[0].changes) ADD_FAILURE() << "changed " << c;
  EXPECT_EQ(plan.unchanged, 1);
  EXPECT_EQ(plan.rows[0].before, 0);
}

TEST_F(LedgerPlanTest, StagesOnlyMoveForward) {
  auto row = Row(2);
  row.code = "2022-410171-39-03-000001";
  row.name = "智能装备产业园";
  row.enterprise = "郑州某某科技有限公司";
  row.signed_on = Date(2022, 5, 1);
  row.fulfilled_on = Date(2022, 8, 1);
  row.started_on = Date(2023, 3, 1);
  auto forward = Plan({row});
  EXPECT_EQ(forward.updates, 1);
  EXPECT_EQ(forward.rows[0].project.progress.stage, Stage::kStarted);

  row.started_on.reset();
  row.fulfilled_on.reset();
  row.signed_on = Date(2022, 6, 1);  // a recorded date changed
  auto changed = Plan({row});
  ASSERT_EQ(changed.invalid, 1);
  EXPECT_EQ(changed.rows[0].problems.front().column, "当前阶段");
}

TEST_F(LedgerPlanTest, ProblemsNameTheColumnTheValueAndTheReason) {
  auto unknown_unit = Row(5);
  unknown_unit.unit = "不存在的局";
  auto ambiguous_leader = Row(6);
  ambiguous_leader.name = "另一个项目";
  ambiguous_leader.leader = "李四";
  auto by_username = Row(7);
  by_username.name = "第三个项目";
  by_username.leader = "leader3";
  auto plan = Plan({unknown_unit, ambiguous_leader, by_username});
  ASSERT_EQ(plan.invalid, 2);
  const auto& p = plan.rows[0].problems.front();
  EXPECT_EQ(p.sheet, "台账");
  EXPECT_EQ(p.row, 5);
  EXPECT_EQ(p.column, "责任单位");
  EXPECT_EQ(p.value, "不存在的局");
  EXPECT_FALSE(p.reason.zh.empty());
  EXPECT_FALSE(p.reason.en.empty());
  EXPECT_EQ(plan.rows[1].problems.front().column, "包联领导");
  EXPECT_EQ(plan.rows[2].action, RowAction::kCreate);
  EXPECT_EQ(plan.rows[2].project.leader_id, 33);
}

TEST_F(LedgerPlanTest, TheSameProjectTwiceIsAProblem) {
  auto plan = Plan({Row(2), Row(3)});
  EXPECT_EQ(plan.creates, 1);
  ASSERT_EQ(plan.invalid, 1);
  EXPECT_NE(plan.rows[1].problems.front().reason.en.find("row 2"), std::string::npos);
}

TEST_F(LedgerPlanTest, PeriodAndBatchPutTheProjectOnTheRosterWithTheYearsPlan) {
  auto row = Row(2);
  row.started_on = Date(2023, 3, 1);
  row.period = 7;
  row.batch = Batch::kStart;
  row.planned_start_date = Date(2023, 3, 1);
  row.year_planned_investment = 20'000'000;
  auto plan = Plan({row});
  ASSERT_EQ(plan.invalid, 0) << plan.Problems().front().reason.en;
  EXPECT_EQ(plan.entries_created, 1);
  EXPECT_EQ(plan.rows[0].entry.commitment.plan_year, 2023);
  EXPECT_EQ(plan.rows[0].entry.commitment.year_planned_investment, 20'000'000);
  EXPECT_EQ(plan.rows[0].roster_batch, "start");

  row.period = 9;
  plan = Plan({row});
  ASSERT_EQ(plan.invalid, 1);
  EXPECT_EQ(plan.rows[0].problems.front().column, "期次");

  row.period = 7;
  row.batch = Batch::kSign;  // needs the sign date … which the row has not
  plan = Plan({row});
  ASSERT_EQ(plan.invalid, 1);
  EXPECT_EQ(plan.rows[0].problems.front().column, "签约日期");
}

}  // namespace
}  // namespace sanpi::core
