#include "storage/monthly_report_repository.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>

#include "codec/report_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/progress_settings_repository.hpp"
#include "storage/project_repository.hpp"
#include "storage/scope_sql.hpp"

namespace sanpi::storage {
namespace {

namespace json = boost::json;

constexpr const char* kColumns =
    "id, project_id, year, month, status, completed_this_month, cumulative, progress_text, progress_percent, "
    "problems, photo_ids, due_on, first_submitted_on, version";

core::Date ParseDate(const std::string& text) { return core::Date::Parse(text).value_or(core::Date{}); }
std::optional<core::Date> ParseOptional(const Row& row, size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return core::Date::Parse(row.Text(column));
}
Value DateValue(const std::optional<core::Date>& date) { return date ? Value{date->ToString()} : Value{nullptr}; }

std::string PhotoIdsText(const std::vector<std::int64_t>& ids) {
  json::array out;
  for (auto id : ids) out.push_back(id);
  return json::serialize(out);
}
std::vector<std::int64_t> ParsePhotoIds(const std::string& text) {
  std::vector<std::int64_t> ids;
  boost::system::error_code error;
  auto value = json::parse(text, error);
  if (error || !value.is_array()) return ids;
  for (const auto& id : value.as_array())
    if (id.is_int64()) ids.push_back(id.as_int64());
  return ids;
}

std::string MonthColumn(const char* prefix, unsigned month) {
  char name[8];
  std::snprintf(name, sizeof name, "%s%02u", prefix, month);
  return name;
}

std::string Snapshot(const core::MonthlyReport& report) { return json::serialize(codec::ToJson(report, {})); }
core::Status NoReport() { return core::Status::NotFound({"该月没有月报", "no report for this month"}); }
core::Status Stale() {
  return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
}

core::Status CheckPeriod(int year, unsigned month) {
  core::FieldErrors errors;
  if (year < core::kMinPlanYear || year > core::kMaxPlanYear)
    errors.Add("year", {"年份应在 2000 至 2100 之间", "year must be between 2000 and 2100"});
  if (month < 1 || month > 12) errors.Add("month", {"月份应为 1 至 12", "month must be between 1 and 12"});
  return errors.ToStatus();
}

}  // namespace

core::Date MonthlyReportRepository::DueOn(const std::string& region_code, int year, unsigned month) {
  return core::ReportDueDate(year, month, ProgressSettingsRepository(tx_).Get(region_code).due_day);
}

std::optional<MonthlyReportRepository::Stored> MonthlyReportRepository::Load(std::int64_t project_id, int year,
                                                                              unsigned month) {
  auto rows = tx_.Query(std::string("SELECT ") + kColumns +
                            " FROM monthly_reports WHERE project_id = $1 AND year = $2 AND month = $3",
                        {project_id, std::int64_t{year}, std::int64_t{month}});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  Stored stored;
  auto& report = stored.report;
  report.id = row.Int(0);
  report.project_id = row.Int(1);
  report.year = static_cast<int>(row.Int(2));
  report.month = static_cast<unsigned>(row.Int(3));
  report.status = core::ParseReportStatus(row.Text(4)).value_or(core::ReportStatus::kDraft);
  report.figures = {row.Int(5), row.Int(6), row.Text(7), static_cast<int>(row.Int(8)), row.Text(9)};
  report.photo_ids = ParsePhotoIds(row.Text(10));
  stored.due_on = ParseDate(row.Text(11));
  report.version = row.Int(13);
  for (auto v : tx_.Query(
           "SELECT number, completed_this_month, cumulative, progress_text, progress_percent, problems, submitted_on, "
           "submitted_by, returned_on, returned_by, return_reason, accepted_on, accepted_by FROM report_versions "
           "WHERE report_id = $1 ORDER BY number",
           {report.id})) {
    core::ReportVersion version;
    version.number = static_cast<int>(v.Int(0));
    version.figures = {v.Int(1), v.Int(2), v.Text(3), static_cast<int>(v.Int(4)), v.Text(5)};
    version.submitted_on = ParseDate(v.Text(6));
    version.submitted_by = v.Int(7);
    version.returned_on = ParseOptional(v, 8);
    version.returned_by = v.IsNull(9) ? 0 : v.Int(9);
    version.return_reason = v.Text(10);
    version.accepted_on = ParseOptional(v, 11);
    version.accepted_by = v.IsNull(12) ? 0 : v.Int(12);
    report.versions.push_back(std::move(version));
  }
  return stored;
}

std::optional<core::PreviousCumulative> MonthlyReportRepository::Previous(std::int64_t project_id, int year,
                                                                          unsigned month) {
  auto rows = tx_.Query(
      "SELECT year, month, cumulative FROM monthly_reports WHERE project_id = $1 AND status <> 'draft' AND "
      "(year < $2 OR (year = $2 AND month < $3)) ORDER BY year DESC, month DESC LIMIT 1",
      {project_id, std::int64_t{year}, std::int64_t{month}});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return core::PreviousCumulative{static_cast<int>(row.Int(0)), static_cast<unsigned>(row.Int(1)), row.Int(2)};
}

static ReportView MakeView(core::MonthlyReport report, core::Date due_on) {
  std::optional<core::Date> first;
  if (!report.versions.empty()) first = report.versions.front().submitted_on;
  auto timeliness = core::ReportTimeliness(due_on, first, core::Date::Today());
  return {std::move(report), timeliness};
}

core::Result<std::vector<ReportView>> MonthlyReportRepository::List(const core::Principal& caller,
                                                                    std::int64_t project_id, std::optional<int> year) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  Params params{project_id};
  std::string sql = "SELECT year, month FROM monthly_reports WHERE project_id = $1";
  if (year) {
    params.push_back(std::int64_t{*year});
    sql += " AND year = $2";
  }
  std::vector<ReportView> views;
  for (auto row : tx_.Query(sql + " ORDER BY year, month", params)) {
    auto stored = Load(project_id, static_cast<int>(row.Int(0)), static_cast<unsigned>(row.Int(1)));
    if (stored) views.push_back(MakeView(std::move(stored->report), stored->due_on));
  }
  return views;
}

