#pragma once
// The monthly report sheet (月报) import: read and check every row (core/monthly_report_sheet.hpp)
// and find each row's project among those the caller can see — by 项目代码, else by unique name.
// Storing the figures on each project and month belongs to the monthly reports' repository, which
// is being built alongside: StoreMonthlyReports is where it plugs in.
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

// Stores checked lines in `tx` (one report per project and month, created or revised). Until the
// MonthlyReportRepository lands this returns RuleBroken and writes nothing; it is the one function
// to fill in then.
core::Status StoreMonthlyReports(storage::Transaction& tx, const core::Principal& caller,
                                 const std::vector<MonthlyReportLine>& lines);

}  // namespace sanpi::transfer
