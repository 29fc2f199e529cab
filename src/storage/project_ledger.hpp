#pragma once
// 项目台账 list: the ledger filtered, sorted and paged, with a totals row (count and total
// investment) over the whole filtered set, not just the page — what the office reads at the
// weekly meeting ("在库项目 N 个，总投资 Y 亿元").
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/campaign.hpp"
#include "core/project.hpp"
#include "storage/database.hpp"
#include "storage/page.hpp"

namespace sanpi::storage {

struct LedgerQuery {
  std::string text;                        // part of the name or the 项目代码
  std::optional<core::Stage> stage;
  std::optional<core::Batch> batch;        // the batch it is in now on the adjusted roster
  int period = 0;                          // published on the roster of this period (0: any)
  std::int64_t unit_id = 0;                // lead unit
  std::int64_t leader_id = 0;
  std::string industry;                    // exact
  std::optional<core::Yuan> min_investment;  // inclusive
  std::optional<core::Yuan> max_investment;  // inclusive
  PageRequest page;
};

struct LedgerPage {
  std::vector<core::Project> items;
  std::int64_t total = 0;
  core::Yuan total_investment = 0;
};

// The sort keys the ledger accepts (API names), for Context::Paging.
const std::vector<std::string>& LedgerSortKeys();

// Scoped like ProjectRepository::Get: only the caller's projects are counted and listed.
LedgerPage ListLedger(Transaction& tx, const core::Principal& caller, const LedgerQuery& query);

// Every project of the filtered ledger (paging and sort ignored), in id order, read in chunks so
// that memory stays bounded whatever the ledger's size: for the export. Scoped like ListLedger.
void ForEachLedgerProject(Transaction& tx, const core::Principal& caller, const LedgerQuery& query,
                          const std::function<void(const core::Project&)>& visit);

}  // namespace sanpi::storage
