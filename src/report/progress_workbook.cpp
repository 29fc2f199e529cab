#include "report/progress_workbook.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <vector>

#include "core/money.hpp"
#include "transfer/xlsx_book.hpp"

namespace sanpi::report {
namespace {

const std::vector<std::string>& FigureHeaders() {
  static const std::vector<std::string> headers = {
      "项目数",          "年度计划(万元)",  "当月计划(万元)", "当月完成(万元)", "当月完成率",
      "累计计划(万元)", "累计完成(万元)", "累计完成率",     "年度完成率",     "序时进度",
      "应报月报",       "按时报送",       "报送及时率"};
  return headers;
}

std::string Percent(const std::optional<double>& rate) {
  if (!rate) return "—";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", *rate * 100.0);
  return text;
}

}  // namespace

std::string DimensionHeader(storage::ProgressDimension by) {
  switch (by) {
    case storage::ProgressDimension::kUnit: return "责任单位";
    case storage::ProgressDimension::kIndustry: return "产业领域";
    case storage::ProgressDimension::kBatch: return "批次";
    case storage::ProgressDimension::kPeriod: return "期次";
    case storage::ProgressDimension::kRegion: return "区域";
  }
  return "";
}

std::string ProgressTitle(const storage::ProgressTable& table) {
  std::string months = table.month <= 1 ? "1月" : "1-" + std::to_string(table.month) + "月";
  return std::to_string(table.year) + "年" + months + "重点项目投资进度（按" + DimensionHeader(table.by) + "）";
}

core::Result<std::string> ProgressWorkbook(const storage::ProgressTable& table) {
  const core::Status failed = core::Status::Internal({"生成 Excel 文件失败", "could not write the Excel file"});
  transfer::TempFile file;  // written there, then sent as bytes
  lxw_workbook* book = workbook_new(file.path().c_str());
  if (!book) return failed;
  lxw_worksheet* sheet = workbook_add_worksheet(book, "投资进度");
  lxw_format* title = workbook_add_format(book);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_bg_color(header, 0xDDEBF7);
  lxw_format* money = workbook_add_format(book);
  format_set_num_format(money, "#,##0.00");
  format_set_border(money, LXW_BORDER_THIN);
  lxw_format* rate = workbook_add_format(book);
  format_set_num_format(rate, "0.0%");
  format_set_border(rate, LXW_BORDER_THIN);
  lxw_format* count = workbook_add_format(book);
  format_set_border(count, LXW_BORDER_THIN);
  lxw_format* bold_money = workbook_add_format(book);
  format_set_num_format(bold_money, "#,##0.00");
  format_set_bold(bold_money);
  format_set_border(bold_money, LXW_BORDER_THIN);

  worksheet_write_string(sheet, 0, 0, ProgressTitle(table).c_str(), title);
  const lxw_row_t header_row = 1;
  worksheet_write_string(sheet, header_row, 0, DimensionHeader(table.by).c_str(), header);
  const auto& headers = FigureHeaders();
  for (size_t c = 0; c < headers.size(); ++c)
    worksheet_write_string(sheet, header_row, static_cast<lxw_col_t>(c + 1), headers[c].c_str(), header);
  worksheet_set_row(sheet, header_row, 32, nullptr);
  worksheet_set_column(sheet, 0, 0, 24, nullptr);
  worksheet_set_column(sheet, 1, static_cast<lxw_col_t>(headers.size()), 13, nullptr);
  worksheet_freeze_panes(sheet, header_row + 1, 1);

  auto write_row = [&](lxw_row_t r, const std::string& label, const core::ProgressSummary& s, bool total) {
    lxw_format* m = total ? bold_money : money;
    auto wan = [](core::Yuan yuan) { return static_cast<double>(yuan) / static_cast<double>(core::kYuanPerWan); };
    auto put_rate = [&](lxw_col_t c, const std::optional<double>& value) {
      if (value) worksheet_write_number(sheet, r, c, *value, rate);
      else worksheet_write_string(sheet, r, c, "—", count);
    };
    worksheet_write_string(sheet, r, 0, label.c_str(), total ? header : count);
    worksheet_write_number(sheet, r, 1, s.projects, count);
    worksheet_write_number(sheet, r, 2, wan(s.planned_year), m);
    worksheet_write_number(sheet, r, 3, wan(s.planned_month), m);
    worksheet_write_number(sheet, r, 4, wan(s.completed_month), m);
    put_rate(5, s.MonthRate());
    worksheet_write_number(sheet, r, 6, wan(s.planned_to_date), m);
    worksheet_write_number(sheet, r, 7, wan(s.completed_to_date), m);
    put_rate(8, s.YearToDateRate());
    put_rate(9, s.YearRate());
    put_rate(10, s.TimeProgress());
    worksheet_write_number(sheet, r, 11, s.reports_due, count);
    worksheet_write_number(sheet, r, 12, s.reports_on_time, count);
    put_rate(13, s.OnTimeRate());
  };
  lxw_row_t r = header_row + 1;
  for (size_t i = 0; i < table.rows.size(); ++i) write_row(r++, table.labels[i], table.rows[i], false);
  write_row(r, "合计", table.total, true);
  worksheet_autofilter(sheet, header_row, 0, r - 1, static_cast<lxw_col_t>(headers.size()));
  if (workbook_close(book) != LXW_NO_ERROR) return failed;
  return file.Read();
}

std::string ProgressText(const storage::ProgressTable& table) {
  std::string out = ProgressTitle(table) + "\n" + DimensionHeader(table.by);
  for (const auto& h : FigureHeaders()) out += "\t" + h;
  out += "\n";
  auto line = [&](const std::string& label, const core::ProgressSummary& s) {
    out += label + "\t" + std::to_string(s.projects) + "\t" + core::FormatWan(s.planned_year) + "\t" +
           core::FormatWan(s.planned_month) + "\t" + core::FormatWan(s.completed_month) + "\t" + Percent(s.MonthRate()) +
           "\t" + core::FormatWan(s.planned_to_date) + "\t" + core::FormatWan(s.completed_to_date) + "\t" +
           Percent(s.YearToDateRate()) + "\t" + Percent(s.YearRate()) + "\t" + Percent(s.TimeProgress()) + "\t" +
           std::to_string(s.reports_due) + "\t" + std::to_string(s.reports_on_time) + "\t" + Percent(s.OnTimeRate()) +
           "\n";
  };
  for (size_t i = 0; i < table.rows.size(); ++i) line(table.labels[i], table.rows[i]);
  line("合计", table.total);
  return out;
}

}  // namespace sanpi::report
