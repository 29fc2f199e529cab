#include "core/project_stage.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace sanpi::core {
namespace {

const Date kToday{2023, 1, 31};

bool HasField(const Status& status, const std::string& field) {
  return std::any_of(status.fields().begin(), status.fields().end(),
                     [&](const FieldError& error) { return error.field == field; });
}

StageChange To(Stage stage, Date on) {
  StageChange change;
  change.to = stage;
  change.on = on;
  return change;
}

StageRecord Signed(Date on) {
  StageRecord record;
  record.stage = Stage::kSigned;
  record.signed_on = on;
  return record;
}

TEST(ProjectStage, CodesAndChineseNamesRoundTrip) {
  for (Stage stage : AllStages()) {
    EXPECT_EQ(ParseStageCode(StageCode(stage)), stage);
    EXPECT_EQ(ParseStageName(StageName(stage)), stage);
    EXPECT_EQ(ParseStage(StageName(stage)), stage);
    EXPECT_EQ(ParseStage(StageCode(stage)), stage);
  }
  EXPECT_EQ(StageName(Stage::kReserve), "谋划储备");
  EXPECT_EQ(StageName(Stage::kWithdrawn), "退出");
  EXPECT_EQ(StageCode(Stage::kEffective), "effective");
  EXPECT_FALSE(ParseStage("履约"));  // an event inside signed, not a stage
  EXPECT_FALSE(ParseStageCode("签约"));
  EXPECT_FALSE(ParseStage(""));
}

TEST(ProjectStage, RecordNeedsTheDatesOfItsStageAndNoLaterOnes) {
  StageRecord record;
  record.stage = Stage::kProducing;
  record.started_on = Date(2022, 5, 1);
  Status status = ValidateStageRecord(record, kToday);
  EXPECT_TRUE(HasField(status, "producing_on"));

  StageRecord reserve;
  reserve.signed_on = Date(2022, 1, 1);
  reserve.effective_on = Date(2022, 6, 1);
  status = ValidateStageRecord(reserve, kToday);
  EXPECT_TRUE(HasField(status, "signed_on"));
  EXPECT_TRUE(HasField(status, "effective_on"));

  StageRecord fine = Signed(Date(2022, 1, 1));
  EXPECT_TRUE(ValidateStageRecord(fine, kToday).ok());
}

TEST(ProjectStage, RecordDatesRunInOrderAndNotAfterToday) {
  StageRecord record;
  record.stage = Stage::kStarted;
  record.signed_on = Date(2022, 5, 1);
  record.fulfilled_on = Date(2022, 4, 1);
  record.started_on = Date(2023, 2, 1);
  Status status = ValidateStageRecord(record, kToday);
  EXPECT_TRUE(HasField(status, "fulfilled_on"));  // before signing
  EXPECT_TRUE(HasField(status, "started_on"));    // after today
  // Equal dates are in order: signed, fulfilled and started on one day is possible.
  record.fulfilled_on = record.started_on = Date(2022, 5, 1);
  EXPECT_TRUE(ValidateStageRecord(record, kToday).ok()) << ValidateStageRecord(record, kToday).ToString();
  record.started_on = kToday;
  EXPECT_TRUE(ValidateStageRecord(record, kToday).ok());
}

TEST(ProjectStage, SignedProjectThatStartedNeedsItsFulfilment) {
  StageRecord record;
  record.stage = Stage::kStarted;
  record.signed_on = Date(2022, 5, 1);
  record.started_on = Date(2022, 6, 1);
  EXPECT_TRUE(HasField(ValidateStageRecord(record, kToday), "fulfilled_on"));
  StageRecord unsigned_start;  // government infrastructure never signs
  unsigned_start.stage = Stage::kStarted;
  unsigned_start.started_on = Date(2022, 6, 1);
  EXPECT_TRUE(ValidateStageRecord(unsigned_start, kToday).ok());
}

TEST(ProjectStage, WithdrawnRecordNeedsDateAndReason) {
  StageRecord record = Signed(Date(2022, 5, 1));
  record.stage = Stage::kWithdrawn;
  Status status = ValidateStageRecord(record, kToday);
  EXPECT_TRUE(HasField(status, "withdrawn_on"));
  EXPECT_TRUE(HasField(status, "withdrawal_reason"));
  StageRecord active = Signed(Date(2022, 5, 1));
  active.withdrawal_reason = "x";
  EXPECT_TRUE(HasField(ValidateStageRecord(active, kToday), "withdrawal_reason"));
}

TEST(ProjectStage, AdvancesOneStepAtATime) {
  auto signed_record = AdvanceStage(StageRecord{}, To(Stage::kSigned, Date(2022, 6, 29)), true, kToday);
  ASSERT_TRUE(signed_record.ok()) << signed_record.status().ToString();
  EXPECT_EQ(signed_record->stage, Stage::kSigned);
  EXPECT_EQ(signed_record->signed_on, Date(2022, 6, 29));

  auto fulfilled = RecordFulfilment(*signed_record, Date(2022, 8, 1), kToday);
  ASSERT_TRUE(fulfilled.ok());
  EXPECT_EQ(fulfilled->stage, Stage::kSigned);  // 履约 is an event, not a stage

  auto started = AdvanceStage(*fulfilled, To(Stage::kStarted, Date(2022, 9, 1)), true, kToday);
  ASSERT_TRUE(started.ok()) << started.status().ToString();
  auto producing = AdvanceStage(*started, To(Stage::kProducing, Date(2022, 12, 1)), true, kToday);
  ASSERT_TRUE(producing.ok());
  auto effective = AdvanceStage(*producing, To(Stage::kEffective, kToday), true, kToday);
  ASSERT_TRUE(effective.ok());
  EXPECT_EQ(effective->stage, Stage::kEffective);
  EXPECT_EQ(effective->signed_on, Date(2022, 6, 29));
}

TEST(ProjectStage, SignedProjectCannotStartWithoutFulfilment) {
  auto started = AdvanceStage(Signed(Date(2022, 6, 29)), To(Stage::kStarted, Date(2022, 9, 1)), false, kToday);
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.status().code(), Code::kRuleBroken);
  EXPECT_NE(started.status().message().zh.find("履约"), std::string::npos);
  StageChange change = To(Stage::kStarted, Date(2022, 9, 1));
  change.fulfilled_on = Date(2022, 8, 1);
  EXPECT_TRUE(AdvanceStage(Signed(Date(2022, 6, 29)), change, false, kToday).ok());
}