core::Result<ReportView> MonthlyReportRepository::Get(const core::Principal& caller, std::int64_t project_id, int year,
                                                      unsigned month) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  auto stored = Load(project_id, year, month);
  if (!stored) return NoReport();
  return MakeView(std::move(stored->report), stored->due_on);
}

core::Result<ReportView> MonthlyReportRepository::SaveDraft(const core::Principal& caller, std::int64_t project_id,
                                                            int year, unsigned month, core::ReportFigures figures,
                                                            std::vector<std::int64_t> photo_ids, std::int64_t version) {
  if (auto status = CheckPeriod(year, month); !status.ok()) return status;
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  if (core::Date(year, month, 1) > core::Date::Today()) {
    return core::Status::RuleBroken({"该月尚未开始，不能填报月报", "this month has not begun; it cannot be reported yet"});
  }
  if (auto status = core::ValidateReportFigures(figures); !status.ok()) return status;
  for (size_t i = 0; i < photo_ids.size(); ++i) {
    if (tx_.Query("SELECT 1 FROM attachments WHERE id = $1 AND project_id = $2", {photo_ids[i], project_id}).empty()) {
      return core::Status::InvalidField("photo_ids[" + std::to_string(i + 1) + "]",
                                        {"照片不是本项目的附件", "the photo is not an attachment of this project"});
    }
  }
  Stored before;
  if (auto stored = Load(project_id, year, month)) {
    before = std::move(*stored);
  } else {
    before.report.project_id = project_id;
    before.report.year = year;
    before.report.month = month;
    before.due_on = DueOn(project->region_code, year, month);
  }
  if (before.report.version != version) return Stale();
  core::MonthlyReport after = before.report;
  if (auto status = core::EditFigures(after, std::move(figures)); !status.ok()) return status;
  after.photo_ids = std::move(photo_ids);
  return Store(caller, project->region_code, before, std::move(after), before.report.id == 0 ? "create" : "update");
}

template <class Move>
core::Result<ReportView> MonthlyReportRepository::Transition(const core::Principal& caller, std::int64_t project_id,
                                                             int year, unsigned month, std::int64_t version,
                                                             const std::string& action, Move move) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  auto before = Load(project_id, year, month);
  if (!before) return NoReport();
  if (before->report.version != version) return Stale();
  core::MonthlyReport after = before->report;
  if (auto status = move(after); !status.ok()) return status;
  return Store(caller, project->region_code, *before, std::move(after), action);
}

