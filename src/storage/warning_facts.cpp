#include "storage/warning_facts.hpp"

#include <algorithm>
#include <array>

#include "storage/progress_settings_repository.hpp"

namespace sanpi::storage {
namespace {

// The projects, and beside them (each matched here to its project by id) this year's plan months, this year's
// completions and report bits, whether there is a plan for last year, and last year's report bits. Five plain
// scans rather than one query joining them: at 100,000 projects PostgreSQL ran the join as four parallel hash joins
// (0.58 s on three processes, so the second core was taken from the sweep's other reads), where the scans take
// 0.38 s on one.
constexpr const char* kProjects =
    "SELECT t.id, t.name, t.unit_id, t.leader_id, t.total_investment, t.stage, t.signed_on, t.fulfilled_on, "
    "t.started_on, t.producing_on, t.effective_on, t.withdrawn_on, t.in_stats_db, t.in_stats_db_on "
    "FROM projects t WHERE t.region_code = $1 AND (t.withdrawn_on IS NULL OR t.withdrawn_on > $2)";
constexpr const char* kPlans =
    "SELECT project_id, m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12 FROM investment_plans "
    "WHERE region_code = $1 AND year = $2";
constexpr const char* kCompletions =
    "SELECT project_id, c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12, submitted_mask, on_time_mask "
    "FROM report_year_totals WHERE region_code = $1 AND year = $2";
constexpr const char* kLastYearPlans = "SELECT project_id FROM investment_plans WHERE region_code = $1 AND year = $2";
constexpr const char* kLastYearReports =
    "SELECT project_id, submitted_mask, on_time_mask FROM report_year_totals WHERE region_code = $1 AND year = $2";

// Reports first submitted after their due date and after as_of. The rule only asks whether a report had been filed
// by as_of, so a late one filed by then may stand at its due date (before as_of too); only those filed after as_of
// (a sweep of a past day) need their real day. Read through monthly_reports_first_submitted: with as_of today
// there are none, where reading every late report took seconds at 3.5 million reports. Not ordered by the
// database: given an ORDER BY, SQLite walks the (project_id, year, month) key of all 3.5 million reports instead
// (1 s for no rows), so the few rows are sorted here.
constexpr const char* kLateReports =
    "SELECT project_id, year, month, first_submitted_on FROM monthly_reports WHERE region_code = $1 "
    "AND first_submitted_on > $3 AND year >= $2 AND first_submitted_on > due_on";

constexpr const char* kMilestones =
    "SELECT project_id, id, name, planned, actual FROM milestones WHERE region_code = $1 AND planned < $2 "
    "AND (actual IS NULL OR actual > $2)";

constexpr const char* kChecklistItems =
    "SELECT c.project_id, c.id, c.item, c.deadline, c.done_on, COALESCE(c.owner_unit_id, 0) FROM checklist_items c "
    "JOIN projects t ON t.id = c.project_id WHERE t.region_code = $1 AND c.deadline < $2 "
    "AND (c.done_on IS NULL OR c.done_on > $2)";

// `query` narrowed to one project (its id the next parameter) when `project_id` is not 0, then ordered by `order`
// unless it is null.
std::string Narrowed(const char* query, const char* project_column, std::int64_t project_id, Params& params,
                     const char* order) {
  std::string sql = query;
  if (project_id != 0) {
    params.push_back(project_id);
    sql += std::string(" AND ") + project_column + " = $" + std::to_string(params.size());
  }
  return order ? sql + " ORDER BY " + order : sql;
}

std::optional<core::Date> DateAt(const Row& row, size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return core::Date::Parse(row.Text(column));
}

core::WarningFacts ProjectFacts(const Row& row) {
  core::WarningFacts facts;
  facts.project_id = row.Int(0);
  facts.project_name = row.Text(1);
  facts.lead_unit_id = row.Int(2);
  facts.leader_id = row.Int(3);
  facts.total_investment = row.Int(4);
  core::StageRecord& progress = facts.progress;
  progress.stage = core::ParseStageCode(row.Text(5)).value_or(core::Stage::kReserve);
  progress.signed_on = DateAt(row, 6);
  progress.fulfilled_on = DateAt(row, 7);
  progress.started_on = DateAt(row, 8);
  progress.producing_on = DateAt(row, 9);
  progress.effective_on = DateAt(row, 10);
  progress.withdrawn_on = DateAt(row, 11);
  facts.in_stats_db = row.Int(12) != 0;
  facts.in_stats_db_on = DateAt(row, 13);
  return facts;
}

// The first month a report is owed, per the rule in the header; year 0 when none.
void ReportsFrom(core::WarningFacts& facts, int year, bool plan_this_year, bool plan_last_year) {
  const auto& started = facts.progress.started_on;
  if (!started || (!plan_this_year && !plan_last_year)) return;
  const int first_year = plan_last_year ? year - 1 : year;
  if (started->year() > year) return;
  if (started->year() < first_year) {
    facts.reports_from_year = first_year;
    facts.reports_from_month = 1;
  } else {
    facts.reports_from_year = started->year();
    facts.reports_from_month = started->month();
  }
}

// Where the rows of a per-project query (ordered by project id) belong in `projects` (ordered by id).
template <class Attach>
void ForEachProjectRow(std::vector<core::WarningFacts>& projects, const Rows& rows, Attach attach) {
  size_t at = 0;
  for (auto row : rows) {
    const std::int64_t id = row.Int(0);
    while (at < projects.size() && projects[at].project_id < id) ++at;
    if (at < projects.size() && projects[at].project_id == id) attach(projects[at], row);
  }
}

// The facts of project `id`, found by bisection (`projects` is ordered by id); null when it is not among them
// (withdrawn). For the queries with one row per project, which then need no ORDER BY: given one, SQLite walks
// the whole (project_id, year) key of every region rather than sort a few rows (0.3 s for a region with none).
core::WarningFacts* FactsOf(std::vector<core::WarningFacts>& projects, std::int64_t id) {
  auto before = [](const core::WarningFacts& facts, std::int64_t value) { return facts.project_id < value; };
  auto at = std::lower_bound(projects.begin(), projects.end(), id, before);
  return at != projects.end() && at->project_id == id ? &*at : nullptr;
}

}  // namespace

RegionWarningFacts LoadWarningFacts(Transaction& tx, const std::string& region_code, core::Date as_of,
                                    std::int64_t project_id) {
  RegionWarningFacts out;
  out.report_due_day = ProgressSettingsRepository(tx).Get(region_code).due_day;
  const int year = as_of.year();
  const std::string day = as_of.ToString();
  Params params{region_code, day};
  const Rows rows = tx.Query(Narrowed(kProjects, "t.id", project_id, params, "t.id"), params);
  out.projects.reserve(rows.size());
  for (auto row : rows) out.projects.push_back(ProjectFacts(row));
  // The report bits of last year and this one, filled in below once the late submissions are known.
  std::vector<std::array<std::int64_t, 4>> masks(out.projects.size(), {0, 0, 0, 0});
  std::vector<bool> plan_last_year(out.projects.size(), false);
  auto index_of = [&](const core::WarningFacts& facts) { return static_cast<size_t>(&facts - out.projects.data()); };
  auto each = [&](const char* query, int of_year, auto attach) {
    params = {region_code, std::int64_t{of_year}};
    for (auto row : tx.Query(Narrowed(query, "project_id", project_id, params, nullptr), params))
      if (core::WarningFacts* facts = FactsOf(out.projects, row.Int(0))) attach(*facts, row);
  };
  each(kPlans, year, [&](core::WarningFacts& facts, Row row) {
    facts.plan_year = year;
    for (int m = 0; m < core::kMonthsPerYear; ++m) facts.planned[m] = row.Int(1 + m);
  });
  each(kCompletions, year, [&](core::WarningFacts& facts, Row row) {
    for (int m = 0; m < core::kMonthsPerYear; ++m) facts.completed[m] = row.Int(1 + m);
    masks[index_of(facts)][2] = row.Int(13);
    masks[index_of(facts)][3] = row.Int(14);
  });
  each(kLastYearPlans, year - 1, [&](core::WarningFacts& facts, Row) { plan_last_year[index_of(facts)] = true; });
  each(kLastYearReports, year - 1, [&](core::WarningFacts& facts, Row row) {
    masks[index_of(facts)][0] = row.Int(1);
    masks[index_of(facts)][1] = row.Int(2);
  });
  for (size_t i = 0; i < out.projects.size(); ++i) {
    core::WarningFacts& facts = out.projects[i];
    ReportsFrom(facts, year, facts.plan_year != 0, plan_last_year[i]);
    // Completions count only against a plan.
    if (facts.plan_year == 0) facts.completed = {};
  }

  // Late first submissions: (project, year × 100 + month) → day, in project order.
  struct Late {
    std::int64_t project_id;
    int period;
    core::Date on;
  };
  std::vector<Late> late;
  params = {region_code, std::int64_t{year - 1}, day};
  for (auto row : tx.Query(Narrowed(kLateReports, "project_id", project_id, params, nullptr), params)) {
    if (auto on = DateAt(row, 3))
      late.push_back({row.Int(0), static_cast<int>(row.Int(1) * 100 + row.Int(2)), *on});
  }
  std::sort(late.begin(), late.end(), [](const Late& a, const Late& b) {
    return a.project_id != b.project_id ? a.project_id < b.project_id : a.period < b.period;
  });
  size_t next_late = 0;
  for (size_t i = 0; i < out.projects.size(); ++i) {
    core::WarningFacts& facts = out.projects[i];
    while (next_late < late.size() && late[next_late].project_id < facts.project_id) ++next_late;
    if (facts.reports_from_year == 0) continue;
    for (int y = year - 1; y <= year; ++y) {
      const std::int64_t submitted = masks[i][(y - year + 1) * 2], on_time = masks[i][(y - year + 1) * 2 + 1];
      for (unsigned m = 1; m <= 12; ++m) {
        const std::int64_t bit = std::int64_t{1} << (m - 1);
        if (!(submitted & bit)) continue;
        // On time means first submitted by the due date; the day itself is not needed, only that it came before
        // any as_of at which the month is overdue.
        std::optional<core::Date> first = core::ReportDueDate(y, m, out.report_due_day);
        if (!(on_time & bit)) {
          const int period = y * 100 + static_cast<int>(m);
          for (size_t k = next_late; k < late.size() && late[k].project_id == facts.project_id; ++k)
            if (late[k].period == period) first = late[k].on;
        }
        facts.reports.push_back({y, m, first});
      }
    }
  }

  params = {region_code, day};
  const std::string milestones = Narrowed(kMilestones, "project_id", project_id, params, "project_id, sort_order, id");
  ForEachProjectRow(out.projects, tx.Query(milestones, params), [](core::WarningFacts& facts, Row row) {
    facts.milestones.push_back({row.Int(1), row.Text(2), DateAt(row, 3), DateAt(row, 4)});
  });
  params = {region_code, day};
  const std::string items = Narrowed(kChecklistItems, "c.project_id", project_id, params, "c.project_id, c.id");
  ForEachProjectRow(out.projects, tx.Query(items, params), [](core::WarningFacts& facts, Row row) {
    core::DeadlineItem item;
    item.kind = core::SubjectKind::kChecklistItem;
    item.id = row.Int(1);
    item.title = row.Text(2);
    item.deadline = DateAt(row, 3).value_or(core::Date{});
    item.done_on = DateAt(row, 4);
    item.responsible_unit_id = row.Int(5);
    facts.open_items.push_back(std::move(item));
  });
  return out;
}

}  // namespace sanpi::storage
