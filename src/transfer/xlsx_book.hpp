#pragma once
// Writing .xlsx files: a thin wrapper over libxlsxwriter in its constant-memory mode (rows go to
// disk as they are written, so a 100,000-row ledger needs a few MB), with the handful of formats
// sanpi's sheets use. libxlsxwriter's types stay in xlsx_book.cpp.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/status.hpp"

namespace sanpi::transfer {

class XlsxBook {
 public:
  // Starts a workbook to be written to `path` on Close().
  explicit XlsxBook(const std::string& path);
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  // Adds a worksheet and makes it the one written to. Rows must be written in ascending order.
  void AddSheet(const std::string& name);
  void Header(int row, int column, std::string_view text);  // bold, shaded, bordered
  void Text(int row, int column, std::string_view text);    // nothing for an empty text
  void Whole(int row, int column, std::int64_t number);
  void Number(int row, int column, double number);  // as given, no format
  // 万元 shown with two decimals; the cell keeps the exact amount (up to four decimals) so that
  // importing the file again gives back every yuan.
  void Wan(int row, int column, core::Yuan yuan);
  void Day(int row, int column, const core::Date& date);  // a real date, shown YYYY-MM-DD
  void ColumnWidth(int column, double width);
  void FreezeHeader(int header_rows);
  void AutoFilter(int header_row, int last_row, int last_column);
  // A drop-down list on rows first_row…last_row of a column.
  void ListValidation(int column, int first_row, int last_row, const std::vector<std::string>& values);
  // Writes the file; Internal when libxlsxwriter fails (disk full, unwritable path).
  core::Status Close();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// A file in the temporary folder, removed when destroyed: where an export is written before its
// bytes are sent.
class TempFile {
 public:
  TempFile();
  ~TempFile();
  const std::string& path() const { return path_; }
  // The whole file; empty when unreadable.
  std::string Read() const;

 private:
  std::string path_;
};

}  // namespace sanpi::transfer
