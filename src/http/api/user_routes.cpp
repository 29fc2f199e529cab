// /api/v1/users — 人员 accounts, administered by admins.
#include "core/user.hpp"
#include "http/api/crud.hpp"
#include "http/api/routes.hpp"
#include "storage/credentials.hpp"
#include "storage/user_repository.hpp"

namespace sanpi::http {
namespace {

using core::Permission;
using storage::UserRepository;

core::Result<core::User> UserUpdateFromJson(const boost::json::value& body, bool with_version) {
  return codec::UserFromJson(body, with_version, nullptr);
}

Response List(Context& ctx) {
  auto page = ctx.Paging({"username", "display_name", "created_at"});
  if (!page.ok()) return ErrorResponse(page.status(), ctx.language());
  auto unit_id = ctx.QueryInt("unit_id", 0);
  if (!unit_id.ok()) return ErrorResponse(unit_id.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  return RespondPage(UserRepository(*tx).List(ctx.principal, {ctx.QueryText("q"), *unit_id, *page}));
}

Response Create(Context& ctx) {
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  std::string password;
  auto user = codec::UserFromJson(*body, false, &password);
  if (!user.ok()) return ErrorResponse(user.status(), ctx.language());
  if (auto problem = core::PasswordProblem(password)) {
    return ErrorResponse(core::Status::InvalidField("password", *problem), ctx.language());
  }
  std::string hash = storage::HashPassword(password);  // slow on purpose: outside the write lock
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto created = UserRepository(*tx).Create(ctx.principal, *user, hash);
  if (created.ok()) tx->Commit();
  return Respond(ctx, created, 201);
}

Response ResetPassword(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  codec::JsonReader reader(*body);
  std::string password = reader.String("password", true);
  if (auto problem = core::PasswordProblem(password); problem && reader.Has("password")) reader.Fail("password", *problem);
  if (auto status = reader.Finish(); !status.ok()) return ErrorResponse(status, ctx.language());
  std::string hash = storage::HashPassword(password);
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  UserRepository repo(*tx);
  if (auto user = repo.Get(ctx.principal, *id); !user.ok()) return ErrorResponse(user.status(), ctx.language());
  auto status = repo.SetPasswordHash(ctx.principal, *id, hash);
  if (status.ok()) tx->Commit();
  return Respond(ctx, status);
}

}  // namespace

void AddUserRoutes(Router& router) {
  const std::string base = "/api/v1/users";
  router.Add({"GET", base, Permission::kReadUsers, List,
              {"users", "人员列表 List users", "", "User", true, 200,
               {{"q", "string", "username or name contains"}, {"unit_id", "integer", "in this unit"}}}});
  router.Add({"POST", base, Permission::kManageUsers, Create,
              {"users", "新建账号 Create a user", "UserInput", "User", false, 201, {}}});
  router.Add({"GET", base + "/{id}", Permission::kReadUsers, GetRecord<UserRepository>,
              {"users", "人员详情 Get a user", "", "User", false, 200, {}}});
  router.Add({"PUT", base + "/{id}", Permission::kManageUsers, UpdateRecord<UserRepository, UserUpdateFromJson>,
              {"users", "修改账号 Update a user", "UserUpdate", "User", false, 200, {}}});
  router.Add({"POST", base + "/{id}/password", Permission::kManageUsers, ResetPassword,
              {"users", "重置密码 Reset a user's password", "PasswordReset", "", false, 204, {}}});
}

}  // namespace sanpi::http
