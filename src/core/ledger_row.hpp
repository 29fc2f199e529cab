#pragma once
// One data row of a ledger sheet read into typed values, with a problem for every cell that does
// not read (a date that is no date, 万元 with a fraction of a yuan, an unknown stage …). Whether the
// values fit together and with the zone's records is ledger_plan.hpp's business.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/import_problem.hpp"
#include "core/ledger_columns.hpp"
#include "core/project.hpp"
#include "core/sheet_values.hpp"

namespace sanpi::core {

// Where the columns of one sheet are: the header row and each column's header as written there
// (empty when the sheet has no such column), plus the headers nobody knows.
struct LedgerSheetLayout {
  std::string sheet;
  int header_row = 0;
  std::array<std::string, kLedgerColumnCount> headers;
  std::array<int, kLedgerColumnCount> positions{};  // 1-based spreadsheet column, 0 when absent
  std::vector<ImportProblem> unknown_headers;          // reported, not blocking

  bool Has(LedgerColumn column) const { return !headers[static_cast<size_t>(column)].empty(); }
  const std::string& Header(LedgerColumn column) const { return headers[static_cast<size_t>(column)]; }
};

// Recognises a header row: every header known (MatchLedgerHeader) is placed, unknown ones are
// listed, a column named twice is a problem. `cells` are (spreadsheet column, header text).
// Returns the problems that make the sheet unreadable (no 项目名称 column, a duplicate column).
std::vector<ImportProblem> ReadLedgerHeader(LedgerSheetLayout& layout,
                                            const std::vector<std::pair<int, std::string>>& cells);

// Cells of one row by column (blank where the sheet has no such column).
using LedgerCells = std::array<SheetCell, kLedgerColumnCount>;

// Typed values; nullopt / "" for a blank cell, an absent column or a cell that did not read (then
// `problems` says why).
struct LedgerRow {
  int number = 0;
  std::string code, name, enterprise, uscc, industry, address, content, withdrawal_reason;
  std::string unit, leader, responsible_person, phone;
  std::optional<ProjectKind> kind;
  std::optional<Yuan> total_investment;
  std::optional<Stage> stage;
  std::optional<Date> signed_on, fulfilled_on, started_on, producing_on, effective_on, withdrawn_on;
  std::optional<bool> in_stats_db;
  std::optional<Date> in_stats_db_on;
  std::optional<int> period;
  std::optional<Batch> batch;
  std::optional<int> year;
  std::optional<Yuan> year_planned_investment;
  std::optional<Date> planned_start_date, planned_production_date;
  std::vector<ImportProblem> problems;
};

LedgerRow ParseLedgerRow(const LedgerSheetLayout& layout, int number, const LedgerCells& cells);

}  // namespace sanpi::core
