// /api/v1/projects/{id}/reports and /api/v1/reports/entry — 月报: filed by the project's unit or
// enterprise contact (or the office), returned or accepted by the project office.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/report_json.hpp"
#include "http/api/period_params.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/monthly_report_repository.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;
using storage::MonthlyReportRepository;
using storage::ReportView;

json::value ViewJson(const ReportView& view) { return codec::ToJson(view.report, view.timeliness); }

Response RespondView(const Context& ctx, const core::Result<ReportView>& view, MonthlyReportRepository& repo,
                     std::int64_t project_id, int year, unsigned month) {
  if (view.ok()) return JsonResponse(200, ViewJson(*view));
  if (view.status().code() == core::Code::kConflict) {
    if (auto current = repo.Get(ctx.principal, project_id, year, month); current.ok())
      return ConflictResponse(view.status(), ctx.language(), ViewJson(*current));
  }
  return ErrorResponse(view.status(), ctx.language());
}

struct Target {
  std::int64_t project_id = 0;
  int year = 0;
  unsigned month = 0;
};

core::Result<Target> ReadTarget(const Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return id.status();
  auto year = PathYear(ctx);
  if (!year.ok()) return year.status();
  auto month = PathMonth(ctx);
  if (!month.ok()) return month.status();
  return Target{*id, *year, *month};
}

Response List(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  std::optional<int> year;
  if (!ctx.QueryText("year").empty()) {
    auto period = QueryYearMonth(ctx);
    if (!period.ok()) return ErrorResponse(period.status(), ctx.language());
    year = period->year;
  }
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto views = MonthlyReportRepository(*tx).List(ctx.principal, *id, year);
  if (!views.ok()) return ErrorResponse(views.status(), ctx.language());
  json::array items;
  for (const auto& view : *views) items.push_back(ViewJson(view));
  auto total = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"total", total}});
}

