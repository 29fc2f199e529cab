#include "report/xlsx_file.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace sanpi::report {

XlsxFile::XlsxFile() {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/sanpi-xlsx-XXXXXX";
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) return;
  ::close(fd);
  path_ = pattern;
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = nullptr;
  workbook_ = workbook_new_opt(path_.c_str(), &options);
}

XlsxFile::~XlsxFile() {
  if (workbook_) workbook_close(workbook_);
  if (!path_.empty()) ::unlink(path_.c_str());
}

core::Result<std::string> XlsxFile::Finish() {
  const core::Status failed = core::Status::Internal({"生成 Excel 文件失败", "could not write the Excel file"});
  if (!workbook_) return failed;
  lxw_error error = workbook_close(workbook_);
  workbook_ = nullptr;
  if (error != LXW_NO_ERROR) return failed;
  std::ifstream in(path_, std::ios::binary);
  if (!in) return failed;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace sanpi::report
