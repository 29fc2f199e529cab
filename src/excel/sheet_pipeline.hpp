#pragma once
// Reading a sheet on two cores: a parsing thread turns the part into rows (with a thread of its own
// inflating the part ahead of it, read_ahead_source.hpp) while the caller's thread runs `visit` on
// the rows already parsed. On a 100,000-row ledger parsing is about half the work, the visitor (an
// importer turning cells into domain rows) a third and inflating the rest, so spread this way they
// overlap instead of taking turns. Internal to src/excel.
#include <vector>

#include "core/status.hpp"
#include "excel/byte_source.hpp"
#include "excel/sheet_reader.hpp"
#include "excel/workbook.hpp"

namespace sanpi::excel {

// The contract of ReadSheetXml, kept whole: the same rows in the same order, all of them on the
// caller's thread; the same Status values, those of the parse arriving after the rows before the
// fault; the first non-ok Status from `visit` stops the read and is returned as it is; an exception
// from `visit` or from the parse reaches the caller. Rows and chunks wait in bounded queues, so
// memory stays bounded (limits.hpp). The threads are stopped and joined before this returns or
// throws: none outlives the call. `source` and `context` must not be touched by `visit` (the other
// threads use them); when no thread can be started it reads on the caller's thread alone.
core::Status ReadSheetXmlInBackground(ByteSource& source, const SheetContext& context,
                                      const Workbook::RowVisitor& visit, std::vector<CellRange>& merges);

}  // namespace sanpi::excel
