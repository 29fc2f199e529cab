#pragma once
// Streams one worksheet part (xl/worksheets/sheetN.xml) into rows of typed cells: shared and
// inline strings, numbers, booleans, errors, formulas' cached values, dates by cell style, and
// the merged ranges. Internal to src/excel.
#include <functional>
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

// Takes each parsed row. It may move the row's cells away (the parser starts the next row afresh),
// which is how rows leave for another thread without copying their text; a non-ok Status stops
// the parse and is returned as it is.
using RowSink = std::function<core::Status(Row& row)>;

// Calls `sink` for each row with a non-empty cell, in file order; appends merged ranges to
// `merges`. Malformed (with sheet, row and column) on a bad cell, TooLarge past a limit.
// Runs on the calling thread; see sheet_pipeline.hpp for the two-thread reading.
core::Status ReadSheetXml(ByteSource& source, const SheetContext& context, const RowSink& sink,
                          std::vector<CellRange>& merges);

}  // namespace sanpi::excel
