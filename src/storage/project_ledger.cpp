#include "storage/project_ledger.hpp"

#include "storage/project_repository.hpp"
#include "storage/scope_sql.hpp"

namespace sanpi::storage {
namespace {

const std::vector<std::pair<std::string, std::string>>& SortColumns() {
  static const std::vector<std::pair<std::string, std::string>> columns = {
      {"id", "t.id"},
      {"code", "t.code"},
      {"name", "t.name"},
      {"industry", "t.industry"},
      {"kind", "t.kind"},
      {"total_investment", "t.total_investment"},
      {"stage", "t.stage"},
      {"batch", "t.roster_batch"},
      {"lead_unit_id", "t.unit_id"},
      {"leader_id", "t.leader_id"},
      {"enterprise_id", "t.enterprise_id"},
      {"signed_on", "t.signed_on"},
      {"fulfilled_on", "t.fulfilled_on"},
      {"started_on", "t.started_on"},
      {"producing_on", "t.producing_on"},
      {"effective_on", "t.effective_on"},
      {"in_stats_db_on", "t.in_stats_db_on"},
      {"responsible_person", "t.responsible_person"},
      {"created_at", "t.created_at"},
      {"updated_at", "t.updated_at"},
  };
  return columns;
}

}  // namespace

const std::vector<std::string>& LedgerSortKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const auto& [name, column] : SortColumns()) out.push_back(name);
    return out;
  }();
  return keys;
}

namespace {

// The WHERE clause of the filtered ledger, binding into `params`.
std::string LedgerWhere(const core::Principal& caller, const LedgerQuery& query, Params& params) {
  std::string where = " WHERE " + ProjectRepository::VisibleTo(caller, params);
  if (!query.text.empty()) {
    std::string pattern = Bind(params, "%" + query.text + "%");
    where += " AND (t.name LIKE " + pattern + " OR t.code LIKE " + pattern + ")";
  }
  if (query.stage) where += " AND t.stage = " + Bind(params, std::string(core::StageCode(*query.stage)));
  if (query.batch) where += " AND t.roster_batch = " + Bind(params, std::string(core::BatchCode(*query.batch)));
  if (query.period > 0) {
    where += " AND EXISTS (SELECT 1 FROM roster_entries e WHERE e.project_id = t.id AND e.period = " +
             Bind(params, std::int64_t{query.period}) + ")";
  }
  if (query.unit_id > 0) where += " AND t.unit_id = " + Bind(params, query.unit_id);
  if (query.leader_id > 0) where += " AND t.leader_id = " + Bind(params, query.leader_id);
  if (!query.industry.empty()) where += " AND t.industry = " + Bind(params, query.industry);
  if (query.min_investment) where += " AND t.total_investment >= " + Bind(params, *query.min_investment);
  if (query.max_investment) where += " AND t.total_investment <= " + Bind(params, *query.max_investment);
  return where;
}

}  // namespace

void ForEachLedgerProject(Transaction& tx, const core::Principal& caller, const LedgerQuery& query,
                          const std::function<void(const core::Project&)>& visit) {
  constexpr std::int64_t kChunk = 2000;
  std::int64_t after = 0;
  while (true) {
    Params params;
    std::string where = LedgerWhere(caller, query, params);
    where += " AND t.id > " + Bind(params, after);
    auto rows = tx.Query(std::string("SELECT ") + ProjectRepository::Columns() + " FROM projects t" + where +
                             " ORDER BY t.id LIMIT " + std::to_string(kChunk),
                         params);
    for (auto row : rows) {
      core::Project project = ProjectRepository::FromRow(row);
      after = project.id;
      visit(project);
    }
    if (static_cast<std::int64_t>(rows.size()) < kChunk) return;
  }
}

LedgerPage ListLedger(Transaction& tx, const core::Principal& caller, const LedgerQuery& query) {
  Params params;
  std::string where = LedgerWhere(caller, query, params);
  LedgerPage page;
  auto totals = tx.Query("SELECT COUNT(*), COALESCE(SUM(t.total_investment), 0) FROM projects t" + where, params);
  page.total = totals.front().Int(0);
  page.total_investment = totals.front().Int(1);
  if (page.total == 0) return page;
  std::string order = OrderBy(query.page.sort, SortColumns(), "t.id DESC");
  for (auto row : tx.Query(std::string("SELECT ") + ProjectRepository::Columns() + " FROM projects t" + where + order +
                               Limit(query.page),
                           params)) {
    page.items.push_back(ProjectRepository::FromRow(row));
  }
  return page;
}

}  // namespace sanpi::storage
