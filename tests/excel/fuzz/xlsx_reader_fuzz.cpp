// libFuzzer target for the .xlsx reader: any bytes → a Workbook or a Status, never a crash, a
// leak or a sanitizer report. Built and run by scripts/fuzz-xlsx.
#include <cstddef>
#include <cstdint>
#include <string>

#include "excel/workbook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto workbook = sanpi::excel::Workbook::FromBytes(std::string(reinterpret_cast<const char*>(data), size));
  if (!workbook.ok()) return 0;
  for (std::size_t sheet = 0; sheet < workbook->sheets().size(); ++sheet) {
    auto read = workbook->ReadSheet(sheet);
    if (!read.ok()) continue;
    for (const sanpi::excel::Row& row : read->rows) {
      for (const sanpi::excel::Cell& cell : row.cells) {
        (void)sanpi::excel::AsText(cell.value);
        (void)sanpi::excel::AsDecimalString(cell.value);
      }
    }
    for (const auto& merge : read->merges) (void)read->Shown(merge.first.row, merge.first.column);
  }
  return 0;
}
