#include "http/warning_refresh.hpp"

#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>

#include "http/context.hpp"
#include "storage/warning_sweep.hpp"

namespace sanpi::http {
namespace {

enum class Reach { kNone, kProject, kRegion };

bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// A member of the answer's JSON object; null when there is none.
boost::json::value Member(const Response& response, std::string_view name) {
  boost::system::error_code ec;
  const boost::json::value body = boost::json::parse(response.body, ec);
  if (ec || !body.is_object()) return nullptr;
  const auto* member = body.as_object().if_contains(name);
  return member ? *member : nullptr;
}

Reach ReachOf(const Route& route, const Response& response) {
  const std::string& pattern = route.pattern;
  if (route.method == "GET") return Reach::kNone;
  if (StartsWith(pattern, "/api/v1/projects/{id}")) return Reach::kProject;
  if (pattern == "/api/v1/projects" && route.method == "POST") return Reach::kProject;
  if (StartsWith(pattern, "/api/v1/imports/")) {
    const boost::json::value committed = Member(response, "committed");
    return committed.is_bool() && committed.as_bool() ? Reach::kRegion : Reach::kNone;
  }
  if (pattern == "/api/v1/warnings/rules" || pattern == "/api/v1/progress/settings") return Reach::kRegion;
  return Reach::kNone;
}

// The project a write touched: the path's id, or the id of the project it created.
std::int64_t ProjectOf(const Context& ctx, const Response& response) {
  if (auto id = ctx.PathId(); id.ok()) return *id;
  const boost::json::value id = Member(response, "id");
  return id.is_int64() ? id.as_int64() : 0;
}

}  // namespace

void RefreshWarningsAfter(const Route& route, const Context& ctx, const Response& response,
                          const std::function<void(const std::string&)>& sweep_region) {
  if (response.status < 200 || response.status >= 300) return;
  const Reach reach = ReachOf(route, response);
  if (reach == Reach::kNone) return;
  const core::Date today = core::Date::Today();
  try {
    core::Status status = core::Status::Ok();
    if (reach == Reach::kRegion && sweep_region) {
      sweep_region(ctx.principal.region_code);
    } else if (reach == Reach::kRegion) {
      if (auto counts = storage::Sweep(ctx.db, ctx.principal.region_code, today); !counts.ok()) status = counts.status();
    } else if (const std::int64_t project = ProjectOf(ctx, response); project != 0) {
      if (auto counts = storage::SweepProject(ctx.db, project, today); !counts.ok()) status = counts.status();
    }
    if (!status.ok())
      spdlog::warn("warnings not refreshed after {} {}: {}", route.method, route.pattern, status.message().en);
  } catch (const std::exception& e) {
    spdlog::warn("warnings not refreshed after {} {}: {}", route.method, route.pattern, e.what());
  }
}

}  // namespace sanpi::http
