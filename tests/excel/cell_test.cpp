#include "excel/cell.hpp"

#include <gtest/gtest.h>

#include "excel/date_serial.hpp"
#include "excel/date_styles.hpp"

namespace sanpi::excel {
namespace {

TEST(FormatDecimal, RemovesFloatingPointDriftAtFifteenDigits) {
  EXPECT_EQ(FormatDecimal(791820.8100000001), "791820.81");
  EXPECT_EQ(FormatDecimal(0.1 + 0.2), "0.3");
  EXPECT_EQ(FormatDecimal(791820.8 + 0.01), "791820.81");
  EXPECT_EQ(FormatDecimal(-1234.5), "-1234.5");
  EXPECT_EQ(FormatDecimal(42), "42");
  EXPECT_EQ(FormatDecimal(1e20), "100000000000000000000");
  EXPECT_EQ(FormatDecimal(0.000123), "0.000123");
  EXPECT_EQ(FormatDecimal(-0.0), "0");
  EXPECT_EQ(FormatDecimal(123456789012.345), "123456789012.345");
}

TEST(AsDecimalString, AcceptsNumbersAndNumbersStoredAsText) {
  EXPECT_EQ(AsDecimalString(CellValue{791820.8100000001}), "791820.81");
  EXPECT_EQ(AsDecimalString(CellValue{std::string(" 1,234.50 ")}), "1234.5");
  EXPECT_EQ(AsDecimalString(CellValue{std::string("+007")}), "7");
  EXPECT_EQ(AsDecimalString(CellValue{std::string("-0.0")}), "0");
  EXPECT_EQ(AsDecimalString(CellValue{std::string("\xE3\x80\x80"
                                                  "12.3")}),
            "12.3");  // ideographic space
  EXPECT_EQ(AsDecimalString(CellValue{std::string(".5")}), "0.5");
}

TEST(AsDecimalString, RefusesWhatIsNotANumber) {
  EXPECT_EQ(AsDecimalString(CellValue{std::string("12,34")}), std::nullopt);
  EXPECT_EQ(AsDecimalString(CellValue{std::string("1.2.3")}), std::nullopt);
  EXPECT_EQ(AsDecimalString(CellValue{std::string("一百")}), std::nullopt);
  EXPECT_EQ(AsDecimalString(CellValue{std::string("")}), std::nullopt);
  EXPECT_EQ(AsDecimalString(CellValue{std::string("-")}), std::nullopt);
  EXPECT_EQ(AsDecimalString(CellValue{std::string(".")}), std::nullopt);
  EXPECT_EQ(AsDecimalString(CellValue{true}), std::nullopt);
  EXPECT_EQ(AsDecimalString(CellValue{core::Date(2024, 1, 2)}), std::nullopt);
  EXPECT_EQ(AsDecimalString(CellValue{}), std::nullopt);
}

TEST(AsText, RendersEveryKind) {
  EXPECT_EQ(AsText(CellValue{}), "");
  EXPECT_EQ(AsText(CellValue{std::string("郑州")}), "郑州");
  EXPECT_EQ(AsText(CellValue{2.5}), "2.5");
  EXPECT_EQ(AsText(CellValue{false}), "FALSE");
  EXPECT_EQ(AsText(CellValue{core::Date(2023, 1, 28)}), "2023-01-28");
  EXPECT_EQ(AsText(CellValue{CellError{"#N/A"}}), "#N/A");
  EXPECT_EQ(AsDate(CellValue{core::Date(2023, 1, 28)}), core::Date(2023, 1, 28));
  EXPECT_EQ(AsDate(CellValue{45000.0}), std::nullopt);
}

TEST(CellReference, ConvertsBetweenLettersAndNumbers) {
  EXPECT_EQ(ColumnLetters(1), "A");
  EXPECT_EQ(ColumnLetters(26), "Z");
  EXPECT_EQ(ColumnLetters(27), "AA");
  EXPECT_EQ(ColumnLetters(16384), "XFD");
  EXPECT_EQ(ParseCellReference("C7"), (CellPosition{7, 3}));
  EXPECT_EQ(ParseCellReference("$AB$100"), (CellPosition{100, 28}));
  EXPECT_EQ(ParseCellReference("XFD1048576"), (CellPosition{1048576, 16384}));
  EXPECT_EQ(ParseCellReference("XFE1"), std::nullopt);
  EXPECT_EQ(ParseCellReference("A1048577"), std::nullopt);
  EXPECT_EQ(ParseCellReference("A0"), std::nullopt);
  EXPECT_EQ(ParseCellReference("7C"), std::nullopt);
  EXPECT_EQ(ParseCellReference(""), std::nullopt);
}

TEST(CellLocation, NamesSheetRowAndColumnInBothLanguages) {
  CellLocation location{"台账", 7, 3};
  EXPECT_EQ(location.Reference(), "C7");
  EXPECT_EQ(location.ToString(), "台账!C7");
  EXPECT_EQ(location.Describe().zh, "工作表“台账”第 7 行 C 列");
  EXPECT_EQ(location.Describe().en, "sheet “台账”, row 7, column C");
}

TEST(SerialToDate, Follows1900SystemIncludingItsLeapYearBug) {
  EXPECT_EQ(SerialToDate(1, DateSystem::k1900), core::Date(1900, 1, 1));
  EXPECT_EQ(SerialToDate(59, DateSystem::k1900), core::Date(1900, 2, 28));
  EXPECT_EQ(SerialToDate(60, DateSystem::k1900), std::nullopt);  // the 1900-02-29 that never was
  EXPECT_EQ(SerialToDate(61, DateSystem::k1900), core::Date(1900, 3, 1));
  EXPECT_EQ(SerialToDate(44954, DateSystem::k1900), core::Date(2023, 1, 28));
  EXPECT_EQ(SerialToDate(44954.75, DateSystem::k1900), core::Date(2023, 1, 28));  // time of day dropped
  EXPECT_EQ(SerialToDate(44954.99999999999, DateSystem::k1900), core::Date(2023, 1, 29));
  EXPECT_EQ(SerialToDate(2958465, DateSystem::k1900), core::Date(9999, 12, 31));
  EXPECT_EQ(SerialToDate(2958466, DateSystem::k1900), std::nullopt);
  EXPECT_EQ(SerialToDate(0, DateSystem::k1900), std::nullopt);
  EXPECT_EQ(SerialToDate(-5, DateSystem::k1900), std::nullopt);
}

TEST(SerialToDate, Follows1904System) {
  EXPECT_EQ(SerialToDate(0, DateSystem::k1904), core::Date(1904, 1, 1));
  EXPECT_EQ(SerialToDate(44954 - 1462, DateSystem::k1904), core::Date(2023, 1, 28));
}

TEST(DateFormats, RecogniseDateTokensOnly) {
  EXPECT_TRUE(IsDateFormatCode("yyyy-mm-dd"));
  EXPECT_TRUE(IsDateFormatCode("yyyy\"年\"m\"月\"d\"日\""));
  EXPECT_TRUE(IsDateFormatCode("[$-804]yyyy/m/d;@"));
  EXPECT_TRUE(IsDateFormatCode("[h]:mm"));
  EXPECT_TRUE(IsDateFormatCode("mm:ss"));
  EXPECT_FALSE(IsDateFormatCode("General"));
  EXPECT_FALSE(IsDateFormatCode("#,##0.00\"元\""));
  EXPECT_FALSE(IsDateFormatCode("0.00_);[Red]\\(0.00\\)"));
  EXPECT_FALSE(IsDateFormatCode("\"days\" 0"));
  EXPECT_FALSE(IsDateFormatCode("0.00E+00"));
  EXPECT_TRUE(IsBuiltInDateFormat(14));
  EXPECT_TRUE(IsBuiltInDateFormat(22));
  EXPECT_TRUE(IsBuiltInDateFormat(31));  // yyyy年m月d日 in Chinese Excel
  EXPECT_FALSE(IsBuiltInDateFormat(4));
  EXPECT_FALSE(IsBuiltInDateFormat(49));
}

}  // namespace
}  // namespace sanpi::excel
