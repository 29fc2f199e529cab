#pragma once
// The spreadsheet adapter of the ledger import: finds the ledger sheet of an .xlsx workbook (the
// first visible sheet with a 项目名称 header within its first rows), reads its header and streams its
// rows into core::LedgerRow values. Nothing of src/excel leaves this file.
#include <functional>
#include <string>
#include <vector>

#include "core/import_problem.hpp"
#include "core/ledger_row.hpp"
#include "core/monthly_report_sheet.hpp"
#include "core/status.hpp"

namespace sanpi::transfer {

// How far down a sheet its header row may be (title rows above it are common).
inline constexpr int kMaxHeaderRow = 20;
// More data rows than this is not a ledger but a mistake; the import refuses the file.
inline constexpr int kMaxLedgerRows = 200'000;

struct LedgerSheet {
  core::LedgerSheetLayout layout;
  std::vector<core::LedgerRow> rows;
  std::vector<core::ImportProblem> problems;  // the file or header is unusable: nothing is imported
};

// Malformed / TooLarge when the bytes are not a readable .xlsx (the reader's message, which names
// the sheet, row and column where it applies).
core::Result<LedgerSheet> ReadLedgerSheet(std::string bytes);
core::Result<LedgerSheet> ReadLedgerFile(const std::string& path);

// The same, handing each row on as it is read (the sheet returned has no rows): `header_read` sees the
// sheet once its header is read (layout and header problems), then `keep` every data row in order. An
// error from `keep` stops the reading and is returned.
using LedgerHeaderSink = std::function<void(const LedgerSheet&)>;
using LedgerRowSink = std::function<core::Status(core::LedgerRow)>;
core::Result<LedgerSheet> StreamLedgerSheet(std::string bytes, const LedgerHeaderSink& header_read,
                                            const LedgerRowSink& keep);
core::Result<LedgerSheet> StreamLedgerFile(const std::string& path, const LedgerHeaderSink& header_read,
                                           const LedgerRowSink& keep);

struct ReportSheet {
  core::ReportSheetLayout layout;
  std::vector<core::MonthlyReportRow> rows;
  std::vector<core::ImportProblem> problems;
};

// The same for a monthly report sheet (the first sheet with 本月完成投资 in its header).
core::Result<ReportSheet> ReadReportSheet(std::string bytes);

}  // namespace sanpi::transfer
