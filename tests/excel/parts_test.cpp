// Workbooks whose XML parts the test writes itself: every cell form the OOXML standard allows,
// the 1904 date system, and the variations writers differ in.
#include <gtest/gtest.h>

#include "excel/workbook.hpp"
#include "xlsx_fixture.hpp"

namespace sanpi::excel {
namespace {

using testing::BuildZip;
using testing::OneSheetParts;
using testing::SharedStringsXml;
using testing::SheetXml;

Sheet ReadOnlySheet(const std::map<std::string, std::string>& parts) {
  auto workbook = Workbook::FromBytes(BuildZip(parts));
  EXPECT_TRUE(workbook.ok()) << workbook.status().ToString();
  auto sheet = workbook->ReadSheet(0);
  EXPECT_TRUE(sheet.ok()) << sheet.status().ToString();
  return *sheet;
}

TEST(WorkbookParts, ReadsEveryCellForm) {
  std::string strings = SharedStringsXml(
      "<si><t>项目名称</t></si>"
      "<si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space=\"preserve\">文本 </t></r><rPh sb=\"0\" "
      "eb=\"1\"><t>ふ</t></rPh></si>"
      "<si><t>line_x000D_two &amp; &lt;more&gt;</t></si>"
      "<si><t>00123</t></si>");
  std::string sheet = SheetXml(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" "
      "t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>791820.8100000001</v></c><c r=\"B2\" t=\"b\"><v>1</v></c><c r=\"C2\" "
      "t=\"b\"><v>0</v></c>"
      "<c r=\"D2\" t=\"e\"><v>#DIV/0!</v></c><c r=\"E2\" t=\"inlineStr\"><is><t>内联</t></is></c>"
      "<c r=\"F2\" t=\"str\"><f>A1&amp;\"x\"</f><v>项目名称x</v></c><c r=\"G2\"><f>1+1</f><v>2</v></c>"
      "<c r=\"H2\" s=\"1\"><v>44954</v></c><c r=\"I2\" s=\"2\"><v>45366.5</v></c><c r=\"J2\" s=\"3\"><v>1.5</v></c>"
      "<c r=\"K2\" t=\"s\"><v>3</v></c><c r=\"L2\" t=\"d\"><v>2024-02-29T00:00:00</v></c><c r=\"M2\" "
      "s=\"1\"><v>60</v></c></row>"
      "<row r=\"7\"><c r=\"C7\"><v>3</v></c><c r=\"E7\" s=\"3\"/><c r=\"F7\"><f>NA()</f></c></row>"
      "<row r=\"9\" spans=\"1:3\"></row>");
  Sheet read = ReadOnlySheet(OneSheetParts(sheet, strings));

  ASSERT_EQ(read.rows.size(), 3u);  // rows 1, 2, 7; the empty row 9 is absent like every empty row
  EXPECT_EQ(read.name, "Sheet1");
  EXPECT_EQ(AsText(read.Find(1, 1)->value), "项目名称");
  EXPECT_EQ(AsText(read.Find(1, 2)->value), "富文本 ");  // runs joined, phonetic guide left out
  EXPECT_EQ(AsText(read.Find(1, 3)->value), "line\rtwo & <more>");
  EXPECT_EQ(AsDecimalString(read.Find(2, 1)->value), "791820.81");
  EXPECT_EQ(read.Find(2, 2)->value, CellValue{true});
  EXPECT_EQ(read.Find(2, 3)->value, CellValue{false});
  EXPECT_EQ(read.Find(2, 4)->value, CellValue{CellError{"#DIV/0!"}});
  EXPECT_EQ(AsText(read.Find(2, 5)->value), "内联");
  EXPECT_EQ(AsText(read.Find(2, 6)->value), "项目名称x");               // a formula's cached text
  EXPECT_EQ(read.Find(2, 7)->value, CellValue{2.0});                    // a formula's cached number
  EXPECT_EQ(AsDate(read.Find(2, 8)->value), core::Date(2023, 1, 28));   // built-in format 14
  EXPECT_EQ(AsDate(read.Find(2, 9)->value), core::Date(2024, 3, 15));   // custom yyyy"年"m"月"d"日"
  EXPECT_EQ(read.Find(2, 10)->value, CellValue{1.5});                   // a currency format is no date
  EXPECT_EQ(read.Find(2, 11)->value, CellValue{std::string("00123")});  // number stored as text
  EXPECT_EQ(AsDecimalString(read.Find(2, 11)->value), "123");
  EXPECT_EQ(AsDate(read.Find(2, 12)->value), core::Date(2024, 2, 29));
  EXPECT_EQ(read.Find(2, 13)->value, CellValue{60.0});  // serial 60 is no real date: stays a number
  EXPECT_EQ(read.Find(7, 3)->value, CellValue{3.0});
  EXPECT_EQ(read.Find(7, 5), nullptr);  // styled but empty
  EXPECT_EQ(read.Find(7, 6), nullptr);  // formula without a cached value
  EXPECT_EQ(read.Find(3, 1), nullptr);
}

TEST(WorkbookParts, ReadsThe1904DateSystem) {
  std::string sheet = SheetXml(
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>43492</v></c><c "
      "r=\"C1\"><v>43492</v></c></row>");
  auto workbook = Workbook::FromBytes(BuildZip(OneSheetParts(sheet, SharedStringsXml(""), /*date1904=*/true)));
  ASSERT_TRUE(workbook.ok()) << workbook.status().ToString();
  EXPECT_EQ(workbook->date_system(), DateSystem::k1904);
  auto read = workbook->ReadSheet("Sheet1");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(AsDate(read->Find(1, 1)->value), core::Date(1904, 1, 1));
  EXPECT_EQ(AsDate(read->Find(1, 2)->value), core::Date(2023, 1, 28));  // 43492 + 1462 = 44954
  EXPECT_EQ(read->Find(1, 3)->value, CellValue{43492.0});               // unstyled: just a number
}

TEST(WorkbookParts, FollowsCellsWithoutReferencesAndPrefixedNames) {
  // Some writers (the .NET Open XML SDK) prefix every element; some leave out r attributes.
  std::string sheet =
      R"(<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
    <x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>
    <x:row><x:c r="C2"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row>
    </x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>)";
  Sheet read = ReadOnlySheet(OneSheetParts(sheet));
  EXPECT_EQ(read.Find(1, 1)->value, CellValue{1.0});
  EXPECT_EQ(read.Find(1, 2)->value, CellValue{2.0});
  EXPECT_EQ(read.Find(2, 3)->value, CellValue{3.0});
  EXPECT_EQ(read.Find(2, 4)->value, CellValue{4.0});
  ASSERT_EQ(read.merges.size(), 1u);
  EXPECT_EQ(read.merges[0].ToString(), "A1:B1");
}

TEST(WorkbookParts, ListsSheetsInTabOrderAndFindsThemByName) {
  auto parts = OneSheetParts(SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"));
  parts["xl/workbook.xml"] = testing::WorkbookXml(
      R"(<sheet name="台账" sheetId="5" r:id="rId2"/><sheet name="Hidden" sheetId="1" r:id="rId1" state="hidden"/>)");
  parts["xl/_rels/workbook.xml.rels"] = testing::WorkbookRels(2);
  parts["xl/worksheets/sheet2.xml"] = SheetXml("<row r=\"3\"><c r=\"B3\"><v>2</v></c></row>");
  auto workbook = Workbook::FromBytes(BuildZip(parts));
  ASSERT_TRUE(workbook.ok()) << workbook.status().ToString();
  ASSERT_EQ(workbook->sheets().size(), 2u);
  EXPECT_EQ(workbook->sheets()[0].name, "台账");
  EXPECT_FALSE(workbook->sheets()[0].hidden);
  EXPECT_EQ(workbook->sheets()[1].name, "Hidden");
  EXPECT_TRUE(workbook->sheets()[1].hidden);
  EXPECT_EQ(workbook->FindSheet("hidden"), 1u);
  auto first = workbook->ReadSheet("台账");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->Find(3, 2)->value, CellValue{2.0});
  EXPECT_EQ(workbook->ReadSheet("nope").status().code(), core::Code::kNotFound);
}

TEST(WorkbookParts, ReportsABadCellWithItsSheetRowAndColumn) {
  auto parts = OneSheetParts(SheetXml("<row r=\"7\"><c r=\"C7\"><v>12abc</v></c></row>"));
  auto workbook = Workbook::FromBytes(BuildZip(parts));
  ASSERT_TRUE(workbook.ok());
  auto read = workbook->ReadSheet(0);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), core::Code::kInvalid);
  EXPECT_NE(read.status().message().en.find("sheet “Sheet1”, row 7, column C"), std::string::npos)
      << read.status().message().en;
  EXPECT_NE(read.status().message().zh.find("第 7 行 C 列"), std::string::npos);
}

TEST(WorkbookParts, StreamsRowsAndStopsWhenTheVisitorSaysSo) {
  std::string data;
  for (int row = 1; row <= 50; ++row)
    data += "<row r=\"" + std::to_string(row) + "\"><c><v>" + std::to_string(row) + "</v></c></row>";
  auto workbook = Workbook::FromBytes(BuildZip(OneSheetParts(SheetXml(data))));
  ASSERT_TRUE(workbook.ok());
  int seen = 0;
  core::Status stopped = workbook->ForEachRow(0, [&](const Row& row) {
    ++seen;
    if (row.number == 10) return core::Status::RuleBroken({"停", "stop"});
    return core::Status::Ok();
  });
  EXPECT_EQ(stopped.code(), core::Code::kRuleBroken);
  EXPECT_EQ(seen, 10);
}

}  // namespace
}  // namespace sanpi::excel
