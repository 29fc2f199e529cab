// /api/v1/dashboard — 挂图作战, the leadership wall screen in one round trip: campaign KPIs, the year's plan against
// completion with 序时进度, open warnings by level and unit, the most-late projects, the map and the milestone chart.
// An adapter: the figures come from storage::LoadDashboard, which reuses the campaign, progress and warning code.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/campaign_json.hpp"
#include "codec/milestone_json.hpp"
#include "codec/progress_json.hpp"
#include "core/investment_plan.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/dashboard_figures.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;

// ?year= (default this year), ?month= (default: December of a past year, nothing of a future one, and for this
// year the month before this one — the month whose reports are being filed), ?top= (most-late projects, 1–50).
core::Result<storage::DashboardRequest> ReadRequest(const Context& ctx) {
  storage::DashboardRequest request;
  request.today = core::Date::Today();
  core::FieldErrors errors;
  auto year = ctx.QueryInt("year", request.today.year());
  if (!year.ok() || *year < core::kMinPlanYear || *year > core::kMaxPlanYear) {
    errors.Add("year", {"年份应在 2000 至 2100 之间", "year must be between 2000 and 2100"});
  } else {
    request.year = static_cast<int>(*year);
  }
  const int this_year = request.today.year();
  const int fallback = request.year < this_year   ? core::kMonthsPerYear
                       : request.year > this_year ? 0
                                                  : static_cast<int>(request.today.month()) - 1;
  auto month = ctx.QueryInt("month", fallback);
  if (!month.ok() || *month < 0 || *month > core::kMonthsPerYear) {
    errors.Add("month", {"月份应为 0 至 12", "month must be between 0 and 12"});
  } else {
    request.month = static_cast<int>(*month);
  }
  auto top = ctx.QueryInt("top", storage::kDefaultLateProjects);
  if (!top.ok() || *top < 1 || *top > storage::kMaxLateProjects) {
    errors.Add("top", {"滞后项目条数应为 1 至 50", "top must be 1 to 50"});
  } else {
    request.late_projects = static_cast<int>(*top);
  }
  if (!errors.empty()) return errors.ToStatus();
  return request;
}

json::value TextJson(const core::Text& text) { return json::object{{"zh", text.zh}, {"en", text.en}}; }

json::value LevelJson(core::WarningLevel level) {
  return level == core::WarningLevel::kNone ? json::value(nullptr) : json::value(core::WarningLevelCode(level));
}

json::object CampaignJson(const storage::DashboardCampaign& campaign) {
  json::object out = codec::ToJson(campaign.figures).as_object();
  out["period"] = campaign.period;
  out["period_name"] = campaign.period_name;
  out["held_on"] = campaign.held_on ? json::value(campaign.held_on->ToString()) : json::value(nullptr);
  out["as_of"] = campaign.as_of.ToString();
  return out;
}

json::object InvestmentJson(const storage::Dashboard& d) {
  json::array months;
  for (const auto& m : d.months) {
    const bool reported = m.month <= d.month;  // completions after the dashboard's month are not in yet
    months.push_back(json::object{
        {"month", m.month},
        {"planned", m.summary.planned_month},
        {"planned_cumulative", m.summary.planned_to_date},
        {"completed", reported ? json::value(m.summary.completed_month) : json::value(nullptr)},
        {"completed_cumulative", reported ? json::value(m.summary.completed_to_date) : json::value(nullptr)},
        {"time_progress", codec::RateJson(m.summary.TimeProgress())},
        {"ytd_rate", reported ? codec::RateJson(m.summary.YearToDateRate()) : json::value(nullptr)},
        {"year_rate", reported ? codec::RateJson(m.summary.YearRate()) : json::value(nullptr)}});
  }
  return json::object{{"total", codec::ToJson(d.as_of_month)}, {"months", std::move(months)}};
}

json::object WarningsJson(const storage::Dashboard& d) {
  json::array units;
  for (const auto& u : d.warning_units) {
    units.push_back(json::object{{"unit_id", u.unit_id}, {"unit_name", u.unit_name}, {"yellow", u.yellow},
                                 {"orange", u.orange}, {"red", u.red}, {"total", u.Total()}});
  }
  return json::object{{"open", d.yellow + d.orange + d.red},
                      {"by_level", json::object{{"yellow", d.yellow}, {"orange", d.orange}, {"red", d.red}}},
                      {"by_unit", std::move(units)}};
}

