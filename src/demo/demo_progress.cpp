#include "demo/demo_progress.hpp"

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/investment_plan.hpp"
#include "core/monthly_report.hpp"
#include "storage/clock.hpp"
#include "storage/milestone_repository.hpp"
#include "storage/progress_settings_repository.hpp"
#include "storage/roster_cache.hpp"

namespace sanpi::demo {
namespace {

constexpr int kPlansPerStatement = 50;

std::string MonthCase(const char* prefix) {
  std::string out = "CASE mm.m";
  for (int m = 1; m <= 12; ++m) {
    char column[8];
    std::snprintf(column, sizeof column, "%s%02d", prefix, m);
    out += " WHEN " + std::to_string(m) + " THEN " + column;
  }
  return out + " END";
}

}  // namespace

core::Status GenerateProgress(storage::Transaction& tx, const core::Principal& office, const ProgressSpan& span) {
  const std::string region = office.region_code;
  const std::string now = storage::NowLocal();
  const auto settings = storage::ProgressSettingsRepository(tx).Get(region);

  // Plans: about a quarter of the total investment a year, to the 万元, seasonally shaped.
  std::vector<std::pair<std::int64_t, std::int64_t>> projects;
  for (auto row : tx.Query("SELECT id, total_investment FROM projects WHERE region_code = $1 AND withdrawn_on IS NULL "
                           "ORDER BY id",
                           {region})) {
    projects.emplace_back(row.Int(0), row.Int(1));
  }
  std::vector<storage::Params> batch;
  auto flush = [&](size_t rows) {
    if (rows == 0) return;
    std::string sql = "INSERT INTO investment_plans (region_code, project_id, year, annual, strategy, m01, m02, m03, m04, "
                      "m05, m06, m07, m08, m09, m10, m11, m12, version, created_at, updated_at) VALUES ";
    storage::Params params;
    for (size_t r = 0; r < rows; ++r) {
      sql += r ? ", (" : "(";
      for (int c = 0; c < 20; ++c) {
        params.push_back(std::move(batch[r][static_cast<size_t>(c)]));
        sql += (c ? ", $" : "$") + std::to_string(params.size());
      }
      sql += ")";
    }
    tx.Execute(sql, params);
    batch.erase(batch.begin(), batch.begin() + static_cast<long>(rows));
  };
  for (int year = span.first_year; year <= span.last_year; ++year) {
    for (const auto& [id, total] : projects) {
      const core::Yuan annual = total / 4 / core::kYuanPerWan * core::kYuanPerWan;
      auto months = core::DecomposeSeasonal(annual, settings.seasonal_weights);
      if (!months.ok()) return months.status();
      storage::Params row{region, id, std::int64_t{year}, annual, std::string("seasonal")};
      for (auto amount : *months) row.push_back(amount);
      row.push_back(std::int64_t{1});
      row.push_back(now);
      row.push_back(now);
      batch.push_back(std::move(row));
      if (batch.size() == kPlansPerStatement) flush(batch.size());
    }
  }
  flush(batch.size());

  // The months reported on, with their due dates and two filing dates (on time, late).
  std::string months = "mm(y, m, due, ontime, late) AS (VALUES ";
  bool first = true;
  for (int year = span.first_year; year <= span.last_year; ++year) {
    const int last = year == span.last_year ? span.through_month : 12;
    for (int m = year == span.first_year ? span.first_month : 1; m <= last; ++m) {
      const core::Date due = core::ReportDueDate(year, static_cast<unsigned>(m), settings.due_day);
      months += std::string(first ? "" : ", ") + "(" + std::to_string(year) + ", " + std::to_string(m) + ", '" +
                due.ToString() + "', '" + due.AddDays(-2).ToString() + "', '" + due.AddDays(6).ToString() + "')";
      first = false;
    }
  }
  if (first) return core::Status::Ok();
  months += ")";
  const std::string last_months = std::to_string(span.last_year * 12 + span.through_month - 1);
  tx.Execute(
      "WITH " + months +
          ", done AS (SELECT ip.region_code, ip.project_id, mm.y, mm.m, mm.due, "
          "CASE WHEN ip.project_id % 5 = 0 THEN mm.late ELSE mm.ontime END AS filed, "
          "(" + MonthCase("ip.m") + ") * (60 + (ip.project_id * 37) % 51) / 100 AS amount, p.total_investment "
          "FROM investment_plans ip JOIN mm ON mm.y = ip.year JOIN projects p ON p.id = ip.project_id "
          "WHERE ip.region_code = $1 AND NOT (ip.project_id % 13 = 0 AND mm.y * 12 + mm.m - 1 >= " + last_months + ")), "
          "summed AS (SELECT done.*, SUM(amount) OVER (PARTITION BY project_id ORDER BY y, m) AS cumulative FROM done) "
          "INSERT INTO monthly_reports (region_code, project_id, year, month, status, completed_this_month, cumulative, "
          "progress_text, progress_percent, problems, photo_ids, due_on, first_submitted_on, created_by, version, "
          "created_at, updated_at) "
          "SELECT region_code, project_id, y, m, 'accepted', amount, cumulative, '按计划推进', "
          "CASE WHEN cumulative * 100 / total_investment > 100 THEN 100 ELSE cumulative * 100 / total_investment END, "
          "'', '[]', due, filed, $2, 3, $3, $3 FROM summed",
      {region, office.user_id, now});
  tx.Execute(
      "INSERT INTO report_versions (report_id, number, completed_this_month, cumulative, progress_text, "
      "progress_percent, problems, submitted_on, submitted_by, return_reason, accepted_on, accepted_by) "
      "SELECT id, 1, completed_this_month, cumulative, progress_text, progress_percent, problems, first_submitted_on, "
      "created_by, '', first_submitted_on, created_by FROM monthly_reports WHERE region_code = $1",
      {region});
  std::string sums;
  for (int m = 1; m <= 12; ++m) {
    sums += ", SUM(CASE WHEN month = " + std::to_string(m) + " THEN completed_this_month ELSE 0 END)";
  }
  tx.Execute(
      "INSERT INTO report_year_totals (project_id, year, region_code, c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, "
      "c11, c12, submitted_mask, on_time_mask) SELECT project_id, year, region_code" + sums +
          ", SUM(CAST(1 AS BIGINT) << CAST(month - 1 AS INTEGER)), "
          "SUM(CASE WHEN first_submitted_on <= due_on THEN CAST(1 AS BIGINT) << CAST(month - 1 AS INTEGER) ELSE 0 END) "
          "FROM monthly_reports WHERE region_code = $1 GROUP BY project_id, year, region_code",
      {region});
  storage::BumpProgressRevision(tx, region);
  return core::Status::Ok();
}

ProgressSpan LastThirtySixMonths() {
  const core::Date today = core::Date::Today();
  const int last = today.year() * 12 + static_cast<int>(today.month()) - 2;  // last month, counted from year 0
  const int first = last - 35;
  return {first / 12, first % 12 + 1, last / 12, last % 12 + 1};
}

core::Status SeedDemoMilestones(storage::Transaction& tx, const core::Principal& office, int count) {
  storage::MilestoneRepository milestones(tx);
  const core::Date today = core::Date::Today();
  auto rows = tx.Query("SELECT id, kind, started_on FROM projects WHERE region_code = $1 AND started_on IS NOT NULL "
                       "AND withdrawn_on IS NULL ORDER BY id LIMIT $2",
                       {office.region_code, std::int64_t{count}});
  int n = 0;
  for (auto row : rows) {
    const std::int64_t id = row.Int(0);
    const std::string project_kind = row.Text(1);
    const std::string kind = project_kind.find("infra") != std::string::npos ? "infrastructure"
                             : project_kind == "industry"                    ? "industrial"
                                                                             : "livelihood";
    auto made = milestones.ApplyTemplate(office, id, kind);
    if (!made.ok()) return made.status();
    // Production due 8–20 months from now; the steps up to 开工 are reached on the recorded start date.
    const core::Date target = today.AddMonths(8 + (n++ % 13));
    auto schedule = milestones.Schedule(office, id, target, true);
    if (!schedule.ok() && schedule.status().code() != core::Code::kRuleBroken) return schedule.status();
    auto started = core::Date::Parse(row.Text(2));
    for (auto m : milestones.ListOf(id)) {
      const bool reached = m.code == "land" || m.code == "planning_permit" || m.code == "construction_permit" || m.code == "start";
      if (!reached || !started) continue;
      m.actual = m.code == "start" ? *started : started->AddDays(-10);
      if (m.planned && *m.planned > today) m.planned = m.actual;
      auto saved = milestones.Update(office, id, m.id, m);
      if (!saved.ok()) return saved.status();
    }
  }
  return core::Status::Ok();
}

}  // namespace sanpi::demo
