#pragma once
// One thing wrong with an imported spreadsheet, located the way its author will look for it: the
// sheet, the row number, the column's header as he wrote it and the value found there, with the
// reason in Chinese and English.
#include <string>

#include "core/text.hpp"

namespace sanpi::core {

struct ImportProblem {
  std::string sheet;
  int row = 0;         // 1-based as the spreadsheet shows it; 0 for the file as a whole
  std::string column;  // the header as written in the file; "" for the whole row
  std::string value;   // what the cell holds, as text
  Text reason;
};

}  // namespace sanpi::core
