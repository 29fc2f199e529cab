#pragma once
// The monthly briefing's roll-up table (月度投资进度) as an .xlsx file and as plain text for the terminal:
// plan, completion, completion rates, 序时进度 and 报表报送效率 per group, with the total line.
#include <string>

#include "core/status.hpp"
#include "storage/progress_figures.hpp"

namespace sanpi::report {

// Column header of the group column for a dimension: 责任单位, 产业领域, 批次, 期次, 区域.
std::string DimensionHeader(storage::ProgressDimension by);
// "2026年1-10月重点项目投资进度（按责任单位）" style title.
std::string ProgressTitle(const storage::ProgressTable& table);

// Money in 万元 with two decimals, rates in percent with one decimal ("—" for none), a frozen header.
core::Result<std::string> ProgressWorkbook(const storage::ProgressTable& table);
// Tab-separated lines (header, rows, 合计) — pastes into a spreadsheet or a document table.
std::string ProgressText(const storage::ProgressTable& table);

}  // namespace sanpi::report
