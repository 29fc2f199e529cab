// /api/v1/health, /api/v1/metrics, /api/v1/openapi.json.
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "http/openapi.hpp"

namespace sanpi::http {
namespace {
using core::Permission;
}

void AddSystemRoutes(Router& router, Metrics& metrics) {
  router.Add({"GET", "/api/v1/health", Permission::kPublic,
              [](Context& ctx) {
                const char* database = ctx.db.dialect() == storage::Dialect::kSqlite ? "sqlite" : "postgresql";
                return JsonResponse(200, boost::json::object{{"status", "ok"}, {"version", "0.1.0"}, {"database", database}});
              },
              {"system", "健康检查 Health check", "", "Health", false, 200, {}}});
  router.Add({"GET", "/api/v1/metrics", Permission::kReadMetrics,
              [&metrics](Context&) {
                Response response;
                response.content_type = "text/plain; version=0.0.4; charset=utf-8";
                response.body = metrics.RenderPrometheus();
                return response;
              },
              {"system", "运行指标 Prometheus metrics", "", "", false, 200, {}}});
  // The document is built once from the full table; every route is in place by the first request.
  router.Add({"GET", "/api/v1/openapi.json", Permission::kPublic,
              [&router](Context&) {
                static const std::string document = boost::json::serialize(BuildOpenApi(router));
                Response response;
                response.body = document;
                return response;
              },
              {"system", "接口说明 OpenAPI document", "", "", false, 200, {}}});
}

}  // namespace sanpi::http