TEST(ProjectStage, SkippingNeedsTheDatesOfTheStagesPassed) {
  // From the reserve straight to producing: start date required, signing only if expected.
  StageChange change = To(Stage::kProducing, Date(2022, 12, 1));
  auto refused = AdvanceStage(StageRecord{}, change, false, kToday);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Code::kRuleBroken);
  EXPECT_NE(refused.status().message().zh.find("开工日期"), std::string::npos);
  change.started_on = Date(2022, 3, 1);
  auto own_investment = AdvanceStage(StageRecord{}, change, false, kToday);
  ASSERT_TRUE(own_investment.ok()) << own_investment.status().ToString();
  EXPECT_FALSE(own_investment->signed_on);

  // On a sign roster: the signing and 履约 dates must come along.
  auto contract = AdvanceStage(StageRecord{}, change, true, kToday);
  ASSERT_FALSE(contract.ok());
  EXPECT_NE(contract.status().message().zh.find("签约日期"), std::string::npos);
  change.signed_on = Date(2022, 1, 10);
  change.fulfilled_on = Date(2022, 2, 10);
  auto with_contract = AdvanceStage(StageRecord{}, change, true, kToday);
  ASSERT_TRUE(with_contract.ok()) << with_contract.status().ToString();
  EXPECT_EQ(with_contract->fulfilled_on, Date(2022, 2, 10));

  StageChange to_effective = To(Stage::kEffective, Date(2023, 1, 1));
  to_effective.started_on = Date(2022, 3, 1);
  EXPECT_FALSE(AdvanceStage(StageRecord{}, to_effective, false, kToday).ok());  // producing date missing
}

TEST(ProjectStage, NeverStepsBackwardsOrSideways) {
  StageRecord started;
  started.stage = Stage::kStarted;
  started.started_on = Date(2022, 6, 1);
  for (Stage to : {Stage::kReserve, Stage::kSigned, Stage::kStarted}) {
    auto result = AdvanceStage(started, To(to, Date(2022, 7, 1)), false, kToday);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), Code::kRuleBroken);
    EXPECT_NE(result.status().message().zh.find("更正"), std::string::npos);
    EXPECT_NE(result.status().message().en.find("correction"), std::string::npos);
  }
}

TEST(ProjectStage, NewDateCannotPrecedeEarlierOnesOrBeInTheFuture) {
  StageRecord started;
  started.stage = Stage::kStarted;
  started.started_on = Date(2022, 6, 1);
  auto early = AdvanceStage(started, To(Stage::kProducing, Date(2022, 5, 31)), false, kToday);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().code(), Code::kRuleBroken);
  EXPECT_EQ(early.status().message().zh, "投产日期：投产日期不能早于开工日期");
  auto future = AdvanceStage(started, To(Stage::kProducing, kToday.AddDays(1)), false, kToday);
  ASSERT_FALSE(future.ok());
  EXPECT_NE(future.status().message().en.find("after today"), std::string::npos);
  EXPECT_TRUE(AdvanceStage(started, To(Stage::kProducing, Date(2022, 6, 1)), false, kToday).ok());  // same day
}

