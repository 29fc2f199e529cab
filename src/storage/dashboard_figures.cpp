#include "storage/dashboard_figures.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "storage/campaign_repository.hpp"
#include "storage/milestone_repository.hpp"
#include "storage/progress_figures.hpp"
#include "storage/project_repository.hpp"
#include "storage/region_outline.hpp"
#include "storage/region_repository.hpp"
#include "storage/scope_sql.hpp"
#include "storage/warning_repository.hpp"

namespace sanpi::storage {
namespace {

// The same ranking as WarningRepository's default order.
constexpr const char* kSeverity = "CASE w.level WHEN 'red' THEN 3 WHEN 'orange' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END";

bool RegionWideSight(const core::Principal& caller) {
  const bool contact_only = caller.roles.size() == 1 && caller.Has(core::Role::kEnterprise);
  const bool leader_self = caller.scope == core::DataScope::kSelf && caller.Has(core::Role::kLeader);
  return !contact_only && !leader_self &&
         (caller.scope == core::DataScope::kRegion || caller.scope == core::DataScope::kRegionAndBelow);
}

core::WarningLevel LevelOfSeverity(std::int64_t severity) {
  return severity >= 3 ? core::WarningLevel::kRed
         : severity == 2 ? core::WarningLevel::kOrange
         : severity == 1 ? core::WarningLevel::kYellow
                         : core::WarningLevel::kNone;
}

// The roster statistics of the region's latest period, over the lines of projects the caller sees.
core::Status LoadCampaign(Transaction& tx, RosterCache& rosters, const core::Principal& caller,
                          const DashboardRequest& request, DashboardCampaign& out) {
  const core::Date year_end(request.year, 12, 31);
  out.as_of = request.today < year_end ? request.today : year_end;
  auto periods = CampaignRepository(tx).ListPeriods(caller.region_code);
  if (periods.empty()) return core::Status::Ok();
  const auto latest = std::max_element(periods.begin(), periods.end(),
                                       [](const core::Period& a, const core::Period& b) { return a.number < b.number; });
  out.period = latest->number;
  out.period_name = latest->name.empty() ? core::PeriodOrdinal(latest->number) : latest->name;
  out.held_on = latest->held_on;
  auto roster = rosters.Load(tx, caller.region_code, latest->number, RosterView::kAdjusted);
  if (!roster.ok()) return roster.status();
  const auto& lines = (*roster)->snapshot.lines;
  if (RegionWideSight(caller)) {
    out.figures = core::ComputeStatistics(lines, (*roster)->index, latest->number, out.as_of).overall;
    return core::Status::Ok();
  }
  Params params{caller.region_code};
  const std::string sql =
      "SELECT t.id FROM projects t WHERE t.region_code = $1 AND " + ProjectRepository::VisibleTo(caller, params);
  std::unordered_set<std::int64_t> visible;
  for (auto row : tx.Query(sql, params)) visible.insert(row.Int(0));
  std::vector<core::RosterLine> mine;
  for (const auto& line : lines)
    if (visible.contains(line.project_id)) mine.push_back(line);
  out.figures = core::ComputeStatistics(mine, (*roster)->index, latest->number, out.as_of).overall;
  return core::Status::Ok();
}

const core::ProjectYearFigures* FiguresOf(const ProgressYear& year, std::int64_t project_id) {
  auto it = std::lower_bound(year.figures.begin(), year.figures.end(), project_id,
                             [](const core::ProjectYearFigures& f, std::int64_t id) { return f.project_id < id; });
  return it != year.figures.end() && it->project_id == project_id ? &*it : nullptr;
}

void LoadWarnings(Transaction& tx, const core::Principal& caller, Dashboard& out) {
  WarningRepository warnings(tx);
  WarningFilter open;
  auto counted = warnings.List(caller, open, PageRequest{1, 1, ""});
  out.yellow = counted.yellow;
  out.orange = counted.orange;
  out.red = counted.red;

  Params params;
  const std::string visible = WarningRepository::VisibleTo(caller, params);
  const std::string sql =
      "SELECT w.responsible_unit_id, COALESCE(u.name, ''), w.level, COUNT(*) FROM warnings w "
      "JOIN projects t ON t.id = w.project_id LEFT JOIN org_units u ON u.id = w.responsible_unit_id "
      "WHERE " + visible + " AND w.closed_on IS NULL GROUP BY w.responsible_unit_id, u.name, w.level";
  std::map<std::int64_t, WarningUnitCount> units;
  for (auto row : tx.Query(sql, params)) {
    auto& unit = units[row.Int(0)];
    unit.unit_id = row.Int(0);
    unit.unit_name = row.Text(1);
    const auto level = core::ParseWarningLevel(row.Text(2));
    if (level == core::WarningLevel::kYellow) unit.yellow += row.Int(3);
    if (level == core::WarningLevel::kOrange) unit.orange += row.Int(3);
    if (level == core::WarningLevel::kRed) unit.red += row.Int(3);
  }
  for (auto& [id, unit] : units) out.warning_units.push_back(std::move(unit));
  std::sort(out.warning_units.begin(), out.warning_units.end(), [](const auto& a, const auto& b) {
    if (a.red != b.red) return a.red > b.red;
    if (a.Total() != b.Total()) return a.Total() > b.Total();
    return a.unit_name < b.unit_name;
  });
  if (out.warning_units.size() > static_cast<size_t>(kMaxWarningUnits)) out.warning_units.resize(kMaxWarningUnits);
}

void LoadLateProjects(Transaction& tx, const core::Principal& caller, const ProgressYear* year,
                      const DashboardRequest& request, Dashboard& out, std::map<std::int64_t, core::WarningLevel>& levels) {
  Params params;
  const std::string visible = WarningRepository::VisibleTo(caller, params);
  const std::string sql = std::string("SELECT w.project_id, t.name, COALESCE(u.name, ''), MAX(") + kSeverity +
                          "), COUNT(*), MIN(w.opened_on) FROM warnings w JOIN projects t ON t.id = w.project_id "
                          "LEFT JOIN org_units u ON u.id = t.unit_id WHERE " + visible +
                          " AND w.closed_on IS NULL GROUP BY w.project_id, t.name, u.name";
  std::vector<LateProject> all;
  for (auto row : tx.Query(sql, params)) {
    LateProject project;
    project.project_id = row.Int(0);
    project.name = row.Text(1);
    project.unit_name = row.Text(2);
    project.level = LevelOfSeverity(row.Int(3));
    project.open_warnings = row.Int(4);
    if (auto opened = core::Date::Parse(row.Text(5))) project.oldest_opened_on = *opened;
    if (year) {
      if (const auto* figures = FiguresOf(*year, project.project_id)) project.progress = core::Summarise(*figures, request.month);
    }
    levels[project.project_id] = project.level;
    all.push_back(std::move(project));
  }
  std::sort(all.begin(), all.end(), [](const LateProject& a, const LateProject& b) {
    if (a.level != b.level) return a.level > b.level;
    if (a.Shortfall() != b.Shortfall()) return a.Shortfall() > b.Shortfall();
    if (a.oldest_opened_on != b.oldest_opened_on) return a.oldest_opened_on < b.oldest_opened_on;
    return a.project_id < b.project_id;
  });
  if (all.size() > static_cast<size_t>(request.late_projects)) all.resize(static_cast<size_t>(request.late_projects));
  WarningRepository warnings(tx);
  for (auto& project : all) {
    WarningFilter filter;
    filter.project_id = project.project_id;
    auto worst = warnings.List(caller, filter, PageRequest{1, 1, ""});  // most serious, longest open first
    if (!worst.page.items.empty()) {
      project.worst_message = worst.page.items.front().message;
      project.worst_rule = std::string(core::RuleCode(worst.page.items.front().key.rule));
    }
  }
  out.late_projects = std::move(all);
}

void LoadMap(Transaction& tx, const core::Principal& caller, const std::map<std::int64_t, core::WarningLevel>& levels,
             Dashboard& out) {
  out.outline = RegionOutlineRepository(tx).OutlineOf(caller.region_code);
  Params params;
  const std::string visible = ProjectRepository::VisibleTo(caller, params);
  const std::string sql =
      "SELECT t.id, t.name, t.stage, t.longitude, t.latitude, t.total_investment FROM projects t WHERE " + visible +
      " AND t.stage <> 'withdrawn' AND t.longitude IS NOT NULL AND t.latitude IS NOT NULL ORDER BY t.id LIMIT " +
      std::to_string(kMaxMapPoints + 1);
  for (auto row : tx.Query(sql, params)) {
    if (out.points.size() == static_cast<size_t>(kMaxMapPoints)) {
      out.points_truncated = true;
      break;
    }
    MapPoint point{row.Int(0), row.Text(1), row.Text(2), row.Real(3), row.Real(4), row.Int(5), core::WarningLevel::kNone};
    if (auto it = levels.find(point.project_id); it != levels.end()) point.level = it->second;
    out.points.push_back(std::move(point));
  }
  Params count_params;
  const std::string count_visible = ProjectRepository::VisibleTo(caller, count_params);
  out.without_coordinates =
      tx.Query("SELECT COUNT(*) FROM projects t WHERE " + count_visible +
                   " AND t.stage <> 'withdrawn' AND (t.longitude IS NULL OR t.latitude IS NULL)",
               count_params)
          .front()
          .Int(0);
}

// The projects whose milestones the wall chart shows: those with the longest-overdue open milestone first, then
// those with the nearest open milestone.
void LoadGantt(Transaction& tx, const core::Principal& caller, const DashboardRequest& request, Dashboard& out) {
  Params params{request.today.ToString()};
  const std::string visible = ProjectRepository::VisibleTo(caller, params);
  const std::string sql =
      "SELECT project_id, name FROM (SELECT m.project_id AS project_id, t.name AS name, "
      "MIN(CASE WHEN m.actual IS NULL AND m.planned < $1 THEN m.planned END) AS oldest_late, "
      "MIN(CASE WHEN m.actual IS NULL THEN m.planned END) AS next_due "
      "FROM milestones m JOIN projects t ON t.id = m.project_id WHERE " + visible +
      " AND t.stage <> 'withdrawn' GROUP BY m.project_id, t.name) g "
      "ORDER BY CASE WHEN oldest_late IS NULL THEN 1 ELSE 0 END, oldest_late, "
      "CASE WHEN next_due IS NULL THEN 1 ELSE 0 END, next_due, project_id LIMIT " + std::to_string(kGanttProjects);
  MilestoneRepository milestones(tx);
  for (auto row : tx.Query(sql, params)) {
    GanttProject project;
    project.project_id = row.Int(0);
    project.name = row.Text(1);
    project.milestones = milestones.ListOf(project.project_id);
    project.late = core::LateMilestones(project.milestones, request.today);
    out.gantt.push_back(std::move(project));
  }
}

}  // namespace

core::Yuan LateProject::Shortfall() const {
  if (!progress) return 0;
  return std::max<core::Yuan>(0, progress->planned_to_date - progress->completed_to_date);
}

core::Result<Dashboard> LoadDashboard(Transaction& tx, ProgressCache& progress, RosterCache& rosters,
                                      const core::Principal& caller, const DashboardRequest& request) {
  Dashboard out;
  out.region_code = caller.region_code;
  if (auto region = RegionRepository(tx).Get(caller.region_code); region.ok()) out.region_name = region->name;
  out.year = request.year;
  out.month = request.month;
  out.today = request.today;
  if (auto status = LoadCampaign(tx, rosters, caller, request, out.campaign); !status.ok()) return status;

  auto year = progress.Load(tx, caller.region_code, request.year);
  if (!year.ok()) return year.status();
  for (int month = 1; month <= core::kMonthsPerYear; ++month) {
    out.months.push_back({month, RollUpProgress(**year, caller, month, ProgressDimension::kRegion, request.today).total});
  }
  out.as_of_month = RollUpProgress(**year, caller, request.month, ProgressDimension::kRegion, request.today).total;

  LoadWarnings(tx, caller, out);
  std::map<std::int64_t, core::WarningLevel> levels;
  LoadLateProjects(tx, caller, year->get(), request, out, levels);
  LoadMap(tx, caller, levels, out);
  LoadGantt(tx, caller, request, out);
  return out;
}

}  // namespace sanpi::storage