core::Result<ReportView> MonthlyReportRepository::Submit(const core::Principal& caller, std::int64_t project_id,
                                                         int year, unsigned month, std::int64_t version) {
  return Transition(caller, project_id, year, month, version, "submit", [&](core::MonthlyReport& report) {
    if (auto status = core::CheckCumulative(year, month, report.figures, Previous(project_id, year, month));
        !status.ok()) {
      return status;
    }
    return core::Submit(report, core::Date::Today(), caller.user_id);
  });
}

core::Result<ReportView> MonthlyReportRepository::Return(const core::Principal& caller, std::int64_t project_id,
                                                         int year, unsigned month, std::int64_t version,
                                                         std::string reason) {
  return Transition(caller, project_id, year, month, version, "return", [&](core::MonthlyReport& report) {
    return core::Return(report, std::move(reason), core::Date::Today(), caller.user_id);
  });
}

core::Result<ReportView> MonthlyReportRepository::Accept(const core::Principal& caller, std::int64_t project_id,
                                                         int year, unsigned month, std::int64_t version) {
  return Transition(caller, project_id, year, month, version, "accept", [&](core::MonthlyReport& report) {
    return core::Accept(report, core::Date::Today(), caller.user_id);
  });
}

core::Result<ReportView> MonthlyReportRepository::Store(const core::Principal& caller, const std::string& region_code,
                                                        const Stored& before, core::MonthlyReport after,
                                                        const std::string& action) {
  const auto& f = after.figures;
  const std::string now = NowLocal();
  std::optional<core::Date> first;
  if (!after.versions.empty()) first = after.versions.front().submitted_on;
  if (before.report.id == 0) {
    auto rows = tx_.Query(
        "INSERT INTO monthly_reports (region_code, project_id, year, month, status, completed_this_month, cumulative, "
        "progress_text, progress_percent, problems, photo_ids, due_on, first_submitted_on, created_by, version, "
        "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15) "
        "RETURNING id",
        {region_code, after.project_id, std::int64_t{after.year}, std::int64_t{after.month},
         std::string(core::ReportStatusCode(after.status)), f.completed_this_month, f.cumulative, f.progress_text,
         std::int64_t{f.progress_percent}, f.problems, PhotoIdsText(after.photo_ids), before.due_on.ToString(),
         DateValue(first), caller.user_id, now});
    after.id = rows.front().Int(0);
  } else {
    auto changed = tx_.Execute(
        "UPDATE monthly_reports SET status = $1, completed_this_month = $2, cumulative = $3, progress_text = $4, "
        "progress_percent = $5, problems = $6, photo_ids = $7, first_submitted_on = $8, updated_at = $9, "
        "version = version + 1 WHERE id = $10 AND version = $11",
        {std::string(core::ReportStatusCode(after.status)), f.completed_this_month, f.cumulative, f.progress_text,
         std::int64_t{f.progress_percent}, f.problems, PhotoIdsText(after.photo_ids), DateValue(first), now,
         before.report.id, before.report.version});
    if (changed != 1) return Stale();
  }
  after.version = before.report.version + 1;

  const size_t old_count = before.report.versions.size();
  if (after.versions.size() > old_count) {  // a submission: freeze it and count it in the year's totals
    const auto& v = after.versions.back();
    tx_.Execute(
        "INSERT INTO report_versions (report_id, number, completed_this_month, cumulative, progress_text, "
        "progress_percent, problems, submitted_on, submitted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        {after.id, std::int64_t{v.number}, v.figures.completed_this_month, v.figures.cumulative,
         v.figures.progress_text, std::int64_t{v.figures.progress_percent}, v.figures.problems,
         v.submitted_on.ToString(), v.submitted_by});
    const std::int64_t bit = std::int64_t{1} << (after.month - 1);
    const bool on_time = old_count == 0 && v.submitted_on <= before.due_on;
    const std::string column = MonthColumn("c", after.month);
    tx_.Execute("INSERT INTO report_year_totals (project_id, year, region_code, " + column +
                    ", submitted_mask, on_time_mask, revision) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                    "ON CONFLICT (project_id, year) DO UPDATE SET " + column + " = excluded." + column +
                    ", submitted_mask = report_year_totals.submitted_mask | excluded.submitted_mask"
                    ", on_time_mask = report_year_totals.on_time_mask | excluded.on_time_mask"
                    ", revision = excluded.revision",
                {after.project_id, std::int64_t{after.year}, region_code, v.figures.completed_this_month, bit,
                 on_time ? bit : std::int64_t{0}, BumpProgressRevision(tx_, region_code)});
  } else if (old_count > 0) {  // a review of the latest submission
    const auto& v = after.versions.back();
    tx_.Execute(
        "UPDATE report_versions SET returned_on = $1, returned_by = $2, return_reason = $3, accepted_on = $4, "
        "accepted_by = $5 WHERE report_id = $6 AND number = $7",
        {DateValue(v.returned_on), v.returned_by ? Value{v.returned_by} : Value{nullptr}, v.return_reason,
         DateValue(v.accepted_on), v.accepted_by ? Value{v.accepted_by} : Value{nullptr}, after.id,
         std::int64_t{v.number}});
  }
  AuditLog(tx_).Append(caller, action, "monthly_report", std::to_string(after.id),
                       before.report.id == 0 ? "" : Snapshot(before.report), Snapshot(after));
  return MakeView(std::move(after), before.due_on);
}