TEST(ProjectStage, WithdrawalNeedsAReasonAndEndsNormalSteps) {
  StageRecord signed_record = Signed(Date(2022, 6, 29));
  auto no_reason = AdvanceStage(signed_record, To(Stage::kWithdrawn, Date(2022, 8, 1)), false, kToday);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.status().code(), Code::kInvalid);
  StageChange change = To(Stage::kWithdrawn, Date(2022, 8, 1));
  change.reason = "企业调整投资计划";
  auto withdrawn = AdvanceStage(signed_record, change, false, kToday);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(withdrawn->withdrawal_reason, "企业调整投资计划");
  EXPECT_EQ(withdrawn->signed_on, Date(2022, 6, 29));  // what it reached stays on record
  auto again = AdvanceStage(*withdrawn, To(Stage::kStarted, Date(2022, 9, 1)), false, kToday);
  EXPECT_EQ(again.status().code(), Code::kRuleBroken);

  StageRecord effective;
  effective.stage = Stage::kEffective;
  effective.started_on = Date(2021, 1, 1);
  effective.producing_on = Date(2021, 6, 1);
  effective.effective_on = Date(2022, 6, 1);
  EXPECT_EQ(AdvanceStage(effective, change, false, kToday).status().code(), Code::kRuleBroken);
}

TEST(ProjectStage, FulfilmentOnlyOnceAndOnlyWhileSigned) {
  auto once = RecordFulfilment(Signed(Date(2022, 6, 29)), Date(2022, 7, 1), kToday);
  ASSERT_TRUE(once.ok());
  EXPECT_EQ(RecordFulfilment(*once, Date(2022, 7, 2), kToday).status().code(), Code::kRuleBroken);
  EXPECT_EQ(RecordFulfilment(StageRecord{}, Date(2022, 7, 1), kToday).status().code(), Code::kRuleBroken);
  EXPECT_EQ(RecordFulfilment(Signed(Date(2022, 6, 29)), Date(2022, 6, 28), kToday).status().code(),
            Code::kRuleBroken);
}

TEST(ProjectStage, CorrectionMayGoBackWithAReasonAndListsWhatChanged) {
  StageRecord started;
  started.stage = Stage::kStarted;
  started.started_on = Date(2022, 6, 1);
  StageRecord back;  // the start was entered by mistake
  auto correction = CorrectStage(started, back, "误录开工，实际尚未开工", kToday);
  ASSERT_TRUE(correction.ok()) << correction.status().ToString();
  EXPECT_EQ(correction->before, started);
  EXPECT_EQ(correction->after, back);
  EXPECT_EQ(correction->changed_fields, (std::vector<std::string>{"stage", "started_on"}));

  Status no_reason = CorrectStage(started, back, "  ", kToday).status();
  EXPECT_EQ(no_reason.code(), Code::kInvalid);
  EXPECT_TRUE(HasField(no_reason, "reason"));
  EXPECT_FALSE(CorrectStage(started, back, "误录", kToday).ok());  // shorter than the minimum

  StageRecord inconsistent;
  inconsistent.stage = Stage::kProducing;
  EXPECT_TRUE(HasField(CorrectStage(started, inconsistent, "补录投产信息", kToday).status(), "producing_on"));
  EXPECT_EQ(CorrectStage(started, started, "没有改动的更正", kToday).status().code(), Code::kRuleBroken);
}

TEST(ProjectStage, AsOfCountsDatesOnOrBeforeTheDay) {
  StageRecord record;
  record.stage = Stage::kProducing;
  record.started_on = Date(2022, 6, 1);
  record.producing_on = Date(2022, 12, 31);
  EXPECT_TRUE(ReachedBy(record, Stage::kReserve, Date(2000, 1, 1)));
  EXPECT_FALSE(ReachedBy(record, Stage::kSigned, kToday));
  EXPECT_TRUE(ReachedBy(record, Stage::kProducing, Date(2022, 12, 31)));
  EXPECT_FALSE(ReachedBy(record, Stage::kProducing, Date(2022, 12, 30)));
  EXPECT_EQ(StageAsOf(record, Date(2022, 12, 30)), Stage::kStarted);
  EXPECT_EQ(StageAsOf(record, Date(2022, 12, 31)), Stage::kProducing);
  EXPECT_EQ(StageAsOf(record, Date(2022, 5, 31)), Stage::kReserve);

  StageRecord withdrawn = Signed(Date(2022, 3, 1));
  withdrawn.fulfilled_on = Date(2022, 4, 1);
  withdrawn.stage = Stage::kWithdrawn;
  withdrawn.withdrawn_on = Date(2022, 8, 1);
  withdrawn.withdrawal_reason = "r";
  EXPECT_EQ(StageAsOf(withdrawn, Date(2022, 7, 31)), Stage::kSigned);
  EXPECT_EQ(StageAsOf(withdrawn, Date(2022, 8, 1)), Stage::kWithdrawn);
  EXPECT_TRUE(FulfilledBy(withdrawn, Date(2022, 4, 1)));
  EXPECT_FALSE(FulfilledBy(withdrawn, Date(2022, 3, 31)));
}

}  // namespace
}  // namespace sanpi::core
