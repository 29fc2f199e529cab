#pragma once
// libxlsxwriter writes workbooks to a file path; XlsxFile gives it a private temporary file and hands
// back the bytes, so a download never leaves a file behind.
#include <string>

#include "core/status.hpp"

struct lxw_workbook;

namespace sanpi::report {

class XlsxFile {
 public:
  XlsxFile();
  ~XlsxFile();
  XlsxFile(const XlsxFile&) = delete;
  XlsxFile& operator=(const XlsxFile&) = delete;

  lxw_workbook* workbook() { return workbook_; }
  // Closes the workbook and returns the file's bytes; Internal when libxlsxwriter failed.
  core::Result<std::string> Finish();

 private:
  std::string path_;
  lxw_workbook* workbook_ = nullptr;
};

}  // namespace sanpi::report