json::array LateJson(const storage::Dashboard& d) {
  json::array items;
  for (const auto& p : d.late_projects) {
    json::object item{{"project_id", p.project_id},
                      {"project_name", p.name},
                      {"unit_name", p.unit_name},
                      {"level", LevelJson(p.level)},
                      {"open_warnings", p.open_warnings},
                      {"oldest_opened_on", p.oldest_opened_on.ToString()},
                      {"days_open", d.today.DaysSinceEpoch() - p.oldest_opened_on.DaysSinceEpoch()},
                      {"worst_rule", p.worst_rule},
                      {"worst_message", TextJson(p.worst_message)},
                      {"shortfall", p.Shortfall()}};
    if (p.progress) {
      item["planned_to_date"] = p.progress->planned_to_date;
      item["completed_to_date"] = p.progress->completed_to_date;
      item["ytd_rate"] = codec::RateJson(p.progress->YearToDateRate());
      item["time_progress"] = codec::RateJson(p.progress->TimeProgress());
    } else {
      item["planned_to_date"] = nullptr;
      item["completed_to_date"] = nullptr;
      item["ytd_rate"] = nullptr;
      item["time_progress"] = nullptr;
    }
    items.push_back(std::move(item));
  }
  return items;
}

json::object MapJson(const storage::Dashboard& d) {
  json::array points;
  for (const auto& p : d.points) {
    points.push_back(json::object{{"project_id", p.project_id}, {"name", p.name}, {"stage", p.stage},
                                  {"longitude", p.longitude}, {"latitude", p.latitude},
                                  {"total_investment", p.total_investment}, {"level", LevelJson(p.level)}});
  }
  return json::object{{"outline", d.outline ? *d.outline : json::value(nullptr)},
                      {"points", std::move(points)},
                      {"points_truncated", d.points_truncated},
                      {"without_coordinates", d.without_coordinates}};
}

json::array GanttJson(const storage::Dashboard& d) {
  json::array projects;
  for (const auto& p : d.gantt) {
    json::array milestones;
    for (const auto& m : p.milestones) {
      json::object item = codec::ToJson(m).as_object();
      const bool done = m.actual && *m.actual <= d.today;
      int days_late = 0;
      for (const auto& late : p.late)
        if (late.id == m.id) days_late = late.days_late;
      item["done"] = done;
      item["late"] = days_late > 0;
      item["days_late"] = days_late;
      milestones.push_back(std::move(item));
    }
    projects.push_back(json::object{{"project_id", p.project_id}, {"project_name", p.name},
                                    {"late_milestones", static_cast<std::int64_t>(p.late.size())},
                                    {"milestones", std::move(milestones)}});
  }
  return projects;
}

Response Dashboard(Context& ctx, storage::ProgressCache& progress, storage::RosterCache& rosters) {
  auto request = ReadRequest(ctx);
  if (!request.ok()) return ErrorResponse(request.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto d = storage::LoadDashboard(*tx, progress, rosters, ctx.principal, *request);
  if (!d.ok()) return ErrorResponse(d.status(), ctx.language());
  return JsonResponse(200, json::object{{"region", json::object{{"code", d->region_code}, {"name", d->region_name}}},
                                        {"year", d->year},
                                        {"month", d->month},
                                        {"today", d->today.ToString()},
                                        {"campaign", CampaignJson(d->campaign)},
                                        {"investment", InvestmentJson(*d)},
                                        {"warnings", WarningsJson(*d)},
                                        {"late_projects", LateJson(*d)},
                                        {"map", MapJson(*d)},
                                        {"milestones", GanttJson(*d)}});
}

}  // namespace

void AddDashboardRoutes(Router& router) {
  // The dashboard's own caches (per Api, so per database): a wall screen refreshing every minute reads from memory
  // until something is written.
  auto progress = std::make_shared<storage::ProgressCache>();
  auto rosters = std::make_shared<storage::RosterCache>();
  router.Add({"GET", "/api/v1/dashboard", Permission::kReadCampaign,
              [progress, rosters](Context& ctx) { return Dashboard(ctx, *progress, *rosters); },
              {"dashboard", "挂图作战 The leadership dashboard: KPIs, plan against completion, warnings, map, milestones",
               "", "Dashboard", false, 200,
               {{"year", "integer", "default this year"},
                {"month", "integer", "figures as of this month (0–12); default: last month this year, December of a past year"},
                {"top", "integer", "how many most-late projects, 1–50, default 10"}}}});
}

}  // namespace sanpi::http
