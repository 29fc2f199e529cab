#include "http/api.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "http/api/routes.hpp"
#include "http/errors.hpp"
#include "http/server.hpp"
#include "http/warning_refresh.hpp"

namespace sanpi::http {

Api::Api(storage::Database& db, ApiOptions options)
    : db_(db), options_(std::move(options)), sessions_(db), static_files_(options_.web_root) {
  AddSystemRoutes(router_, metrics_);
  AddAuthRoutes(router_);
  AddRegionRoutes(router_);
  AddOrgUnitRoutes(router_);
  AddUserRoutes(router_);
  AddEnterpriseRoutes(router_);
  AddAuditRoutes(router_);
  AddTransferRoutes(router_);  // before AddProjectRoutes: /projects/export.xlsx must not be taken for /projects/{id}
  AddProjectRoutes(router_);
  AddChecklistRoutes(router_);
  AddAttachmentRoutes(router_, options_.data_dir);
  AddCampaignRoutes(router_);
  AddPlanRoutes(router_);
  AddReportRoutes(router_);
  AddMilestoneRoutes(router_);
  AddProgressRoutes(router_);
  AddWarningRoutes(router_);
  AddInboxRoutes(router_);
  AddNotificationRoutes(router_);
  AddDashboardRoutes(router_);
}

std::size_t Api::BodyLimit(const std::string& method, const std::string& target) const {
  std::string path;
  std::map<std::string, std::string> query;
  if (!ParseTarget(target, path, query)) return kMaxBodyBytes;
  return router_.BodyLimit(method, path, kMaxBodyBytes);
}

Response Api::Dispatch(const Request& request, std::string& route_label) {
  const core::Language language = request.language();
  if (request.path.rfind("/api/", 0) != 0) {
    route_label = "static";
    return static_files_.Serve(request);
  }
  std::map<std::string, std::string> params;
  bool path_matched = false;
  const Route* route = router_.Match(request.method, request.path, params, path_matched);
  if (!route) {
    route_label = "unmatched";
    if (path_matched) {
      Response response = ErrorResponse(core::Status::Malformed({"不支持此请求方法", "method not allowed"}), language);
      response.status = 405;
      return response;
    }
    return ErrorResponse(core::Status::NotFound({"接口不存在", "no such endpoint"}), language);
  }
  route_label = route->pattern;
  // The server refuses oversized bodies while reading; this holds the same limit for any other caller.
  if (request.body.size() > (route->doc.max_body_bytes > 0 ? route->doc.max_body_bytes : kMaxBodyBytes)) {
    return ErrorResponse(core::Status::TooLarge({"请求内容过大", "the request is too large"}), language);
  }
  Context context{request, db_, sessions_, {}, std::move(params), {}};
  if (route->permission != core::Permission::kPublic) {
    auto principal = sessions_.Authenticate(request);
    if (!principal) {
      return ErrorResponse(core::Status::Unauthenticated({"请先登录", "please log in"}), language);
    }
    context.principal = std::move(*principal);
    if (!context.principal.Can(route->permission)) {
      return ErrorResponse(core::Status::Forbidden({"您的角色无权执行此操作", "your role does not allow this"}), language);
    }
  }
  Response response = route->handler(context);
  RefreshWarningsAfter(*route, context, response, options_.sweep_region);
  for (auto& header : context.extra_headers) response.headers.push_back(std::move(header));
  return response;
}

Response Api::Handle(const Request& request) {
  auto start = std::chrono::steady_clock::now();
  std::string route_label = "unmatched";
  Response response;
  try {
    response = Dispatch(request, route_label);
  } catch (const storage::DbError& e) {
    if (e.kind() == storage::DbError::Kind::kDuplicate) {
      response = ErrorResponse(core::Status::Conflict({"记录已存在", "the record already exists"}), request.language());
    } else if (e.kind() == storage::DbError::Kind::kForeignKey) {
      response = ErrorResponse(core::Status::RuleBroken({"仍有其他记录引用它", "other records still refer to it"}),
                               request.language());
    } else {
      spdlog::error("database error on {} {}: {}", request.method, request.path, e.what());
      response = ErrorResponse(core::Status::Internal({"服务器内部错误", "internal server error"}), request.language());
    }
  } catch (const std::exception& e) {
    spdlog::error("unhandled error on {} {}: {}", request.method, request.path, e.what());
    response = ErrorResponse(core::Status::Internal({"服务器内部错误", "internal server error"}), request.language());
  }
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
  metrics_.Record(request.method, route_label, response.status, micros);
  if (options_.log_requests) spdlog::info("{} {} {} {}us", request.method, request.path, response.status, micros);
  return response;
}

}  // namespace sanpi::http
