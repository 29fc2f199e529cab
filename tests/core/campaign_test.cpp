#include "core/campaign.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace sanpi::core {
namespace {

bool HasField(const Status& status, const std::string& field) {
  return std::any_of(status.fields().begin(), status.fields().end(),
                     [&](const FieldError& error) { return error.field == field; });
}

Period MakePeriod(std::int64_t id, int number, Date held_on) { return {id, "410173", number, "", held_on, 0}; }

TEST(Period, OrdinalsInChineseNumeralsAsTheSeedWritesThem) {
  EXPECT_EQ(PeriodOrdinal(1), "第一期");
  EXPECT_EQ(PeriodOrdinal(7), "第七期");
  EXPECT_EQ(PeriodOrdinal(10), "第十期");
  EXPECT_EQ(PeriodOrdinal(12), "第十二期");
  EXPECT_EQ(PeriodOrdinal(20), "第二十期");
  EXPECT_EQ(PeriodOrdinal(99), "第九十九期");
  EXPECT_EQ(PeriodOrdinal(100), "第100期");
}

TEST(Period, ValidatesNumberAndRegion) {
  EXPECT_TRUE(ValidatePeriod(MakePeriod(1, 7, Date(2023, 1, 28))).ok());
  Status status = ValidatePeriod({0, "4101", 0, "", Date(2023, 1, 28), 0});
  EXPECT_TRUE(HasField(status, "number"));
  EXPECT_TRUE(HasField(status, "region_code"));
}

TEST(Period, NumbersAreUniqueAndDatesRiseWithThem) {
  std::vector<Period> existing{MakePeriod(1, 6, Date(2022, 9, 28)), MakePeriod(2, 8, Date(2023, 4, 20))};
  EXPECT_TRUE(CheckPeriodSequence(existing, MakePeriod(0, 7, Date(2023, 1, 28))).ok());
  EXPECT_EQ(CheckPeriodSequence(existing, MakePeriod(0, 6, Date(2022, 10, 1))).code(), Code::kConflict);
  EXPECT_EQ(CheckPeriodSequence(existing, MakePeriod(0, 7, Date(2022, 9, 28))).code(), Code::kConflict);
  EXPECT_EQ(CheckPeriodSequence(existing, MakePeriod(0, 7, Date(2023, 5, 1))).code(), Code::kConflict);
  // Editing a period is checked against the others, not against itself.
  EXPECT_TRUE(CheckPeriodSequence(existing, MakePeriod(1, 6, Date(2022, 9, 30))).ok());
}

TEST(Batch, CodesAndNamesRoundTrip) {
  for (Batch batch : AllBatches()) {
    EXPECT_EQ(ParseBatch(BatchCode(batch)), batch);
    EXPECT_EQ(ParseBatch(BatchName(batch)), batch);
  }
  EXPECT_EQ(BatchName(Batch::kStart), "开工一批");
  EXPECT_EQ(BatchVerb(Batch::kProduction), "投产");
  EXPECT_FALSE(ParseBatch("开工"));
}

TEST(Commitment, TheBatchDecidesTheRequiredDate) {
  FieldErrors errors;
  CheckCommitment(errors, Batch::kSign, {}, "commitment.");
  CheckCommitment(errors, Batch::kStart, {}, "commitment.");
  CheckCommitment(errors, Batch::kProduction, {}, "commitment.");
  Status status = errors.ToStatus();
  EXPECT_TRUE(HasField(status, "commitment.sign_date"));
  EXPECT_TRUE(HasField(status, "commitment.planned_start_date"));
  EXPECT_TRUE(HasField(status, "commitment.planned_production_date"));

  Commitment money;
  money.planned_production_date = Date(2023, 6, 30);
  money.year_planned_investment = 5 * kYuanPerYi;
  FieldErrors without_year;
  CheckCommitment(without_year, Batch::kProduction, money, "");
  EXPECT_TRUE(HasField(without_year.ToStatus(), "plan_year"));
  money.plan_year = 2023;
  FieldErrors fine;
  CheckCommitment(fine, Batch::kProduction, money, "");
  EXPECT_TRUE(fine.empty());
  money.year_planned_investment = -1;
  FieldErrors negative;
  CheckCommitment(negative, Batch::kProduction, money, "");
  EXPECT_TRUE(HasField(negative.ToStatus(), "year_planned_investment"));
}

TEST(RosterEntry, NeedsPeriodProjectAndCommitment) {
  RosterEntry entry;
  entry.batch = Batch::kStart;
  Status status = ValidateRosterEntry(entry);
  EXPECT_TRUE(HasField(status, "period"));
  EXPECT_TRUE(HasField(status, "project_id"));
  EXPECT_TRUE(HasField(status, "commitment.planned_start_date"));
  entry.period = 7;
  entry.project_id = 1;
  entry.commitment.planned_start_date = Date(2023, 3, 1);
  EXPECT_TRUE(ValidateRosterEntry(entry).ok());
}

TEST(RosterAdjustment, NeedsAReasonAndAMoveItsNewCommitment) {
  RosterAdjustment adjustment;
  adjustment.kind = AdjustmentKind::kMove;
  adjustment.to_batch = Batch::kProduction;
  Status status = ValidateRosterAdjustment(adjustment);
  EXPECT_TRUE(HasField(status, "entry_id"));
  EXPECT_TRUE(HasField(status, "after_period"));
  EXPECT_TRUE(HasField(status, "reason"));
  EXPECT_TRUE(HasField(status, "commitment.planned_production_date"));
  RosterAdjustment withdraw{0, 3, AdjustmentKind::kWithdraw, 6, Date(2022, 12, 1), "企业终止投资", Batch::kSign, {}, 0};
  EXPECT_TRUE(ValidateRosterAdjustment(withdraw).ok());
  for (AdjustmentKind kind : {AdjustmentKind::kMove, AdjustmentKind::kChangeCommitment, AdjustmentKind::kWithdraw}) {
    EXPECT_EQ(ParseAdjustmentKind(AdjustmentKindCode(kind)), kind);
    EXPECT_EQ(ParseAdjustmentKind(AdjustmentKindName(kind)), kind);
  }
}

}  // namespace
}  // namespace sanpi::core
