// /api/v1/progress — the zone's investment progress: the roll-up by unit, industry, batch, period or
// region (also as the monthly briefing's .xlsx), the projects forecast to miss the year, and the
// region's progress settings. Read by every internal user inside his scope.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/progress_json.hpp"
#include "http/api/period_params.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "report/progress_workbook.hpp"
#include "storage/progress_cache.hpp"
#include "storage/progress_figures.hpp"
#include "storage/progress_settings_repository.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;

core::Result<storage::ProgressDimension> QueryDimension(const Context& ctx) {
  const std::string text = ctx.QueryText("by");
  if (text.empty()) return storage::ProgressDimension::kUnit;
  auto by = storage::ParseProgressDimension(text);
  if (!by) {
    return core::Status::InvalidField("by", {"汇总维度应为 unit、industry、batch、period 或 region",
                                             "by must be unit, industry, batch, period or region"});
  }
  return *by;
}

core::Result<storage::ProgressTable> Table(Context& ctx, storage::ProgressCache& cache) {
  auto period = QueryYearMonth(ctx);
  if (!period.ok()) return period.status();
  auto by = QueryDimension(ctx);
  if (!by.ok()) return by.status();
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto year = cache.Load(*tx, ctx.principal.region_code, period->year);
  if (!year.ok()) return year.status();
  return storage::RollUpProgress(**year, ctx.principal, period->month, *by, core::Date::Today());
}

Response RollUp(Context& ctx, storage::ProgressCache& cache) {
  auto table = Table(ctx, cache);
  if (!table.ok()) return ErrorResponse(table.status(), ctx.language());
  json::array rows;
  for (size_t i = 0; i < table->rows.size(); ++i) {
    json::object row = codec::ToJson(table->rows[i]).as_object();
    row["label"] = table->labels[i];
    rows.push_back(std::move(row));
  }
  json::object total = codec::ToJson(table->total).as_object();
  total["label"] = "合计";
  return JsonResponse(200, json::object{{"year", table->year},
                                        {"month", table->month},
                                        {"by", storage::ProgressDimensionCode(table->by)},
                                        {"title", report::ProgressTitle(*table)},
                                        {"rows", std::move(rows)},
                                        {"total", std::move(total)}});
}

Response Export(Context& ctx, storage::ProgressCache& cache) {
  auto table = Table(ctx, cache);
  if (!table.ok()) return ErrorResponse(table.status(), ctx.language());
  auto bytes = report::ProgressWorkbook(*table);
  if (!bytes.ok()) return ErrorResponse(bytes.status(), ctx.language());
  Response response;
  response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  char name[64];
  std::snprintf(name, sizeof name, "progress-%04d-%02d-by-%s.xlsx", table->year, table->month,
                std::string(storage::ProgressDimensionCode(table->by)).c_str());
  response.headers.emplace_back("Content-Disposition", std::string("attachment; filename=\"") + name + "\"");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.body = std::move(*bytes);
  return response;
}

