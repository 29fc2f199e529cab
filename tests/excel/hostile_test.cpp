// Files built to hurt: each must end in a clear Status, never a crash or unbounded memory.
#include <gtest/gtest.h>

#include "excel/limits.hpp"
#include "excel/workbook.hpp"
#include "xlsx_fixture.hpp"

namespace sanpi::excel {
namespace {

using testing::BuildZip;
using testing::OneSheetParts;
using testing::SharedStringsXml;
using testing::SheetXml;

const std::string kBillionLaughs = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>)";

std::string ValidWorkbook() {
  return BuildZip(
      OneSheetParts(SheetXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>1.5</v></c></row>"),
                    SharedStringsXml("<si><t>项目名称</t></si>")));
}

// Opening and reading every sheet: the Status of whichever step failed first.
core::Status OpenAndRead(std::string bytes) {
  auto workbook = Workbook::FromBytes(std::move(bytes));
  if (!workbook.ok()) return workbook.status();
  for (std::size_t i = 0; i < workbook->sheets().size(); ++i) {
    auto sheet = workbook->ReadSheet(i);
    if (!sheet.ok()) return sheet.status();
  }
  return core::Status::Ok();
}

void ExpectRefused(const core::Status& status, core::Code code, const std::string& english_fragment) {
  EXPECT_EQ(status.code(), code) << status.ToString();
  EXPECT_NE(status.message().en.find(english_fragment), std::string::npos) << status.message().en;
  EXPECT_FALSE(status.message().zh.empty());
}

TEST(HostileFiles, ValidBaselineReads) { EXPECT_TRUE(OpenAndRead(ValidWorkbook()).ok()); }

TEST(HostileFiles, NotAZipAtAll) {
  ExpectRefused(OpenAndRead("项目代码,项目名称\n2023-410100-01-01-000001,智能装备\n"), core::Code::kInvalid,
                "not a valid .xlsx");
  ExpectRefused(OpenAndRead(""), core::Code::kInvalid, "not a valid .xlsx");
}

TEST(HostileFiles, TruncatedArchive) {
  std::string bytes = ValidWorkbook();
  for (std::size_t keep : {bytes.size() / 4, bytes.size() / 2, bytes.size() - 30, bytes.size() - 1}) {
    core::Status status = OpenAndRead(bytes.substr(0, keep));
    EXPECT_FALSE(status.ok()) << "kept " << keep << " of " << bytes.size();
    EXPECT_EQ(status.code(), core::Code::kInvalid) << status.ToString();
  }
}

TEST(HostileFiles, CorruptedCompressedData) {
  std::string bytes = BuildZip(OneSheetParts(SheetXml(std::string(5000, ' ') + "<row r=\"1\"><c><v>1</v></c></row>")));
  auto at = bytes.find("xl/worksheets/sheet1.xml");
  ASSERT_NE(at, std::string::npos);
  for (std::size_t i = at + 40; i < at + 60 && i < bytes.size(); ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  EXPECT_FALSE(OpenAndRead(bytes).ok());
}

TEST(HostileFiles, MissingParts) {
  auto without = [](const std::string& part) {
    auto parts = OneSheetParts(SheetXml("<row r=\"1\"><c><v>1</v></c></row>"));
    parts.erase(part);
    return BuildZip(parts);
  };
  ExpectRefused(OpenAndRead(without("xl/workbook.xml")), core::Code::kInvalid,
                "workbook part xl/workbook.xml is missing");
  ExpectRefused(OpenAndRead(without("xl/_rels/workbook.xml.rels")), core::Code::kInvalid, "relationships part");
  ExpectRefused(OpenAndRead(without("xl/worksheets/sheet1.xml")), core::Code::kInvalid, "of sheet “Sheet1” is missing");
  // Without _rels/.rels the reader still finds xl/workbook.xml, where every writer puts it.
  EXPECT_TRUE(OpenAndRead(without("_rels/.rels")).ok());
  // A string cell whose table is gone names the cell.
  auto parts = OneSheetParts(SheetXml("<row r=\"4\"><c r=\"B4\" t=\"s\"><v>0</v></c></row>"));
  parts.erase("xl/sharedStrings.xml");
  ExpectRefused(OpenAndRead(BuildZip(parts)), core::Code::kInvalid, "row 4, column B: shared string 0 does not exist");
}

TEST(HostileFiles, ZipBombByCompressionRatio) {
  // 64 MiB of one repeated byte deflates to about 64 KiB: a ratio near 1000.
  auto parts = OneSheetParts(SheetXml("<row r=\"1\"><c><v>1</v></c></row>"));
  parts["xl/worksheets/sheet1.xml"] = SheetXml("") + std::string(64u << 20, ' ');
  ExpectRefused(OpenAndRead(BuildZip(parts)), core::Code::kTooLarge, "zip bomb");
}

TEST(HostileFiles, ZipBombThatLiesAboutItsSize) {
  // The headers claim 1,000 bytes; the data inflates to 4 MiB. Caught while streaming.
  auto parts = OneSheetParts(SheetXml("<row r=\"1\"><c><v>1</v></c></row>"));
  std::string sheet = SheetXml("");
  sheet.insert(sheet.find("<sheetData>"), std::string(4u << 20, ' '));
  parts["xl/worksheets/sheet1.xml"] = sheet;
  std::string bytes = BuildZip(parts);
  testing::PatchDeclaredSize(bytes, "xl/worksheets/sheet1.xml", 1000);
  core::Status status = OpenAndRead(bytes);
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(status.code() == core::Code::kTooLarge || status.code() == core::Code::kInvalid) << status.ToString();
}

TEST(HostileFiles, PartDeclaredLargerThanTheLimit) {
  std::string bytes = ValidWorkbook();
  testing::PatchDeclaredSize(bytes, "xl/worksheets/sheet1.xml", 0xFFFFFFF0u);
  core::Status status = OpenAndRead(bytes);
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(status.code() == core::Code::kTooLarge || status.code() == core::Code::kInvalid) << status.ToString();
}

TEST(HostileFiles, EntityExpansionInEveryKindOfPart) {
  // Streamed parts (shared strings, sheets) and DOM parts (workbook, styles) all refuse a DOCTYPE.
  auto base = OneSheetParts(SheetXml("<row r=\"1\"><c><v>1</v></c></row>"));
  auto with = [&](const std::string& part, const std::string& body) {
    auto parts = base;
    parts[part] = kBillionLaughs + body;
    return BuildZip(parts);
  };
  ExpectRefused(OpenAndRead(with("xl/sharedStrings.xml", "<sst><si><t>&lol3;</t></si></sst>")), core::Code::kInvalid,
                "DOCTYPE");
  ExpectRefused(
      OpenAndRead(with(
          "xl/worksheets/sheet1.xml",
          "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>")),
      core::Code::kInvalid, "DOCTYPE");
  ExpectRefused(OpenAndRead(with("xl/workbook.xml", "<workbook><sheets/></workbook>")), core::Code::kInvalid,
                "DOCTYPE");
  ExpectRefused(OpenAndRead(with("xl/styles.xml", "<styleSheet/>")), core::Code::kInvalid, "DOCTYPE");
  // An entity reference with no declaration is refused too, not passed through.
  auto parts = base;
  parts["xl/worksheets/sheet1.xml"] = SheetXml("<row r=\"1\"><c t=\"inlineStr\"><is><t>&lol3;</t></is></c></row>");
  ExpectRefused(OpenAndRead(BuildZip(parts)), core::Code::kInvalid, "unknown entity");
}

TEST(HostileFiles, HugeCell) {
  std::string huge(kMaxCellTextBytes + 10, 'x');
  auto inline_parts =
      OneSheetParts(SheetXml("<row r=\"2\"><c r=\"D2\" t=\"inlineStr\"><is><t>" + huge + "</t></is></c></row>"));
  ExpectRefused(OpenAndRead(BuildZip(inline_parts)), core::Code::kTooLarge, "row 2, column D");
  auto shared_parts = OneSheetParts(SheetXml("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"),
                                    SharedStringsXml("<si><t>" + huge + "</t></si>"));
  ExpectRefused(OpenAndRead(BuildZip(shared_parts)), core::Code::kTooLarge, "shared strings");
  // A single text run beyond the XML token limit (no closing tag in sight) is refused as well.
  auto run_parts =
      OneSheetParts(SheetXml("<row r=\"1\"><c><v>" + std::string(kMaxXmlTokenBytes + 10, '1') + "</v></c></row>"));
  EXPECT_FALSE(OpenAndRead(BuildZip(run_parts)).ok());
}

TEST(HostileFiles, RowOutsideTheGrid) {
  auto parts = OneSheetParts(SheetXml("<row r=\"2000000\"><c><v>1</v></c></row>"));
  ExpectRefused(OpenAndRead(BuildZip(parts)), core::Code::kTooLarge, "row number outside");
  parts = OneSheetParts(SheetXml("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"));
  ExpectRefused(OpenAndRead(BuildZip(parts)), core::Code::kInvalid, "invalid cell reference");
}

TEST(HostileFiles, TooManyCells) {
  // kMaxCellsPerSheet + 1 one-digit cells; stored uncompressed so the ratio check stays out of the way.
  std::string data = "<row r=\"1\">";
  data.reserve((kMaxCellsPerSheet + 1) * 14 + 64);
  for (std::size_t i = 0; i <= kMaxCellsPerSheet; ++i) {
    if (i > 0 && i % 10'000 == 0) data += "</row><row>";
    data += "<c><v>1</v></c>";
  }
  data += "</row>";
  auto parts = OneSheetParts(SheetXml(data));
  ExpectRefused(OpenAndRead(BuildZip(parts, testing::Compression::kStore)), core::Code::kTooLarge, "cells");
}

TEST(HostileFiles, MalformedXml) {
  for (std::string sheet : {std::string("<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>"),
                            std::string("<worksheet><sheetData><row><c><v>1</v></c></row></sheetData>"),
                            std::string("<worksheet a=b/>"), std::string("<a/><b/>"), std::string("text")}) {
    auto parts = OneSheetParts(sheet);
    EXPECT_EQ(OpenAndRead(BuildZip(parts)).code(), core::Code::kInvalid) << sheet;
  }
}

}  // namespace
}  // namespace sanpi::excel
