#include "transfer/monthly_report_import.hpp"

#include <set>
#include <tuple>
#include <unordered_map>

#include "storage/project_repository.hpp"
#include "transfer/ledger_sheet.hpp"

namespace sanpi::transfer {

core::Result<MonthlyReportCheck> CheckMonthlyReportSheet(storage::Transaction& tx, const core::Principal& caller,
                                                         std::string bytes) {
  auto sheet = ReadReportSheet(std::move(bytes));
  if (!sheet.ok()) return sheet.status();
  MonthlyReportCheck check;
  check.sheet = sheet->layout.sheet;
  check.problems = sheet->problems;
  check.warnings = sheet->layout.unknown_headers;
  if (!check.problems.empty()) return check;

  std::unordered_map<std::string, std::int64_t> by_code;
  std::unordered_map<std::string, std::vector<std::int64_t>> by_name;
  storage::Params params{caller.region_code};
  std::string visible = storage::ProjectRepository::VisibleTo(caller, params);
  for (auto row : tx.Query("SELECT t.id, t.code, t.name FROM projects t WHERE t.region_code = $1 AND " + visible, params)) {
    if (!row.Text(1).empty()) by_code[row.Text(1)] = row.Int(0);
    by_name[row.Text(2)].push_back(row.Int(0));
  }
  std::set<std::tuple<std::int64_t, int, int>> seen;
  for (auto& row : sheet->rows) {
    auto problem = [&](core::ReportColumn column, std::string value, core::Text reason) {
      std::string header = sheet->layout.Has(column) ? sheet->layout.Header(column) : std::string(core::ReportHeader(column));
      row.problems.push_back({check.sheet, row.number, header, std::move(value), std::move(reason)});
    };
    std::int64_t project_id = 0;
    if (!row.code.empty()) {
      if (auto it = by_code.find(row.code); it != by_code.end()) project_id = it->second;
      else problem(core::ReportColumn::kCode, row.code, {"没有这个项目代码（或不在您的管辖范围内）", "no project with this code in your scope"});
    } else if (!row.name.empty()) {
      auto it = by_name.find(row.name);
      if (it == by_name.end()) {
        problem(core::ReportColumn::kName, row.name, {"没有这个项目（或不在您的管辖范围内）", "no such project in your scope"});
      } else if (it->second.size() > 1) {
        problem(core::ReportColumn::kName, row.name, {"同名项目不止一个，请填写项目代码", "several projects have this name; give the code"});
      } else {
        project_id = it->second.front();
      }
    }
    if (project_id != 0 && row.problems.empty() && !seen.emplace(project_id, row.year, row.month).second) {
      problem(core::ReportColumn::kMonth, std::to_string(row.month),
              {"同一项目同一月份出现多次", "the same project and month appear more than once"});
    }
    if (!row.problems.empty()) {
      check.problems.insert(check.problems.end(), row.problems.begin(), row.problems.end());
      continue;
    }
    check.lines.push_back({project_id, std::move(row)});
  }
  return check;
}

core::Status StoreMonthlyReports(storage::Transaction& tx, const core::Principal& caller,
                                 const std::vector<MonthlyReportLine>& lines) {
  // Plugs into MonthlyReportRepository (src/storage, being built with the plans-and-reports work):
  // for each line, create or revise the report of (project_id, row.year, row.month) with
  // completed_this_month, cumulative and progress_text, audited, then BumpRegionRevision.
  return core::Status::RuleBroken({"月报导入的保存功能尚未开放（待月报模块上线）",
                                   "storing imported monthly reports is not available yet (waits for the monthly reports module)"});
}

}  // namespace sanpi::transfer
