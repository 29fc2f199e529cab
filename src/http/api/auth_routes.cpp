// /api/v1/auth — login, logout, who am I, change my password.
#include <boost/json/object.hpp>

#include "core/user.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "http/session_gate.hpp"
#include "storage/credentials.hpp"
#include "storage/org_unit_repository.hpp"
#include "storage/region_repository.hpp"
#include "storage/user_repository.hpp"

namespace sanpi::http {
namespace {

using core::Permission;
namespace json = boost::json;

json::object MeJson(storage::Transaction& tx, const core::Principal& p) {
  json::array roles;
  for (auto role : p.roles) roles.emplace_back(core::ToString(role));
  auto region = storage::RegionRepository(tx).Get(p.region_code);
  core::Principal self = p;
  self.scope = core::DataScope::kUnit;  // his own unit is always visible to him
  auto unit = p.unit_id ? storage::OrgUnitRepository(tx).Get(self, p.unit_id) : core::Result<core::OrgUnit>(core::OrgUnit{});
  return json::object{{"id", p.user_id},
                      {"username", p.username},
                      {"display_name", p.display_name},
                      {"roles", std::move(roles)},
                      {"scope", core::ToString(p.scope)},
                      {"region_code", p.region_code},
                      {"region_name", region.ok() ? region->name : ""},
                      {"unit_id", p.unit_id},
                      {"unit_name", unit.ok() ? unit->name : ""},
                      {"enterprise_id", p.enterprise_id}};
}

std::string SessionCookie(const std::string& token, long long max_age) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
}

Response Login(Context& ctx) {
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  codec::JsonReader reader(*body);
  std::string username = reader.String("username", true), password = reader.String("password", true);
  if (auto status = reader.Finish(); !status.ok()) return ErrorResponse(status, ctx.language());
  auto login = ctx.sessions.Login(username, password, ctx.request.remote_address);
  if (!login.ok()) {
    Response response = ErrorResponse(login.status(), ctx.language());
    if (login.status().code() == core::Code::kThrottled) response.headers.emplace_back("Retry-After", "900");
    return response;
  }
  auto tx = ctx.db.Begin(storage::Access::kRead);
  ctx.extra_headers.emplace_back("Set-Cookie", SessionCookie(login->token, kSessionSeconds));
  return JsonResponse(200, json::object{{"token", login->token}, {"user", MeJson(*tx, login->principal)}});
}

Response Logout(Context& ctx) {
  ctx.sessions.Logout(SessionGate::TokenOf(ctx.request));
  ctx.extra_headers.emplace_back("Set-Cookie", SessionCookie("", 0));
  return NoContent();
}

Response Me(Context& ctx) {
  auto tx = ctx.db.Begin(storage::Access::kRead);
  return JsonResponse(200, MeJson(*tx, ctx.principal));
}

Response ChangePassword(Context& ctx) {
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  codec::JsonReader reader(*body);
  std::string old_password = reader.String("old_password", true), new_password = reader.String("new_password", true);
  if (auto problem = core::PasswordProblem(new_password); problem && reader.Has("new_password")) {
    reader.Fail("new_password", *problem);
  }
  if (auto status = reader.Finish(); !status.ok()) return ErrorResponse(status, ctx.language());
  if (!ctx.sessions.CheckPassword(ctx.principal.username, old_password)) {
    return ErrorResponse(core::Status::InvalidField("old_password", {"原密码不正确", "the current password is wrong"}), ctx.language());
  }
  std::string hash = storage::HashPassword(new_password);
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto status = storage::UserRepository(*tx).SetPasswordHash(ctx.principal, ctx.principal.user_id, hash);
  if (status.ok()) tx->Commit();
  return Respond(ctx, status);
}

}  // namespace

void AddAuthRoutes(Router& router) {
  router.Add({"POST", "/api/v1/auth/login", Permission::kPublic, Login,
              {"auth", "登录 Log in", "LoginRequest", "LoginResponse", false, 200, {}}});
  router.Add({"POST", "/api/v1/auth/logout", Permission::kAuthenticated, Logout,
              {"auth", "退出登录 Log out", "", "", false, 204, {}}});
  router.Add({"GET", "/api/v1/auth/me", Permission::kAuthenticated, Me,
              {"auth", "当前用户 Who am I", "", "Me", false, 200, {}}});
  router.Add({"POST", "/api/v1/auth/password", Permission::kAuthenticated, ChangePassword,
              {"auth", "修改密码 Change my password", "PasswordChange", "", false, 204, {}}});
}

}  // namespace sanpi::http
