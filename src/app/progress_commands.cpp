// sanpi report progress: the roll-up table the project office pastes into its monthly briefing.
#include <fstream>
#include <iostream>

#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "core/date.hpp"
#include "report/progress_workbook.hpp"
#include "storage/progress_cache.hpp"
#include "storage/progress_figures.hpp"

namespace sanpi::app {

int RunReportProgress(const ProgressReportOptions& options) {
  auto by = storage::ParseProgressDimension(options.by);
  if (!by) {
    return Fail(core::Status::InvalidField("by", {"汇总维度应为 unit、industry、batch、period 或 region",
                                                  "by must be unit, industry, batch, period or region"}));
  }
  const core::Date today = core::Date::Today();
  const int year = options.year != 0 ? options.year : today.year();
  const int month = options.month != 0 ? options.month : (year < today.year() ? 12 : static_cast<int>(today.month()));
  auto db = OpenOrSay(options.db);
  if (!db) return 1;
  auto tx = db->Begin(storage::Access::kRead);
  auto figures = storage::LoadProgressYear(*tx, options.region, year);
  auto table = storage::RollUpProgress(figures, ConsolePrincipal(options.region), month, *by, today);
  std::cout << report::ProgressText(table);
  if (options.out.empty()) return 0;
  auto bytes = report::ProgressWorkbook(table);
  if (!bytes.ok()) return Fail(bytes.status());
  // Written beside the target and renamed, so a reader never opens half a file.
  const std::string partial = options.out + ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file || !file.write(bytes->data(), static_cast<std::streamsize>(bytes->size()))) {
      std::cerr << "sanpi: 无法写入 / cannot write " << partial << "\n";
      return 1;
    }
  }
  if (std::rename(partial.c_str(), options.out.c_str()) != 0) {
    std::cerr << "sanpi: 无法写入 / cannot write " << options.out << "\n";
    return 1;
  }
  std::cerr << "sanpi: " << options.out << "\n";
  return 0;
}

}  // namespace sanpi::app
