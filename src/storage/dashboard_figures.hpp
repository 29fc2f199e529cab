#pragma once
// 挂图作战: everything the leadership wall screen shows, gathered in one read transaction from the code that already
// computes each figure — nothing here is a second formula:
//  - campaign KPIs: core::ComputeStatistics over the latest period's adjusted roster (RosterCache), as of today
//    (or 31 December of a past year), restricted to the roster lines of projects the caller sees;
//  - investment: storage::RollUpProgress (kRegion) of the caller's region for each month 1–12 — plan, completion,
//    序时进度 — and its total as of the dashboard's month;
//  - warnings: the open warnings' counts by level from WarningRepository::List, and the same set (its VisibleTo
//    predicate) grouped by responsible unit;
//  - the most-late projects, the map points and the key milestones over the projects the caller sees.
// Scope follows the pages the figures come from: campaign and investment figures are of the caller's own region
// (as /periods and /progress), warnings, map points and milestones of every project he sees (as /warnings).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "core/access.hpp"
#include "core/campaign_statistics.hpp"
#include "core/investment_progress.hpp"
#include "core/milestone.hpp"
#include "core/status.hpp"
#include "core/text.hpp"
#include "core/warning_rule.hpp"
#include "storage/database.hpp"
#include "storage/progress_cache.hpp"
#include "storage/roster_cache.hpp"

namespace sanpi::storage {

inline constexpr int kDefaultLateProjects = 10;
inline constexpr int kMaxLateProjects = 50;
inline constexpr int kGanttProjects = 10;
inline constexpr int kMaxMapPoints = 5000;
inline constexpr int kMaxWarningUnits = 12;

struct DashboardRequest {
  int year = 0;
  int month = 0;  // figures as of this month, 0–12 (0: before January, nothing due yet)
  core::Date today;
  int late_projects = kDefaultLateProjects;
};

struct DashboardCampaign {
  int period = 0;  // 0: the region has no period yet (figures all zero)
  std::string period_name;
  std::optional<core::Date> held_on;
  core::Date as_of;
  core::RosterFigures figures;
};

struct DashboardMonth {
  int month = 0;
  core::ProgressSummary summary;  // RollUpProgress(…, month, kRegion).total
};

struct WarningUnitCount {
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::int64_t yellow = 0, orange = 0, red = 0;
  std::int64_t Total() const { return yellow + orange + red; }
};

// 最滞后项目: projects with an open warning, ranked by their most serious open warning (red, orange, yellow), then
// by the year-to-date investment shortfall (plan to date − completed to date, as of the dashboard's month), then by
// the longest-open warning, then by id.
struct LateProject {
  std::int64_t project_id = 0;
  std::string name;
  std::string unit_name;
  core::WarningLevel level = core::WarningLevel::kNone;
  std::int64_t open_warnings = 0;
  core::Date oldest_opened_on;
  core::Text worst_message;  // the message of its most serious, longest-open warning
  std::string worst_rule;
  std::optional<core::ProgressSummary> progress;  // nullopt: not in the year's figures of the caller's region
  core::Yuan Shortfall() const;
};

struct MapPoint {
  std::int64_t project_id = 0;
  std::string name;
  std::string stage;
  double longitude = 0, latitude = 0;
  core::Yuan total_investment = 0;
  core::WarningLevel level = core::WarningLevel::kNone;  // most serious open warning
};

struct GanttProject {
  std::int64_t project_id = 0;
  std::string name;
  std::vector<core::Milestone> milestones;    // wall-chart order
  std::vector<core::LateMilestone> late;      // core::LateMilestones as of today
};

struct Dashboard {
  std::string region_code, region_name;
  int year = 0, month = 0;
  core::Date today;
  DashboardCampaign campaign;
  std::vector<DashboardMonth> months;  // 1–12
  core::ProgressSummary as_of_month;   // the total as of `month`
  std::int64_t yellow = 0, orange = 0, red = 0;
  std::vector<WarningUnitCount> warning_units;  // most warnings first, at most kMaxWarningUnits
  std::vector<LateProject> late_projects;
  std::optional<boost::json::value> outline;
  std::vector<MapPoint> points;
  std::int64_t without_coordinates = 0;  // projects the caller sees that have no position
  bool points_truncated = false;
  std::vector<GanttProject> gantt;
};

// Reads inside `tx`; the caches are the dashboard route's own (per Api). Fails only when a cache load fails.
core::Result<Dashboard> LoadDashboard(Transaction& tx, ProgressCache& progress, RosterCache& rosters,
                                      const core::Principal& caller, const DashboardRequest& request);

}  // namespace sanpi::storage
