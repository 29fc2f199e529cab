#include "transfer/ledger_sheet.hpp"

#include <optional>

#include "excel/workbook.hpp"

namespace sanpi::transfer {
namespace {

core::SheetCell ToSheetCell(const excel::CellValue& value) {
  core::SheetCell cell;
  if (const auto* date = std::get_if<core::Date>(&value)) {
    cell.date = *date;
    cell.text = date->ToString();
  } else if (std::holds_alternative<double>(value)) {
    cell.numeric = true;
    cell.text = excel::AsDecimalString(value).value_or(excel::AsText(value));
  } else {
    cell.text = excel::AsText(value);
  }
  return cell;
}

// Streams every visible sheet until one has a header `Layout` accepts, then reads its rows.
// `accept(cells)` returns true when the row is the header; `row(number, excel row)` handles data.
template <class IsHeader, class OnHeader, class OnRow>
core::Result<bool> StreamFirstMatchingSheet(excel::Workbook& workbook, IsHeader is_header, OnHeader on_header,
                                            OnRow on_row) {
  const core::Status kNotThisSheet = core::Status::NotFound({"", ""});
  for (size_t index = 0; index < workbook.sheets().size(); ++index) {
    const auto& info = workbook.sheets()[index];
    if (info.hidden) continue;
    bool found = false;
    int seen = 0;
    core::Status status = workbook.ForEachRow(index, [&](const excel::Row& row) -> core::Status {
      if (found) return on_row(row);
      if (++seen > kMaxHeaderRow) return kNotThisSheet;
      std::vector<std::pair<int, std::string>> cells;
      for (const auto& cell : row.cells) cells.emplace_back(static_cast<int>(cell.column), excel::AsText(cell.value));
      if (!is_header(cells)) return core::Status::Ok();
      found = true;
      on_header(info.name, static_cast<int>(row.number), cells);
      return core::Status::Ok();
    });
    if (found) {
      if (!status.ok()) return status;
      return true;
    }
    if (!status.ok() && status.code() != core::Code::kNotFound) return status;
  }
  return false;
}

core::Status TooManyRows() {
  return core::Status::TooLarge({"台账超过" + std::to_string(kMaxLedgerRows) + "行，请拆分后导入",
                                 "the sheet has more than " + std::to_string(kMaxLedgerRows) + " rows; split it"});
}

// Reads the first visible sheet whose header row holds a column `is_key` recognises into `sheet`: the
// header through `read_header`, then every row with a value (outside `ignored_column`, e.g. a 序号 that
// template lines carry) as cells in the layout's column order, parsed by `parse`. False when no sheet
// has such a header. Each parsed row goes to `keep`, which may refuse the rest with an error;
// `header_read(sheet)` runs once the header is.
template <class Sheet, class Cells, class IsKey, class ReadHeader, class Parse, class HeaderRead, class Keep>
core::Result<bool> ReadFirstMatchingSheet(excel::Workbook& workbook, Sheet& sheet, Cells& cells, IsKey is_key,
                                          ReadHeader read_header, size_t ignored_column, Parse parse,
                                          HeaderRead header_read, Keep keep) {
  std::vector<int> column_at;  // spreadsheet column → column index + 1, 0 when not one of ours
  int rows = 0;
  auto is_header = [&](const std::vector<std::pair<int, std::string>>& row) {
    for (const auto& [position, text] : row)
      if (is_key(text)) return true;
    return false;
  };
  auto on_header = [&](const std::string& name, int number, const std::vector<std::pair<int, std::string>>& row) {
    sheet.layout.sheet = name;
    sheet.layout.header_row = number;
    sheet.problems = read_header(sheet.layout, row);
    for (size_t c = 0; c < cells.size(); ++c) {
      int position = sheet.layout.positions[c];
      if (position <= 0) continue;
      if (column_at.size() <= static_cast<size_t>(position)) column_at.resize(position + 1, 0);
      column_at[position] = static_cast<int>(c) + 1;
    }
    header_read(sheet);
  };
  auto on_row = [&](const excel::Row& row) -> core::Status {
    for (auto& cell : cells) cell = core::SheetCell{};
    bool any = false;
    for (const auto& cell : row.cells) {
      if (cell.column >= column_at.size() || column_at[cell.column] == 0) continue;
      auto column = static_cast<size_t>(column_at[cell.column] - 1);
      cells[column] = ToSheetCell(cell.value);
      if (column != ignored_column && !cells[column].blank()) any = true;
    }
    if (!any) return core::Status::Ok();  // an empty or numbered-but-empty line
    if (++rows > kMaxLedgerRows) return TooManyRows();
    return keep(parse(sheet.layout, static_cast<int>(row.number), cells));
  };
  return StreamFirstMatchingSheet(workbook, is_header, on_header, on_row);
}

core::Result<LedgerSheet> StreamLedger(core::Result<excel::Workbook> opened, const LedgerHeaderSink& header_read,
                                       const LedgerRowSink& keep) {
  if (!opened.ok()) return opened.status();
  LedgerSheet sheet;
  core::LedgerCells cells;
  auto found = ReadFirstMatchingSheet(
      *opened, sheet, cells, [](const std::string& text) { return core::MatchLedgerHeader(text) == core::LedgerColumn::kName; },
      core::ReadLedgerHeader, static_cast<size_t>(core::LedgerColumn::kSequence), core::ParseLedgerRow, header_read,
      keep);
  if (!found.ok()) return found.status();
  if (!*found) {
    sheet.problems.push_back({"", 0, "", "",
                              {"没有找到台账表头：前" + std::to_string(kMaxHeaderRow) + "行中须有“项目名称”列",
                               "no ledger header found: a 项目名称 column must be within the first " +
                                   std::to_string(kMaxHeaderRow) + " rows of a visible sheet"}});
  }
  return sheet;
}

core::Result<LedgerSheet> ReadLedger(core::Result<excel::Workbook> opened) {
  std::vector<core::LedgerRow> rows;
  auto sheet = StreamLedger(std::move(opened), [](const LedgerSheet&) {}, [&rows](core::LedgerRow row) {
    rows.push_back(std::move(row));
    return core::Status::Ok();
  });
  if (sheet.ok()) sheet->rows = std::move(rows);
  return sheet;
}

}  // namespace

core::Result<LedgerSheet> ReadLedgerSheet(std::string bytes) { return ReadLedger(excel::Workbook::FromBytes(std::move(bytes))); }
core::Result<LedgerSheet> ReadLedgerFile(const std::string& path) { return ReadLedger(excel::Workbook::OpenFile(path)); }

core::Result<LedgerSheet> StreamLedgerSheet(std::string bytes, const LedgerHeaderSink& header_read,
                                            const LedgerRowSink& keep) {
  return StreamLedger(excel::Workbook::FromBytes(std::move(bytes)), header_read, keep);
}
core::Result<LedgerSheet> StreamLedgerFile(const std::string& path, const LedgerHeaderSink& header_read,
                                           const LedgerRowSink& keep) {
  return StreamLedger(excel::Workbook::OpenFile(path), header_read, keep);
}

core::Result<ReportSheet> ReadReportSheet(std::string bytes) {
  auto opened = excel::Workbook::FromBytes(std::move(bytes));
  if (!opened.ok()) return opened.status();
  ReportSheet sheet;
  std::array<core::SheetCell, core::kReportColumnCount> cells;
  auto found = ReadFirstMatchingSheet(
      *opened, sheet, cells,
      [](const std::string& text) { return core::MatchReportHeader(text) == core::ReportColumn::kCompletedThisMonth; },
      core::ReadReportHeader, cells.size(), core::ParseMonthlyReportRow, [](const ReportSheet&) {},
      [&sheet](core::MonthlyReportRow row) {
        sheet.rows.push_back(std::move(row));
        return core::Status::Ok();
      });
  if (!found.ok()) return found.status();
  if (!*found) {
    sheet.problems.push_back({"", 0, "", "", {"没有找到月报表头（须有“本月完成投资”列）",
                                              "no monthly report header found (a 本月完成投资 column)"}});
  }
  return sheet;
}

}  // namespace sanpi::transfer
