#pragma once
// The ledger as a spreadsheet: the filtered ledger (the list's filters) in the template's columns —
// Chinese headers, 万元 with two decimals, real dates, the header frozen, an autofilter, readable
// widths — and the empty import template with drop-down lists. Importing an export changes nothing:
// the columns are the import's own, 期次/批次/计划 come from the project's latest roster entry, and a
// unit or leader whose name is not unique is written by its code or username.
#include <cstdint>
#include <string>

#include "core/access.hpp"
#include "core/status.hpp"
#include "storage/database.hpp"
#include "storage/project_ledger.hpp"

namespace sanpi::transfer {

// Writes the ledger to `path`; returns the number of projects. Streams the projects in chunks.
core::Result<std::int64_t> ExportLedger(storage::Transaction& tx, const core::Principal& caller,
                                        const storage::LedgerQuery& query, const std::string& path);

// The template: the headers, drop-down lists (当前阶段, 批次, 项目类型, 是否入库) on 1,000 lines, and a
// second sheet explaining each column.
core::Status WriteLedgerTemplate(const std::string& path);

// The sheet name the export and the template use.
inline constexpr const char* kLedgerSheetName = "项目台账";

}  // namespace sanpi::transfer
