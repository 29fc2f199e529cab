// Writes the fuzzer's seed corpus: small workbooks in the shapes the excel tests use (hand-written
// parts with every cell form, 1904 dates, merges, prefixed names; and one libxlsxwriter file).
//   seed_corpus DIR
#include <xlsxwriter.h>

#include <iostream>

#include "excel/xlsx_fixture.hpp"  // tests/excel/xlsx_fixture.hpp

using namespace sanpi::excel::testing;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: seed_corpus DIR\n";
    return 2;
  }
  std::string dir = argv[1];
  std::string strings = SharedStringsXml(
      "<si><t>项目名称</t></si><si><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r><rPh><t>ふ</t></rPh></"
      "si><si><t>a_x000D_b</t></si>");
  std::string cells =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" "
      "t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>791820.8100000001</v></c><c r=\"B2\" t=\"b\"><v>1</v></c><c r=\"D2\" "
      "t=\"e\"><v>#N/A</v></c>"
      "<c r=\"E2\" t=\"inlineStr\"><is><t>内联 &amp; &#x4E00;</t></is></c><c r=\"F2\" t=\"str\"><f>A1</f><v>x</v></c>"
      "<c r=\"H2\" s=\"1\"><v>44954</v></c><c r=\"I2\" s=\"2\"><v>60</v></c><c r=\"J2\" s=\"3\"><v>1.5</v></c><c "
      "r=\"L2\" t=\"d\"><v>2024-02-29</v></c></row>"
      "<row r=\"7\"><c r=\"C7\"><v>3</v></c><c><v>4</v></c></row>";
  std::string merges = "<mergeCells><mergeCell ref=\"A1:C1\"/></mergeCells>";
  WriteFileBytes(dir + "/cells.xlsx", BuildZip(OneSheetParts(SheetXml(cells, merges), strings)));
  WriteFileBytes(dir + "/cells-stored.xlsx",
                 BuildZip(OneSheetParts(SheetXml(cells, merges), strings), Compression::kStore));
  WriteFileBytes(dir + "/date1904.xlsx", BuildZip(OneSheetParts(SheetXml(cells), strings, true), Compression::kStore));
  WriteFileBytes(
      dir + "/prefixed.xlsx",
      BuildZip(
          OneSheetParts(
              R"(<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>)"),
          Compression::kStore));

  std::string path = dir + "/xlsxwriter.xlsx";
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "台账");
  worksheet_merge_range(sheet, 0, 0, 0, 1, "基本信息", nullptr);
  worksheet_write_string(sheet, 1, 0, "项目名称", nullptr);
  worksheet_write_number(sheet, 1, 1, 12.5, nullptr);
  lxw_datetime date = {2023, 1, 28, 0, 0, 0};
  worksheet_write_datetime(sheet, 2, 0, &date, date_format);
  worksheet_write_boolean(sheet, 2, 1, 1, nullptr);
  workbook_add_worksheet(workbook, "Second");
  return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
