// The ledger's cell rules: headers in any spelling, 万元 to yuan exactly, dates, 是/否.
#include <gtest/gtest.h>

#include "core/ledger_columns.hpp"
#include "core/sheet_values.hpp"

namespace sanpi::core {
namespace {

TEST(LedgerHeaderTest, RecognisesHeadersWithOrWithoutTheirUnit) {
  EXPECT_EQ(MatchLedgerHeader("总投资(万元)"), LedgerColumn::kTotalInvestment);
  EXPECT_EQ(MatchLedgerHeader("总投资（万元）"), LedgerColumn::kTotalInvestment);
  EXPECT_EQ(MatchLedgerHeader("总投资"), LedgerColumn::kTotalInvestment);
  EXPECT_EQ(MatchLedgerHeader(" 总投资 【万元】 "), LedgerColumn::kTotalInvestment);
  EXPECT_EQ(MatchLedgerHeader("项目名称*"), LedgerColumn::kName);
  EXPECT_EQ(MatchLedgerHeader("项目\u3000名称"), LedgerColumn::kName);
  EXPECT_EQ(MatchLedgerHeader("年度计划投资（万元）"), LedgerColumn::kYearPlannedInvestment);
  EXPECT_EQ(MatchLedgerHeader("牵头单位"), LedgerColumn::kUnit);
  EXPECT_EQ(MatchLedgerHeader("批次"), LedgerColumn::kBatch);
  EXPECT_EQ(MatchLedgerHeader("项目负责人电话号码"), std::nullopt);
  EXPECT_EQ(MatchLedgerHeader(""), std::nullopt);
  for (auto column : AllLedgerColumns()) EXPECT_EQ(MatchLedgerHeader(LedgerHeader(column)), column) << LedgerHeader(column);
}

TEST(WanTest, ConvertsExactlyToWholeYuan) {
  EXPECT_EQ(ParseWanCell("12345.67"), 123456700);
  EXPECT_EQ(ParseWanCell("0.01"), 100);
  EXPECT_EQ(ParseWanCell("0.0001"), 1);
  EXPECT_EQ(ParseWanCell("1,234.5"), 12345000);
  EXPECT_EQ(ParseWanCell(" 465000 "), 4650000000);
  EXPECT_EQ(ParseWanCell("999999999.9999"), 9999999999999);
  // A fifth decimal would be a fraction of a yuan: refused, not rounded.
  EXPECT_EQ(ParseWanCell("0.00001"), std::nullopt);
  EXPECT_EQ(ParseWanCell("12,34"), std::nullopt);
  EXPECT_EQ(ParseWanCell("12万"), std::nullopt);
  EXPECT_EQ(ParseWanCell(""), std::nullopt);
}

TEST(SheetDateTest, ReadsEveryWrittenForm) {
  Date expected(2023, 1, 28);
  EXPECT_EQ(ParseTextDate("2023-01-28"), expected);
  EXPECT_EQ(ParseTextDate("2023/1/28"), expected);
  EXPECT_EQ(ParseTextDate("2023/01/28"), expected);
  EXPECT_EQ(ParseTextDate("2023.1.28"), expected);
  EXPECT_EQ(ParseTextDate("2023年1月28日"), expected);
  EXPECT_EQ(ParseTextDate(" 2023年01月28日 "), expected);
  EXPECT_EQ(ParseTextDate("2023-02-30"), std::nullopt);
  EXPECT_EQ(ParseTextDate("2023/1-28"), std::nullopt);
  EXPECT_EQ(ParseTextDate("23-1-28"), std::nullopt);
  EXPECT_EQ(ParseTextDate("44954"), std::nullopt);
  SheetCell typed{"2023-01-28", expected, false};
  EXPECT_EQ(CellDate(typed), expected);
  SheetCell number{"44954", std::nullopt, true};
  EXPECT_EQ(CellDate(number), std::nullopt) << "a bare number is not a date";
}

TEST(YesNoTest, ReadsChineseAndSpreadsheetBooleans) {
  EXPECT_EQ(ParseYesNo("是"), true);
  EXPECT_EQ(ParseYesNo("否"), false);
  EXPECT_EQ(ParseYesNo("TRUE"), true);
  EXPECT_EQ(ParseYesNo("0"), false);
  EXPECT_EQ(ParseYesNo("也许"), std::nullopt);
}

}  // namespace
}  // namespace sanpi::core
