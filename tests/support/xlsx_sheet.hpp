#pragma once
// Spreadsheets for import tests, written with libxlsxwriter (through transfer::XlsxBook): rows of
// text, whole numbers, 万元 amounts and real dates; returns the file's bytes.
#include <string>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "transfer/xlsx_book.hpp"

namespace sanpi::testing {

struct Wan {
  core::Yuan yuan;
};
struct Number {
  double value;
};
using XlsxCell = std::variant<std::monostate, std::string, const char*, long long, int, Wan, Number, core::Date>;
using XlsxRows = std::vector<std::vector<XlsxCell>>;

inline std::string MakeXlsx(const XlsxRows& rows, const std::string& sheet = "台账") {
  transfer::TempFile file;
  {
    transfer::XlsxBook book(file.path());
    book.AddSheet(sheet);
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t c = 0; c < rows[r].size(); ++c) {
        int row = static_cast<int>(r), col = static_cast<int>(c);
        const XlsxCell& cell = rows[r][c];
        if (auto* text = std::get_if<std::string>(&cell)) book.Text(row, col, *text);
        if (auto* text = std::get_if<const char*>(&cell)) book.Text(row, col, *text);
        if (auto* whole = std::get_if<long long>(&cell)) book.Whole(row, col, *whole);
        if (auto* whole = std::get_if<int>(&cell)) book.Whole(row, col, *whole);
        if (auto* wan = std::get_if<Wan>(&cell)) book.Wan(row, col, wan->yuan);
        if (auto* date = std::get_if<core::Date>(&cell)) book.Day(row, col, *date);
        if (auto* number = std::get_if<Number>(&cell)) book.Number(row, col, number->value);
      }
    }
    book.Close();
  }
  return file.Read();
}

}  // namespace sanpi::testing