Response Get(Context& ctx) {
  auto target = ReadTarget(ctx);
  if (!target.ok()) return ErrorResponse(target.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto view = MonthlyReportRepository(*tx).Get(ctx.principal, target->project_id, target->year, target->month);
  if (!view.ok()) return ErrorResponse(view.status(), ctx.language());
  return JsonResponse(200, ViewJson(*view));
}

Response SaveDraft(Context& ctx) {
  auto target = ReadTarget(ctx);
  if (!target.ok()) return ErrorResponse(target.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto draft = codec::ReportDraftFromJson(*body);
  if (!draft.ok()) return ErrorResponse(draft.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  MonthlyReportRepository repo(*tx);
  auto saved = repo.SaveDraft(ctx.principal, target->project_id, target->year, target->month, draft->figures,
                              draft->photo_ids, draft->version);
  if (saved.ok()) tx->Commit();
  return RespondView(ctx, saved, repo, target->project_id, target->year, target->month);
}

enum class Action { kSubmit, kReturn, kAccept };

template <Action action>
Response Act(Context& ctx) {
  auto target = ReadTarget(ctx);
  if (!target.ok()) return ErrorResponse(target.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  std::string reason;
  auto version = codec::ReportActionFromJson(*body, action == Action::kReturn ? &reason : nullptr);
  if (!version.ok()) return ErrorResponse(version.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  MonthlyReportRepository repo(*tx);
  const auto& [project_id, year, month] = *target;
  core::Result<ReportView> done = [&] {
    switch (action) {
      case Action::kSubmit: return repo.Submit(ctx.principal, project_id, year, month, *version);
      case Action::kReturn: return repo.Return(ctx.principal, project_id, year, month, *version, reason);
      case Action::kAccept: break;
    }
    return repo.Accept(ctx.principal, project_id, year, month, *version);
  }();
  if (done.ok()) tx->Commit();
  return RespondView(ctx, done, repo, project_id, year, month);
}

Response Entry(Context& ctx) {
  auto period = QueryYearMonth(ctx);
  if (!period.ok()) return ErrorResponse(period.status(), ctx.language());
  auto unit = ctx.QueryInt("unit_id", 0);
  if (!unit.ok()) return ErrorResponse(unit.status(), ctx.language());
  auto limit = ctx.QueryInt("limit", 200);
  auto offset = ctx.QueryInt("offset", 0);
  if (!limit.ok() || *limit < 1 || *limit > 1000)
    return ErrorResponse(core::Status::InvalidField("limit", {"每页条数应为 1 至 1000", "limit must be 1 to 1000"}), ctx.language());
  if (!offset.ok() || *offset < 0)
    return ErrorResponse(core::Status::InvalidField("offset", {"偏移量不能为负数", "offset must not be negative"}), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto sheet = MonthlyReportRepository(*tx).Entry(ctx.principal, period->year, static_cast<unsigned>(period->month),
                                                  *unit, static_cast<int>(*limit), static_cast<int>(*offset));
  if (!sheet.ok()) return ErrorResponse(sheet.status(), ctx.language());
  json::array items;
  for (const auto& line : sheet->lines) {
    json::value previous_month = nullptr;
    json::value previous_cumulative = nullptr;
    if (line.previous) {
      char text[16];
      std::snprintf(text, sizeof text, "%04d-%02u", line.previous->year, line.previous->month);
      previous_month = text;
      previous_cumulative = line.previous->cumulative;
    }
    items.push_back(json::object{{"project_id", line.project_id},
                                 {"project_code", line.project_code},
                                 {"project_name", line.project_name},
                                 {"unit_name", line.unit_name},
                                 {"planned_month", line.planned_month},
                                 {"previous_cumulative", std::move(previous_cumulative)},
                                 {"previous_month", std::move(previous_month)},
                                 {"report", line.report ? ViewJson(*line.report) : json::value(nullptr)}});
  }
  return JsonResponse(200, json::object{{"year", sheet->year},
                                        {"month", sheet->month},
                                        {"due_on", sheet->due_on.ToString()},
                                        {"total", sheet->total},
                                        {"submitted", sheet->submitted},
                                        {"overdue", sheet->overdue},
                                        {"items", std::move(items)}});
}

}  // namespace

void AddReportRoutes(Router& router) {
  const std::string base = "/api/v1/projects/{id}/reports";
  const std::string one = base + "/{year}/{month}";
  router.Add({"GET", base, Permission::kReadProjects, List,
              {"reports", "项目月报列表 A project's monthly reports", "", "MonthlyReport", true, 200,
               {{"year", "integer", "only this year"}}}});
  router.Add({"GET", one, Permission::kReadProjects, Get,
              {"reports", "月报 A project's report for a month", "", "MonthlyReport", false, 200, {}}});
  router.Add({"PUT", one, Permission::kFileReports, SaveDraft,
              {"reports", "填写月报 Create or edit the report's working figures (version 0 creates)", "MonthlyReportInput",
               "MonthlyReport", false, 200, {}}});
  router.Add({"POST", one + "/submit", Permission::kFileReports, Act<Action::kSubmit>,
              {"reports", "报送月报 Submit (or resubmit) the report", "VersionInput", "MonthlyReport", false, 200, {}}});
  router.Add({"POST", one + "/return", Permission::kReviewReports, Act<Action::kReturn>,
              {"reports", "退回月报 Return the report with a reason", "ReportReturnInput", "MonthlyReport", false, 200, {}}});
  router.Add({"POST", one + "/accept", Permission::kReviewReports, Act<Action::kAccept>,
              {"reports", "确认月报 Accept the report", "VersionInput", "MonthlyReport", false, 200, {}}});
  router.Add({"GET", "/api/v1/reports/entry", Permission::kFileReports, Entry,
              {"reports", "月报填报 The caller's projects due to report for a month, with their reports", "",
               "ReportEntrySheet", false, 200,
               {{"year", "integer", "default this year"},
                {"month", "integer", "default the current month"},
                {"unit_id", "integer", "only projects this unit leads"},
                {"limit", "integer", "lines per page, 1–1000 (default 200)"},
                {"offset", "integer", "lines to skip"}}}});
}

}  // namespace sanpi::http
