#pragma once
// The monthly report sheet (月报, domain.md "Ledger spreadsheet"): 项目代码 or 项目名称, 年, 月,
// 本月完成投资(万元), 累计完成投资(万元), 形象进度 — its headers and the reading of one row. Storing
// the rows belongs to the monthly reports' repository (see transfer/monthly_report_import.hpp).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/import_problem.hpp"
#include "core/money.hpp"
#include "core/monthly_report.hpp"  // kMaxProgressTextChars
#include "core/sheet_values.hpp"

namespace sanpi::core {

enum class ReportColumn { kCode, kName, kYear, kMonth, kCompletedThisMonth, kCumulative, kProgressText };
inline constexpr std::size_t kReportColumnCount = 7;

const std::vector<ReportColumn>& AllReportColumns();
std::string_view ReportHeader(ReportColumn column);  // "本月完成投资(万元)"
// Through NormaliseHeader (brackets, spaces, "*"); also 年份, 月份, 完成投资.
std::optional<ReportColumn> MatchReportHeader(std::string_view header);

struct ReportSheetLayout {
  std::string sheet;
  int header_row = 0;
  std::array<std::string, kReportColumnCount> headers;
  std::array<int, kReportColumnCount> positions{};
  std::vector<ImportProblem> unknown_headers;

  bool Has(ReportColumn column) const { return !headers[static_cast<size_t>(column)].empty(); }
  const std::string& Header(ReportColumn column) const { return headers[static_cast<size_t>(column)]; }
};

// Places the known headers; problems when 项目代码 and 项目名称 are both missing, or 年, 月 or either
// amount column is, or a column is named twice.
std::vector<ImportProblem> ReadReportHeader(ReportSheetLayout& layout,
                                            const std::vector<std::pair<int, std::string>>& cells);

struct MonthlyReportRow {
  int number = 0;
  std::string code, name;
  int year = 0;
  int month = 0;
  Yuan completed_this_month = 0;
  Yuan cumulative = 0;
  std::string progress_text;  // 形象进度
  std::vector<ImportProblem> problems;
};

// Every cell checked: the project named by code or name; year 2000–2099; month 1–12; amounts in 万元
// (at most 4 decimals, not negative); 累计 not below 本月; 形象进度 at most 500 characters.
MonthlyReportRow ParseMonthlyReportRow(const ReportSheetLayout& layout, int number,
                                       const std::array<SheetCell, kReportColumnCount>& cells);

}  // namespace sanpi::core
