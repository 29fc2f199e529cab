// Reading on several threads must look like reading on one: the same rows in order, the same
// Status values, the visitor's stop and exceptions honoured, no thread left behind, memory bounded.
#include <gtest/gtest.h>

#include <stdexcept>

#include "excel/limits.hpp"
#include "excel/read_ahead_source.hpp"
#include "excel/workbook.hpp"
#include "xlsx_fixture.hpp"

namespace sanpi::excel {
namespace {

using testing::BuildZip;
using testing::OneSheetParts;
using testing::SharedStringsXml;
using testing::SheetXml;

// Far more rows than the queues hold, so every hand-over and every wait is exercised.
constexpr int kManyRows = 20'000;

std::string ManyRows(int rows, const std::string& bad_cell_at_row = "") {
  std::string data;
  for (int row = 1; row <= rows; ++row) {
    std::string number = std::to_string(row);
    data += "<row r=\"" + number + "\"><c r=\"A" + number + "\" t=\"s\"><v>" + std::to_string(row % 3) +
            "</v></c><c r=\"B" + number + "\"><v>" + (bad_cell_at_row == number ? "12abc" : number) +
            "</v></c><c r=\"C" + number + "\" t=\"inlineStr\"><is><t>第" + number + "行</t></is></c></row>";
  }
  return data;
}

Workbook Open(const std::string& sheet_data, const std::string& after = "") {
  auto parts = OneSheetParts(SheetXml(sheet_data, after),
                             SharedStringsXml("<si><t>甲</t></si><si><t>乙</t></si><si><t>丙</t></si>"));
  auto workbook = Workbook::FromBytes(BuildZip(parts));
  if (!workbook.ok()) throw std::runtime_error(workbook.status().ToString());
  return std::move(*workbook);
}

TEST(ReadingOnThreads, GivesEveryRowInOrderThenTheMerges) {
  Workbook workbook = Open(ManyRows(kManyRows), "<mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells>");
  std::vector<CellRange> merges;
  std::uint32_t expected = 1;
  core::Status status = workbook.ForEachRow(
      0,
      [&](const Row& row) {
        EXPECT_EQ(row.number, expected);
        EXPECT_EQ(row.cells.size(), 3u);
        EXPECT_EQ(AsText(row.cells[0].value), std::string(expected % 3 == 0 ? "甲" : expected % 3 == 1 ? "乙" : "丙"));
        EXPECT_EQ(AsText(row.cells[1].value), std::to_string(expected));
        EXPECT_EQ(AsText(row.cells[2].value), "第" + std::to_string(expected) + "行");
        ++expected;
        return core::Status::Ok();
      },
      &merges);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(expected, static_cast<std::uint32_t>(kManyRows + 1));
  ASSERT_EQ(merges.size(), 1u);
  EXPECT_EQ(merges[0].ToString(), "A1:B1");
}

TEST(ReadingOnThreads, GivesTheRowsBeforeABadCellThenItsStatus) {
  Workbook workbook = Open(ManyRows(kManyRows, "12345"));
  int seen = 0;
  core::Status status = workbook.ForEachRow(0, [&](const Row&) {
    ++seen;
    return core::Status::Ok();
  });
  EXPECT_EQ(status.code(), core::Code::kInvalid);
  EXPECT_NE(status.message().en.find("sheet “Sheet1”, row 12345, column B: an invalid number 12abc"), std::string::npos)
      << status.message().en;
  EXPECT_EQ(seen, 12344);
}

TEST(ReadingOnThreads, StopsEarlyWhenTheVisitorSaysSoAndCanReadAgain) {
  Workbook workbook = Open(ManyRows(kManyRows));
  for (int attempt = 0; attempt < 3; ++attempt) {
    int seen = 0;
    core::Status status = workbook.ForEachRow(0, [&](const Row& row) {
      ++seen;
      return row.number == 3 ? core::Status::RuleBroken({"停", "stop"}) : core::Status::Ok();
    });
    EXPECT_EQ(status.code(), core::Code::kRuleBroken);
    EXPECT_EQ(status.message().en, "stop");
    EXPECT_EQ(seen, 3);
  }
  auto whole = workbook.ReadSheet(0);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  EXPECT_EQ(whole->rows.size(), static_cast<std::size_t>(kManyRows));
}

TEST(ReadingOnThreads, LetsAnExceptionFromTheVisitorThroughAndCanReadAgain) {
  Workbook workbook = Open(ManyRows(kManyRows));
  EXPECT_THROW(workbook.ForEachRow(0,
                                   [&](const Row& row) -> core::Status {
                                     if (row.number == 5000) throw std::runtime_error("visitor failed");
                                     return core::Status::Ok();
                                   }),
               std::runtime_error);
  int seen = 0;
  core::Status status = workbook.ForEachRow(0, [&](const Row&) {
    ++seen;
    return core::Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(seen, kManyRows);
}

TEST(ReadingOnThreads, RefusesAVisitorThatReadsTheSameWorkbook) {
  Workbook workbook = Open(ManyRows(10));
  core::Status nested;
  core::Status status = workbook.ForEachRow(0, [&](const Row&) {
    nested = workbook.ForEachRow(0, [](const Row&) { return core::Status::Ok(); });
    return core::Status::Ok();
  });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(nested.code(), core::Code::kInternal);
  EXPECT_NE(nested.message().en.find("already being read"), std::string::npos);
}

TEST(ReadingOnThreads, ReadsManyWorkbooksOneAfterAnother) {
  // Each read starts and ends its threads: a leak would show as a hang or a crash here.
  for (int round = 0; round < 50; ++round) {
    Workbook workbook = Open(ManyRows(5));
    auto sheet = workbook.ReadSheet(0);
    ASSERT_TRUE(sheet.ok());
    ASSERT_EQ(sheet->rows.size(), 5u);
  }
}

// A part that gives `good` bytes, then fails: where a corrupt or over-limit part fails.
class FailingSource final : public ByteSource {
 public:
  explicit FailingSource(std::size_t good) : good_(good) {}
  core::Result<std::size_t> Read(char* out, std::size_t capacity) override {
    if (given_ == good_) return core::Status::TooLarge({"太大", "too large"});
    std::size_t count = std::min(capacity, good_ - given_);
    std::fill(out, out + count, 'x');
    given_ += count;
    return count;
  }

 private:
  std::size_t good_, given_ = 0;
};

std::string ReadAll(ByteSource& source, core::Status& ended) {
  std::string bytes;
  char chunk[1000];
  while (true) {
    auto count = source.Read(chunk, sizeof chunk);
    if (!count.ok()) {
      ended = count.status();
      return bytes;
    }
    if (*count == 0) return bytes;
    bytes.append(chunk, *count);
  }
}

TEST(ReadAhead, GivesThePartsBytesInOrder) {
  std::string part;
  for (int i = 0; i < 300'000; ++i) part += std::to_string(i) + ",";
  StringByteSource direct(part);
  auto ahead = ReadAheadSource::Start(direct);
  ASSERT_NE(ahead, nullptr);
  core::Status ended;
  EXPECT_EQ(ReadAll(*ahead, ended), part);
  EXPECT_TRUE(ended.ok());
}

TEST(ReadAhead, GivesThePartsStatusAfterTheBytesBeforeIt) {
  FailingSource failing(3 * kReadAheadChunkBytes + 17);
  auto ahead = ReadAheadSource::Start(failing);
  ASSERT_NE(ahead, nullptr);
  core::Status ended;
  EXPECT_EQ(ReadAll(*ahead, ended).size(), 3 * kReadAheadChunkBytes + 17);
  EXPECT_EQ(ended.code(), core::Code::kTooLarge);
  EXPECT_EQ(ended.message().en, "too large");
}

TEST(ReadAhead, StopsWhenTheReaderGoesAway) {
  // The inflating thread is blocked on a full queue when the reader leaves; it must end, not hang.
  std::string part(20 * kReadAheadChunkBytes, 'y');
  StringByteSource direct(part);
  auto ahead = ReadAheadSource::Start(direct);
  ASSERT_NE(ahead, nullptr);
  char first[10];
  ASSERT_TRUE(ahead->Read(first, sizeof first).ok());
  ahead.reset();
}

}  // namespace
}  // namespace sanpi::excel
