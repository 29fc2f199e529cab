#pragma once
// Streams one worksheet part (xl/worksheets/sheetN.xml) into rows of typed cells: shared and
// inline strings, numbers, booleans, errors, formulas' cached values, dates by cell style, and
// the merged ranges. Internal to src/excel.
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "excel/byte_source.hpp"
#include "excel/date_serial.hpp"
#include "excel/date_styles.hpp"
#include "excel/shared_strings.hpp"
#include "excel/workbook.hpp"

namespace sanpi::excel {

struct SheetContext {
  std::string_view name;  // as the user sees it, for error messages
  std::string_view part;  // the zip part, for XML error messages
  const SharedStrings& strings;
  const DateStyles& styles;
  DateSystem date_system;
};

// Calls `visit` for each row with a non-empty cell, in file order; appends merged ranges to
// `merges`. Malformed (with sheet, row and column) on a bad cell, TooLarge past a limit.
core::Status ReadSheetXml(ByteSource& source, const SheetContext& context, const Workbook::RowVisitor& visit,
                          std::vector<CellRange>& merges);

}  // namespace sanpi::excel