core::Result<ReportEntrySheet> MonthlyReportRepository::Entry(const core::Principal& caller, int year, unsigned month,
                                                              std::int64_t unit_id, int limit, int offset) {
  if (auto status = CheckPeriod(year, month); !status.ok()) return status;
  ReportEntrySheet sheet;
  sheet.year = year;
  sheet.month = month;
  sheet.due_on = DueOn(caller.region_code, year, month);
  Params params{std::int64_t{year}, std::int64_t{month}};
  std::string where = " FROM projects t JOIN investment_plans ip ON ip.project_id = t.id AND ip.year = $1 "
                      "LEFT JOIN monthly_reports r ON r.project_id = t.id AND r.year = $1 AND r.month = $2 "
                      "LEFT JOIN org_units u ON u.id = t.unit_id WHERE t.withdrawn_on IS NULL AND " +
                      ProjectRepository::VisibleTo(caller, params);
  if (unit_id != 0) where += " AND t.unit_id = " + Bind(params, unit_id);
  const std::string today = core::Date::Today().ToString();
  auto counts = tx_.Query("SELECT COUNT(*), SUM(CASE WHEN r.first_submitted_on IS NOT NULL THEN 1 ELSE 0 END), "
                          "SUM(CASE WHEN r.first_submitted_on IS NULL AND " + Bind(params, today) + " > " +
                              Bind(params, sheet.due_on.ToString()) + " THEN 1 ELSE 0 END)" + where,
                          params);
  sheet.total = counts.front().Int(0);
  sheet.submitted = static_cast<int>(counts.front().IsNull(1) ? 0 : counts.front().Int(1));
  sheet.overdue = static_cast<int>(counts.front().IsNull(2) ? 0 : counts.front().Int(2));
  params.resize(params.size() - 2);
  const std::string plan_column = "ip." + MonthColumn("m", month);
  auto rows = tx_.Query("SELECT t.id, t.code, t.name, COALESCE(u.name, ''), " + plan_column + ", r.id" + where +
                            " ORDER BY u.name, t.code, t.id LIMIT " + Bind(params, std::int64_t{limit}) + " OFFSET " +
                            Bind(params, std::int64_t{offset}),
                        params);
  for (auto row : rows) {
    ReportEntryLine line;
    line.project_id = row.Int(0);
    line.project_code = row.Text(1);
    line.project_name = row.Text(2);
    line.unit_name = row.Text(3);
    line.planned_month = row.Int(4);
    line.previous = Previous(line.project_id, year, month);
    if (!row.IsNull(5)) {
      if (auto stored = Load(line.project_id, year, month)) line.report = MakeView(std::move(stored->report), stored->due_on);
    }
    sheet.lines.push_back(std::move(line));
  }
  return sheet;
}

}  // namespace sanpi::storage
