// The 100,000-row × 30-column ledger: disabled by default (it takes seconds); run with
//   SANPI_XLSX_BENCH=/tmp/ledger100k.xlsx excel_tests --gtest_also_run_disabled_tests
//     --gtest_filter='LargeLedger.DISABLED_Write'   (then …DISABLED_Stream or …DISABLED_ReadWhole)
// and measure each step under /usr/bin/time -v for peak memory.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "excel/workbook.hpp"

namespace sanpi::excel {
namespace {

constexpr int kRows = 100'000;
constexpr int kColumns = 30;

std::string BenchPath() {
  const char* path = std::getenv("SANPI_XLSX_BENCH");
  return path != nullptr ? path : "/tmp/sanpi-ledger-100k.xlsx";
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(LargeLedger, DISABLED_Write) {
  lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = nullptr, .use_zip64 = LXW_FALSE};
  lxw_workbook* workbook = workbook_new_opt(BenchPath().c_str(), &options);
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "yyyy-mm-dd");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "台账");
  for (lxw_col_t column = 0; column < kColumns; ++column) {
    worksheet_write_string(sheet, 0, column, ("列" + std::to_string(column + 1)).c_str(), nullptr);
  }
  for (lxw_row_t row = 1; row <= kRows; ++row) {
    for (lxw_col_t column = 0; column < kColumns; ++column) {
      if (column % 3 == 0) {
        worksheet_write_string(sheet, row, column, ("郑州高新区项目" + std::to_string(row * 31 + column)).c_str(),
                               nullptr);
      } else if (column % 3 == 1) {
        worksheet_write_number(sheet, row, column, row * 1.01 + column / 100.0, nullptr);
      } else {
        lxw_datetime date = {2020 + static_cast<int>(row % 5),
                             1 + static_cast<uint8_t>(row % 12),
                             1 + static_cast<uint8_t>(row % 28),
                             0,
                             0,
                             0};
        worksheet_write_datetime(sheet, row, column, &date, date_format);
      }
    }
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
}

TEST(LargeLedger, DISABLED_Stream) {
  auto start = std::chrono::steady_clock::now();
  auto workbook = Workbook::OpenFile(BenchPath());
  ASSERT_TRUE(workbook.ok()) << workbook.status().ToString();
  double opened = SecondsSince(start);
  std::size_t rows = 0, cells = 0, dates = 0;
  core::Status status = workbook->ForEachRow(0, [&](const Row& row) {
    ++rows;
    cells += row.cells.size();
    for (const Cell& cell : row.cells) dates += AsDate(cell.value).has_value();
    return core::Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.ToString();
  std::cout << "open (shared strings, styles) " << opened << " s; streamed " << rows << " rows, " << cells << " cells ("
            << dates << " dates) in " << SecondsSince(start) << " s total\n";
  EXPECT_EQ(rows, static_cast<std::size_t>(kRows + 1));
  EXPECT_EQ(cells, static_cast<std::size_t>((kRows + 1) * kColumns));
}

TEST(LargeLedger, DISABLED_ReadWhole) {
  auto start = std::chrono::steady_clock::now();
  auto workbook = Workbook::OpenFile(BenchPath());
  ASSERT_TRUE(workbook.ok()) << workbook.status().ToString();
  auto sheet = workbook->ReadSheet(0);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  std::cout << "read whole sheet: " << sheet->rows.size() << " rows in " << SecondsSince(start) << " s\n";
  EXPECT_EQ(sheet->rows.size(), static_cast<std::size_t>(kRows + 1));
}

}  // namespace
}  // namespace sanpi::excel
