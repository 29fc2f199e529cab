#pragma once
// The monthly report sheet (月报) import: read and check every row (core/monthly_report_sheet.hpp)
// and find each row's project among those the caller can see — by 项目代码, else by unique name —
// then file each row as that project's report of the month through MonthlyReportRepository: the
// working figures saved and submitted, with the same cumulative check as a report typed in.
#include <cstdint>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/import_problem.hpp"
#include "core/monthly_report_sheet.hpp"
#include "storage/database.hpp"

namespace sanpi::transfer {

struct MonthlyReportLine {
  std::int64_t project_id = 0;
  core::MonthlyReportRow row;
};

struct MonthlyReportCheck {
  std::string sheet;
  std::vector<MonthlyReportLine> lines;        // rows without problems, with their project
  std::vector<core::ImportProblem> problems;   // sheet and row problems, in order
  std::vector<core::ImportProblem> warnings;   // unknown headers
};

// Malformed/TooLarge when the bytes are not a usable .xlsx. Duplicate (project, year, month) rows
// are problems.
core::Result<MonthlyReportCheck> CheckMonthlyReportSheet(storage::Transaction& tx, const core::Principal& caller,
                                                         std::string bytes);

struct StoredReports {
  int submitted = 0;  // reports created or revised and submitted
  int unchanged = 0;  // already submitted with the same figures (importing a file twice changes nothing)
};

// Files checked lines in `tx`, oldest month first per project: a report still in draft or returned takes
// the row's figures (形象进度百分比 and 存在问题 are kept) and is submitted. RuleBroken naming the sheet
// row when a report already submitted or accepted shows other figures (a correction goes through the
// office), Invalid naming the row when the cumulative check fails. The caller rolls back on any failure.
core::Result<StoredReports> StoreMonthlyReports(storage::Transaction& tx, const core::Principal& caller,
                                                const std::vector<MonthlyReportLine>& lines);

struct MonthlyReportImport {
  MonthlyReportCheck check;
  bool committed = false;
  StoredReports stored;
  std::vector<core::ImportProblem> store_problems;  // why the commit was refused, with the sheet row
};
// Dry run: the check alone. Commit: nothing unless every row is valid, then all rows in one transaction.
core::Result<MonthlyReportImport> ImportMonthlyReports(storage::Database& db, const core::Principal& caller,
                                                       std::string bytes, bool commit);

}  // namespace sanpi::transfer
