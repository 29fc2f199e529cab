#include "core/monthly_report_sheet.hpp"

#include "core/ledger_columns.hpp"
#include "core/validation.hpp"

namespace sanpi::core {
namespace {

struct ReportName {
  ReportColumn column;
  std::string_view header;
  std::string_view bare;
};

constexpr std::array<ReportName, kReportColumnCount> kNames = {{
    {ReportColumn::kCode, "项目代码", "项目代码"},
    {ReportColumn::kName, "项目名称", "项目名称"},
    {ReportColumn::kYear, "年", "年"},
    {ReportColumn::kMonth, "月", "月"},
    {ReportColumn::kCompletedThisMonth, "本月完成投资(万元)", "本月完成投资"},
    {ReportColumn::kCumulative, "累计完成投资(万元)", "累计完成投资"},
    {ReportColumn::kProgressText, "形象进度", "形象进度"},
}};

constexpr std::array<std::pair<std::string_view, ReportColumn>, 5> kSynonyms = {{
    {"年份", ReportColumn::kYear},
    {"年度", ReportColumn::kYear},
    {"月份", ReportColumn::kMonth},
    {"当月完成投资", ReportColumn::kCompletedThisMonth},
    {"项目编码", ReportColumn::kCode},
}};

}  // namespace

const std::vector<ReportColumn>& AllReportColumns() {
  static const std::vector<ReportColumn> all = [] {
    std::vector<ReportColumn> out;
    for (const auto& name : kNames) out.push_back(name.column);
    return out;
  }();
  return all;
}

std::string_view ReportHeader(ReportColumn column) { return kNames[static_cast<size_t>(column)].header; }

std::optional<ReportColumn> MatchReportHeader(std::string_view header) {
  std::string bare = NormaliseHeader(header);
  for (const auto& name : kNames)
    if (name.bare == bare) return name.column;
  for (const auto& [synonym, column] : kSynonyms)
    if (synonym == bare) return column;
  return std::nullopt;
}

std::vector<ImportProblem> ReadReportHeader(ReportSheetLayout& layout,
                                            const std::vector<std::pair<int, std::string>>& cells) {
  std::vector<ImportProblem> problems;
  for (const auto& [position, raw] : cells) {
    std::string header = TrimCellText(raw);
    if (header.empty()) continue;
    auto column = MatchReportHeader(header);
    if (!column) {
      layout.unknown_headers.push_back({layout.sheet, layout.header_row, header, header,
                                        {"无法识别的列标题，该列未导入", "unknown column header; the column is ignored"}});
      continue;
    }
    auto index = static_cast<size_t>(*column);
    if (!layout.headers[index].empty()) {
      problems.push_back({layout.sheet, layout.header_row, header, header,
                          {"列标题重复", "the column is named twice"}});
      continue;
    }
    layout.headers[index] = header;
    layout.positions[index] = position;
  }
  if (!layout.Has(ReportColumn::kCode) && !layout.Has(ReportColumn::kName)) {
    problems.push_back({layout.sheet, layout.header_row, "", "",
                        {"须有“项目代码”或“项目名称”列", "the sheet needs a 项目代码 or 项目名称 column"}});
  }
  for (auto column : {ReportColumn::kYear, ReportColumn::kMonth, ReportColumn::kCompletedThisMonth,
                      ReportColumn::kCumulative}) {
    if (!layout.Has(column)) {
      std::string header(ReportHeader(column));
      problems.push_back({layout.sheet, layout.header_row, "", "", {"缺少“" + header + "”列", "the sheet has no " + header + " column"}});
    }
  }
  return problems;
}

MonthlyReportRow ParseMonthlyReportRow(const ReportSheetLayout& layout, int number,
                                       const std::array<SheetCell, kReportColumnCount>& cells) {
  MonthlyReportRow row;
  row.number = number;
  auto cell = [&](ReportColumn column) -> const SheetCell& { return cells[static_cast<size_t>(column)]; };
  auto problem = [&](ReportColumn column, Text reason) {
    std::string header = layout.Has(column) ? layout.Header(column) : std::string(ReportHeader(column));
    row.problems.push_back({layout.sheet, number, header, cell(column).text, std::move(reason)});
  };
  row.code = TrimCellText(cell(ReportColumn::kCode).text);
  row.name = TrimCellText(cell(ReportColumn::kName).text);
  if (row.code.empty() && row.name.empty()) {
    problem(layout.Has(ReportColumn::kCode) ? ReportColumn::kCode : ReportColumn::kName,
            {"须填写项目代码或项目名称", "give the project code or the project name"});
  }
  auto whole = [&](ReportColumn column, int min, int max, Text why) {
    auto value = ParseWholeNumber(cell(column).text);
    if (!value || *value < min || *value > max) {
      problem(column, std::move(why));
      return 0;
    }
    return static_cast<int>(*value);
  };
  row.year = whole(ReportColumn::kYear, 2000, 2099, {"年应为2000至2099的整数", "the year must be a whole number 2000 to 2099"});
  row.month = whole(ReportColumn::kMonth, 1, 12, {"月应为1至12的整数", "the month must be a whole number 1 to 12"});
  auto amount = [&](ReportColumn column, Yuan& out) {
    const SheetCell& c = cell(column);
    auto yuan = c.blank() || c.date ? std::nullopt : ParseWanCell(c.text);
    if (!yuan) {
      problem(column, {"应为以万元计的数字，最多4位小数（精确到元）", "must be an amount in 万元 with at most 4 decimals (whole yuan)"});
      return false;
    }
    if (*yuan < 0) {
      problem(column, {"金额不能为负", "an amount cannot be negative"});
      return false;
    }
    out = *yuan;
    return true;
  };
  bool this_month = amount(ReportColumn::kCompletedThisMonth, row.completed_this_month);
  bool cumulative = amount(ReportColumn::kCumulative, row.cumulative);
  if (this_month && cumulative && row.cumulative < row.completed_this_month) {
    problem(ReportColumn::kCumulative, {"累计完成投资不能小于本月完成投资", "the cumulative figure cannot be below this month's"});
  }
  row.progress_text = TrimCellText(cell(ReportColumn::kProgressText).text);
  if (long length = Utf8Length(row.progress_text); length < 0 || length > kMaxProgressTextChars) {
    problem(ReportColumn::kProgressText, {"形象进度不超过500字", "the progress text is at most 500 characters"});
  }
  return row;
}

}  // namespace sanpi::core
