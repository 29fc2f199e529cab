#include "storage/project_progress.hpp"

#include <algorithm>

#include "storage/progress_settings_repository.hpp"
#include "storage/project_repository.hpp"

namespace sanpi::storage {

core::Result<ProjectProgress> LoadProjectProgress(Transaction& tx, const core::Principal& caller,
                                                  std::int64_t project_id, int year, int month,
                                                  core::ForecastMethod method) {
  auto project = ProjectRepository(tx).Get(caller, project_id);
  if (!project.ok()) return project.status();
  ProjectProgress out;
  out.year = year;
  out.month = month;
  std::vector<core::InvestmentPlan> plans;
  for (auto row : tx.Query("SELECT year, annual, m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12 "
                           "FROM investment_plans WHERE project_id = $1 ORDER BY year",
                           {project_id})) {
    core::InvestmentPlan plan;
    plan.project_id = project_id;
    plan.year = static_cast<int>(row.Int(0));
    plan.annual = row.Int(1);
    for (int m = 0; m < core::kMonthsPerYear; ++m) plan.months[m] = row.Int(2 + m);
    if (plan.year == year) out.planned = plan.months;
    plans.push_back(plan);
  }
  std::int64_t submitted = 0, on_time = 0;
  if (auto rows = tx.Query("SELECT c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12, submitted_mask, "
                           "on_time_mask FROM report_year_totals WHERE project_id = $1 AND year = $2",
                           {project_id, std::int64_t{year}});
      !rows.empty()) {
    for (int m = 0; m < core::kMonthsPerYear; ++m) out.completed[m] = rows.front().Int(m);
    submitted = rows.front().Int(12);
    on_time = rows.front().Int(13);
  }
  core::ProjectYearFigures figures;
  figures.project_id = project_id;
  figures.planned = out.planned;
  figures.completed = out.completed;
  out.summary = core::Summarise(figures, month);
  const bool in_plan = std::any_of(plans.begin(), plans.end(), [&](const core::InvestmentPlan& p) { return p.year == year; });
  core::CountReports(out.summary, submitted, on_time,
                     core::ReportsOwedMask(project->progress.started_on, in_plan, year),
                     core::OverdueMonthsMask(year, ProgressSettingsRepository(tx).Get(project->region_code).due_day,
                                             core::Date::Today()),
                     month);
  out.forecast = core::ForecastYear(out.planned, out.completed, month, method);

  core::Yuan cumulative = 0;
  auto latest = tx.Query(
      "SELECT v.cumulative, v.progress_percent FROM monthly_reports r JOIN report_versions v ON v.report_id = r.id "
      "WHERE r.project_id = $1 AND (r.year < $2 OR (r.year = $2 AND r.month <= $3)) "
      "ORDER BY r.year DESC, r.month DESC, v.number DESC LIMIT 1",
      {project_id, std::int64_t{year}, std::int64_t{month}});
  if (!latest.empty()) {
    cumulative = latest.front().Int(0);
    out.progress_percent = static_cast<int>(latest.front().Int(1));
  }
  out.earned_value = core::ComputeEarnedValue(project->total_investment, out.progress_percent,
                                              core::CumulativePlanned(plans, year, month), cumulative);
  return out;
}

}  // namespace sanpi::storage
