#pragma once
// Reading an .xlsx workbook: sheets in workbook order, their rows and present cells, merged
// ranges. The zip and XML libraries stay behind this header; see src/excel/README.md for what is
// read and the limits (limits.hpp) that keep hostile files harmless.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "excel/cell.hpp"
#include "excel/date_serial.hpp"

namespace sanpi::excel {

// One row that holds at least one non-empty cell; rows and cells absent from the file are empty.
struct Row {
  std::uint32_t number = 0;  // 1-based, as the user sees it
  std::vector<Cell> cells;   // ascending by column, empty cells left out

  // nullptr when the cell is empty.
  const Cell* Find(std::uint32_t column) const;
};

// A rectangle such as A1:C1, inclusive.
struct CellRange {
  CellPosition first;
  CellPosition last;

  bool Contains(std::uint32_t row, std::uint32_t column) const {
    return row >= first.row && row <= last.row && column >= first.column && column <= last.column;
  }
  std::string ToString() const;  // "A1:C1"
};

// A whole sheet in memory.
struct Sheet {
  std::string name;
  std::vector<Row> rows;          // ascending by row number
  std::vector<CellRange> merges;  // merged ranges, in file order

  // nullptr when the cell is empty.
  const Cell* Find(std::uint32_t row, std::uint32_t column) const;
  // What the user sees at (row, column): the cell's own value, or for a cell covered by a merged
  // range, the value of the range's top-left cell (how a merged header spans its columns).
  // A reference to an empty value when there is none.
  const CellValue& Shown(std::uint32_t row, std::uint32_t column) const;
};

struct SheetInfo {
  std::string name;
  bool hidden = false;  // state="hidden" or "veryHidden"
};

class Workbook {
 public:
  // Opens a workbook from a file / from its bytes. Reads the workbook structure, the shared
  // strings and the styles; sheets are read on demand. NotFound when the file is absent,
  // Malformed when it is not a readable .xlsx (not a zip, truncated, missing parts, bad XML),
  // TooLarge when a limit in limits.hpp is broken (zip bomb, too many strings …).
  static core::Result<Workbook> OpenFile(const std::string& path);
  static core::Result<Workbook> FromBytes(std::string bytes);

  Workbook(Workbook&&) noexcept;
  Workbook& operator=(Workbook&&) noexcept;
  ~Workbook();

  // Worksheets in workbook (tab) order; chart sheets are left out.
  const std::vector<SheetInfo>& sheets() const;
  DateSystem date_system() const;
  // Index of the sheet with this name (exact, else ignoring ASCII case, as Excel does).
  std::optional<std::size_t> FindSheet(std::string_view name) const;

  // Streams the sheet's non-empty rows in file order without keeping them: memory stays bounded
  // whatever the sheet's size. Stops at the first non-ok Status from `visit` and returns it.
  // `merges`, when given, receives the merged ranges (they follow the rows in the file).
  // Errors name the sheet, row and column. The sheet is inflated and parsed on two other threads
  // while `visit` runs on the caller's, a bounded number of rows behind; they have ended when this
  // returns or throws. Not thread-safe (one reader per Workbook at a time): `visit` must not read
  // this Workbook again (Internal if it tries).
  using RowVisitor = std::function<core::Status(const Row&)>;
  core::Status ForEachRow(std::size_t sheet, const RowVisitor& visit, std::vector<CellRange>* merges = nullptr);

  // The whole sheet in memory (rows sorted by number); NotFound for an unknown name or index.
  core::Result<Sheet> ReadSheet(std::size_t sheet);
  core::Result<Sheet> ReadSheet(std::string_view name);

 private:
  struct State;
  explicit Workbook(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace sanpi::excel