Response Forecast(Context& ctx, storage::ProgressCache& cache) {
  auto period = QueryYearMonth(ctx);
  if (!period.ok()) return ErrorResponse(period.status(), ctx.language());
  auto method = QueryForecastMethod(ctx);
  if (!method.ok()) return ErrorResponse(method.status(), ctx.language());
  auto limit = ctx.QueryInt("limit", 50);
  auto offset = ctx.QueryInt("offset", 0);
  if (!limit.ok() || *limit < 1 || *limit > 1000)
    return ErrorResponse(core::Status::InvalidField("limit", {"每页条数应为 1 至 1000", "limit must be 1 to 1000"}), ctx.language());
  if (!offset.ok() || *offset < 0)
    return ErrorResponse(core::Status::InvalidField("offset", {"偏移量不能为负数", "offset must not be negative"}), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto year = cache.Load(*tx, ctx.principal.region_code, period->year);
  if (!year.ok()) return ErrorResponse(year.status(), ctx.language());
  auto list = storage::ForecastMisses(**year, ctx.principal, period->month, *method, static_cast<int>(*limit),
                                      static_cast<int>(*offset));
  json::array items;
  for (const auto& line : list.items) {
    items.push_back(json::object{{"project_id", line.project_id},
                                 {"project_code", line.code},
                                 {"project_name", line.name},
                                 {"unit_name", line.unit_name},
                                 {"method", core::ForecastMethodCode(line.forecast.method)},
                                 {"planned_year", line.forecast.planned_year},
                                 {"completed_to_date", line.forecast.completed_to_date},
                                 {"forecast", line.forecast.forecast},
                                 {"shortfall", line.forecast.Shortfall()}});
  }
  return JsonResponse(200, json::object{{"year", period->year},
                                        {"month", period->month},
                                        {"method", core::ForecastMethodCode(list.method)},
                                        {"total", list.total},
                                        {"items", std::move(items)}});
}

Response GetSettings(Context& ctx) {
  auto tx = ctx.db.Begin(storage::Access::kRead);
  return JsonResponse(200, codec::ToJson(storage::ProgressSettingsRepository(*tx).Get(ctx.principal.region_code)));
}

Response SaveSettings(Context& ctx) {
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto settings = codec::ProgressSettingsFromJson(*body);
  if (!settings.ok()) return ErrorResponse(settings.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  storage::ProgressSettingsRepository repo(*tx);
  auto saved = repo.Save(ctx.principal, *settings);
  if (saved.ok()) tx->Commit();
  if (!saved.ok() && saved.status().code() == core::Code::kConflict) {
    return ConflictResponse(saved.status(), ctx.language(), codec::ToJson(repo.Get(ctx.principal.region_code)));
  }
  if (!saved.ok()) return ErrorResponse(saved.status(), ctx.language());
  return JsonResponse(200, codec::ToJson(*saved));
}

}  // namespace

void AddProgressRoutes(Router& router) {
  auto cache = std::make_shared<storage::ProgressCache>();
  auto with_cache = [cache](Response (*handler)(Context&, storage::ProgressCache&)) {
    return [cache, handler](Context& ctx) { return handler(ctx, *cache); };
  };
  const std::vector<QueryParamDoc> table_query = {
      {"year", "integer", "default this year"},
      {"month", "integer", "figures as of this month (1–12), default the current month"},
      {"by", "string", "unit (default) | industry | batch | period | region"}};
  router.Add({"GET", "/api/v1/progress", Permission::kReadCampaign, with_cache(RollUp),
              {"progress", "投资进度汇总 Plan against completion rolled up by a dimension", "", "ProgressTable", false, 200,
               table_query}});
  router.Add({"GET", "/api/v1/progress/export.xlsx", Permission::kReadCampaign, with_cache(Export),
              {"progress", "导出投资进度 The roll-up as an Excel file", "", "", false, 200, table_query}});
  router.Add({"GET", "/api/v1/progress/forecast", Permission::kReadCampaign, with_cache(Forecast),
              {"progress", "预计完不成年度计划的项目 Projects forecast to miss the year, largest shortfall first", "",
               "ForecastList", false, 200,
               {{"year", "integer", "default this year"},
                {"month", "integer", "default the current month"},
                {"method", "string", "ytd_ratio (default) | trend"},
                {"limit", "integer", "1–1000, default 50"},
                {"offset", "integer", "lines to skip"}}}});
  router.Add({"GET", "/api/v1/progress/settings", Permission::kReadCampaign, GetSettings,
              {"progress", "进度设置 The region's report due day and seasonal profile", "", "ProgressSettings", false,
               200, {}}});
  router.Add({"PUT", "/api/v1/progress/settings", Permission::kManageCampaign, SaveSettings,
              {"progress", "修改进度设置 Change the due day or seasonal profile", "ProgressSettingsInput",
               "ProgressSettings", false, 200, {}}});
}

}  // namespace sanpi::http
