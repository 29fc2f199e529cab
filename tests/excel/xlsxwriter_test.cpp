// Workbooks written by libxlsxwriter (the library sanpi exports with) read back cell for cell.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "excel/workbook.hpp"
#include "xlsx_fixture.hpp"

namespace sanpi::excel {
namespace {

std::string WriteLedger(const testing::TempDir& dir) {
  std::string path = dir.File("ledger.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "yyyy-mm-dd");
  lxw_format* chinese_date = workbook_add_format(workbook);
  format_set_num_format(chinese_date, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_format* money = workbook_add_format(workbook);
  format_set_num_format(money, "#,##0.00");

  lxw_worksheet* ledger = workbook_add_worksheet(workbook, "台账");
  worksheet_merge_range(ledger, 0, 0, 0, 2, "基本信息", nullptr);  // A1:C1
  worksheet_merge_range(ledger, 0, 3, 0, 4, "投资", nullptr);      // D1:E1
  const char* headers[] = {"项目名称", "签约日期", "是否入库", "总投资(万元)", "开工日期"};
  for (lxw_col_t column = 0; column < 5; ++column) worksheet_write_string(ledger, 1, column, headers[column], nullptr);
  worksheet_write_string(ledger, 2, 0, "智能装备产业园", nullptr);
  lxw_datetime signed_on = {2023, 1, 28, 0, 0, 0};
  worksheet_write_datetime(ledger, 2, 1, &signed_on, date_format);
  worksheet_write_boolean(ledger, 2, 2, 1, nullptr);
  worksheet_write_number(ledger, 2, 3, 791820.8100000001, money);
  lxw_datetime started_on = {2024, 2, 29, 0, 0, 0};
  worksheet_write_datetime(ledger, 2, 4, &started_on, chinese_date);
  // Row 4 left empty; row 5 sparse: only B5 and E5.
  worksheet_write_string(ledger, 4, 1, "00123", nullptr);
  worksheet_write_formula_num(ledger, 4, 4, "=D3*2", nullptr, 1583641.62);

  lxw_worksheet* second = workbook_add_worksheet(workbook, "Second");
  worksheet_write_number(second, 0, 0, 42, nullptr);
  worksheet_write_boolean(second, 0, 1, 0, nullptr);
  EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  return path;
}

TEST(XlsxwriterFiles, ReadBackEveryKindOfCell) {
  testing::TempDir dir;
  auto workbook = Workbook::OpenFile(WriteLedger(dir));
  ASSERT_TRUE(workbook.ok()) << workbook.status().ToString();
  ASSERT_EQ(workbook->sheets().size(), 2u);
  EXPECT_EQ(workbook->sheets()[0].name, "台账");
  EXPECT_EQ(workbook->sheets()[1].name, "Second");
  EXPECT_EQ(workbook->date_system(), DateSystem::k1900);

  auto ledger = workbook->ReadSheet("台账");
  ASSERT_TRUE(ledger.ok()) << ledger.status().ToString();
  EXPECT_EQ(AsText(ledger->Find(2, 4)->value), "总投资(万元)");
  EXPECT_EQ(AsText(ledger->Find(3, 1)->value), "智能装备产业园");
  EXPECT_EQ(AsDate(ledger->Find(3, 2)->value), core::Date(2023, 1, 28));
  EXPECT_EQ(ledger->Find(3, 3)->value, CellValue{true});
  EXPECT_EQ(AsDecimalString(ledger->Find(3, 4)->value), "791820.81");
  EXPECT_EQ(AsDate(ledger->Find(3, 5)->value), core::Date(2024, 2, 29));
  EXPECT_EQ(ledger->Find(4, 1), nullptr);  // the empty row
  EXPECT_EQ(ledger->Find(5, 1), nullptr);
  EXPECT_EQ(AsDecimalString(ledger->Find(5, 2)->value), "123");  // a number stored as text
  EXPECT_EQ(AsText(ledger->Find(5, 2)->value), "00123");
  EXPECT_EQ(AsDecimalString(ledger->Find(5, 5)->value), "1583641.62");  // the formula's cached value

  ASSERT_EQ(ledger->merges.size(), 2u);
  EXPECT_EQ(ledger->merges[0].ToString(), "A1:C1");
  EXPECT_EQ(AsText(ledger->Shown(1, 2)), "基本信息");  // a merged header spans its columns
  EXPECT_EQ(AsText(ledger->Shown(1, 3)), "基本信息");
  EXPECT_EQ(AsText(ledger->Shown(1, 5)), "投资");
  EXPECT_EQ(AsText(ledger->Shown(1, 6)), "");

  auto second = workbook->ReadSheet(1);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->Find(1, 1)->value, CellValue{42.0});
  EXPECT_EQ(second->Find(1, 2)->value, CellValue{false});
}

}  // namespace
}  // namespace sanpi::excel
