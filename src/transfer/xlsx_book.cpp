#include "transfer/xlsx_book.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sanpi::transfer {

struct XlsxBook::State {
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* sheet = nullptr;
  lxw_format* header = nullptr;
  lxw_format* wan = nullptr;
  lxw_format* day = nullptr;
  std::vector<std::vector<std::string>> lists;  // validation lists must outlive Close()
  bool closed = false;
};

XlsxBook::XlsxBook(const std::string& path) : state_(std::make_unique<State>()) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  state_->workbook = workbook_new_opt(path.c_str(), &options);
  if (!state_->workbook) return;
  state_->header = workbook_add_format(state_->workbook);
  format_set_bold(state_->header);
  format_set_bg_color(state_->header, 0xDDEBF7);
  format_set_border(state_->header, LXW_BORDER_THIN);
  format_set_text_wrap(state_->header);
  format_set_align(state_->header, LXW_ALIGN_VERTICAL_CENTER);
  state_->wan = workbook_add_format(state_->workbook);
  format_set_num_format(state_->wan, "#,##0.00");
  state_->day = workbook_add_format(state_->workbook);
  format_set_num_format(state_->day, "yyyy-mm-dd");
}

XlsxBook::~XlsxBook() {
  if (state_->workbook && !state_->closed) workbook_close(state_->workbook);
}

void XlsxBook::AddSheet(const std::string& name) {
  if (state_->workbook) state_->sheet = workbook_add_worksheet(state_->workbook, name.c_str());
}

void XlsxBook::Header(int row, int column, std::string_view text) {
  if (!state_->sheet) return;
  worksheet_write_string(state_->sheet, row, column, std::string(text).c_str(), state_->header);
}

void XlsxBook::Text(int row, int column, std::string_view text) {
  if (!state_->sheet || text.empty()) return;
  worksheet_write_string(state_->sheet, row, column, std::string(text).c_str(), nullptr);
}

void XlsxBook::Whole(int row, int column, std::int64_t number) {
  if (state_->sheet) worksheet_write_number(state_->sheet, row, column, static_cast<double>(number), nullptr);
}

void XlsxBook::Number(int row, int column, double number) {
  if (state_->sheet) worksheet_write_number(state_->sheet, row, column, number, nullptr);
}

void XlsxBook::Wan(int row, int column, core::Yuan yuan) {
  if (!state_->sheet) return;
  // Through the exact decimal text, so the double is the one nearest to the 万元 figure.
  double value = std::strtod(core::FormatWan(yuan, 4).c_str(), nullptr);
  worksheet_write_number(state_->sheet, row, column, value, state_->wan);
}

void XlsxBook::Day(int row, int column, const core::Date& date) {
  if (!state_->sheet) return;
  lxw_datetime datetime{date.year(), static_cast<uint8_t>(date.month()), static_cast<uint8_t>(date.day()), 0, 0, 0};
  worksheet_write_datetime(state_->sheet, row, column, &datetime, state_->day);
}

void XlsxBook::ColumnWidth(int column, double width) {
  if (state_->sheet) worksheet_set_column(state_->sheet, column, column, width, nullptr);
}

void XlsxBook::FreezeHeader(int header_rows) {
  if (state_->sheet) worksheet_freeze_panes(state_->sheet, header_rows, 0);
}

void XlsxBook::AutoFilter(int header_row, int last_row, int last_column) {
  if (state_->sheet) worksheet_autofilter(state_->sheet, header_row, 0, std::max(last_row, header_row), last_column);
}

void XlsxBook::ListValidation(int column, int first_row, int last_row, const std::vector<std::string>& values) {
  if (!state_->sheet) return;
  state_->lists.push_back(values);
  const auto& kept = state_->lists.back();
  // libxlsxwriter copies the list when the validation is added.
  std::vector<char*> pointers;
  for (const auto& value : kept) pointers.push_back(const_cast<char*>(value.c_str()));
  pointers.push_back(nullptr);
  lxw_data_validation validation{};
  validation.validate = LXW_VALIDATION_TYPE_LIST;
  validation.value_list = pointers.data();
  validation.show_error = LXW_VALIDATION_ON;
  worksheet_data_validation_range(state_->sheet, first_row, column, last_row, column, &validation);
}

core::Status XlsxBook::Close() {
  if (!state_->workbook) {
    return core::Status::Internal({"无法创建Excel文件", "cannot create the Excel file"});
  }
  state_->closed = true;
  lxw_error error = workbook_close(state_->workbook);
  state_->workbook = nullptr;
  if (error != LXW_NO_ERROR) {
    std::string why = lxw_strerror(error);
    return core::Status::Internal({"写入Excel文件失败：" + why, "writing the Excel file failed: " + why});
  }
  return core::Status::Ok();
}

TempFile::TempFile() {
  std::string pattern = (std::filesystem::temp_directory_path() / "sanpi-xlsx-XXXXXX").string();
  int fd = mkstemp(pattern.data());
  if (fd >= 0) close(fd);
  path_ = pattern;
}

TempFile::~TempFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

std::string TempFile::Read() const {
  std::ifstream file(path_, std::ios::binary);
  std::ostringstream out;
  out << file.rdbuf();
  return out.str();
}

}  // namespace sanpi::transfer
