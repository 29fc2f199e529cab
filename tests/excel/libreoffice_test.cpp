// Workbooks written by LibreOffice Calc: the test writes a flat ODS (.fods) and lets
// `soffice --headless --convert-to xlsx` turn it into the .xlsx staff would send.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "excel/workbook.hpp"
#include "xlsx_fixture.hpp"

namespace sanpi::excel {
namespace {

const char* kFlatOds = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="台账">
<table:table-row><table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>基本信息</text:p></table:table-cell><table:covered-table-cell/><table:table-cell office:value-type="string"><text:p>投资</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>项目名称</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>签约日期</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>总投资(万元)</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>智能装备产业园</text:p></table:table-cell><table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2023-01-28"/><table:table-cell office:value-type="float" office:value="791820.81"/></table:table-row>
<table:table-row/>
<table:table-row><table:table-cell/><table:table-cell/><table:table-cell office:value-type="string"><text:p>00123</text:p></table:table-cell></table:table-row>
</table:table>
<table:table table:name="Second"><table:table-row><table:table-cell office:value-type="float" office:value="2.5"/></table:table-row></table:table>
</office:spreadsheet></office:body></office:document>
)";

std::string FindSoffice() {
  for (const char* candidate : {"/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"}) {
    if (std::filesystem::exists(candidate)) return candidate;
  }
  return {};
}

TEST(LibreOfficeFiles, ReadsACalcConvertedLedger) {
  std::string soffice = FindSoffice();
  if (soffice.empty()) {
    std::cout << "soffice not found: install Debian's libreoffice-calc (scripts/install-deps) to run this test\n";
    GTEST_SKIP() << "soffice (libreoffice-calc) is not installed";
  }
  testing::TempDir dir;
  testing::WriteFileBytes(dir.File("ledger.fods"), kFlatOds);
  // A private profile so parallel test runs do not fight over ~/.config/libreoffice.
  std::string command = "timeout 180 " + soffice + " -env:UserInstallation=file://" + dir.File("profile") +
                        " --headless --convert-to xlsx --outdir " + dir.path().string() + " " +
                        dir.File("ledger.fods") + " > " + dir.File("soffice.log") + " 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << testing::ReadFileBytes(dir.File("soffice.log"));

  auto workbook = Workbook::OpenFile(dir.File("ledger.xlsx"));
  ASSERT_TRUE(workbook.ok()) << workbook.status().ToString();
  ASSERT_EQ(workbook->sheets().size(), 2u);
  EXPECT_EQ(workbook->sheets()[0].name, "台账");
  auto ledger = workbook->ReadSheet(0);
  ASSERT_TRUE(ledger.ok()) << ledger.status().ToString();
  // Calc splits mixed Chinese and ASCII text into rich-text runs by font: joined back here.
  EXPECT_EQ(AsText(ledger->Find(2, 3)->value), "总投资(万元)");
  EXPECT_EQ(AsText(ledger->Find(3, 1)->value), "智能装备产业园");
  EXPECT_EQ(AsDate(ledger->Find(3, 2)->value), core::Date(2023, 1, 28));
  EXPECT_EQ(AsDecimalString(ledger->Find(3, 3)->value), "791820.81");
  EXPECT_EQ(ledger->Find(4, 1), nullptr);
  EXPECT_EQ(ledger->Find(5, 1), nullptr);
  EXPECT_EQ(AsDecimalString(ledger->Find(5, 3)->value), "123");
  ASSERT_EQ(ledger->merges.size(), 1u);
  EXPECT_EQ(ledger->merges[0].ToString(), "A1:B1");
  EXPECT_EQ(AsText(ledger->Shown(1, 2)), "基本信息");
  auto second = workbook->ReadSheet("Second");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->Find(1, 1)->value, CellValue{2.5});
}

}  // namespace
}  // namespace sanpi::excel
