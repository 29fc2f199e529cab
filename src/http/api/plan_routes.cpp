// /api/v1/projects/{id}/plans and /progress — 年度计划投资 with its monthly decomposition, and the
// project's figures for a year (rates, earned value, forecast). As visible and writable as the project.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/progress_json.hpp"
#include "http/api/period_params.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/investment_plan_repository.hpp"
#include "storage/project_progress.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;
using storage::InvestmentPlanRepository;

Response List(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto plans = InvestmentPlanRepository(*tx).List(ctx.principal, *id);
  if (!plans.ok()) return ErrorResponse(plans.status(), ctx.language());
  json::array items;
  for (const auto& plan : *plans) items.push_back(codec::ToJson(plan));
  auto total = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"total", total}});
}

Response Get(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto year = PathYear(ctx);
  if (!year.ok()) return ErrorResponse(year.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  return Respond(ctx, InvestmentPlanRepository(*tx).Get(ctx.principal, *id, *year));
}

Response Save(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto year = PathYear(ctx);
  if (!year.ok()) return ErrorResponse(year.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  std::int64_t version = 0;
  auto request = codec::DecompositionFromJson(*body, *year, &version);
  if (!request.ok()) return ErrorResponse(request.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  InvestmentPlanRepository repo(*tx);
  auto saved = repo.Save(ctx.principal, *id, *request, version);
  if (saved.ok()) tx->Commit();
  return RespondWrite(ctx, saved, [&] { return repo.Get(ctx.principal, *id, *year); });
}

Response Preview(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto year = PathYear(ctx);
  if (!year.ok()) return ErrorResponse(year.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto request = codec::DecompositionFromJson(*body, *year, nullptr);
  if (!request.ok()) return ErrorResponse(request.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto months = InvestmentPlanRepository(*tx).Preview(ctx.principal, *id, *request);
  if (!months.ok()) return ErrorResponse(months.status(), ctx.language());
  return JsonResponse(200, json::object{{"months", codec::MonthsJson(*months)}});
}

Response Progress(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto period = QueryYearMonth(ctx);
  if (!period.ok()) return ErrorResponse(period.status(), ctx.language());
  auto method = QueryForecastMethod(ctx);
  if (!method.ok()) return ErrorResponse(method.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto progress = storage::LoadProjectProgress(*tx, ctx.principal, *id, period->year, period->month, *method);
  if (!progress.ok()) return ErrorResponse(progress.status(), ctx.language());
  return JsonResponse(200, json::object{{"year", progress->year},
                                        {"month", progress->month},
                                        {"planned", codec::MonthsJson(progress->planned)},
                                        {"completed", codec::MonthsJson(progress->completed)},
                                        {"summary", codec::ToJson(progress->summary)},
                                        {"earned_value", codec::ToJson(progress->earned_value)},
                                        {"forecast", codec::ToJson(progress->forecast)},
                                        {"progress_percent", progress->progress_percent}});
}

}  // namespace

void AddPlanRoutes(Router& router) {
  const std::string base = "/api/v1/projects/{id}/plans";
  router.Add({"GET", base, Permission::kReadProjects, List,
              {"plans", "投资计划列表 A project's annual investment plans", "", "InvestmentPlan", true, 200, {}}});
  router.Add({"GET", base + "/{year}", Permission::kReadProjects, Get,
              {"plans", "年度投资计划 A project's plan for a year", "", "InvestmentPlan", false, 200, {}}});
  router.Add({"PUT", base + "/{year}", Permission::kWriteProjects, Save,
              {"plans", "保存年度投资计划 Create or replace a year's plan (version 0 creates)", "InvestmentPlanInput",
               "InvestmentPlan", false, 200, {}}});
  router.Add({"POST", base + "/{year}/preview", Permission::kReadProjects, Preview,
              {"plans", "预览逐月分解 Preview the monthly decomposition without saving", "DecompositionInput",
               "MonthlyAmounts", false, 200, {}}});
  router.Add({"GET", "/api/v1/projects/{id}/progress", Permission::kReadProjects, Progress,
              {"plans", "项目投资进度 A project's plan against completions, earned value and forecast", "",
               "ProjectProgress", false, 200,
               {{"year", "integer", "default this year"},
                {"month", "integer", "the month figures are as of, default the current month"},
                {"method", "string", "forecast method: ytd_ratio (default) | trend"}}}});
}

}  // namespace sanpi::http
