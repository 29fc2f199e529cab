#include "storage/user_repository.hpp"

#include <boost/json/serialize.hpp>
#include <sstream>

#include "codec/account_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/org_unit_repository.hpp"
#include "storage/scope_sql.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kColumns =
    "t.id, t.region_code, t.unit_id, t.enterprise_id, t.username, t.display_name, t.phone, t.roles, t.scope, "
    "t.active, t.version, t.created_at, t.updated_at";

std::string JoinRoles(const std::vector<core::Role>& roles) {
  std::string out;
  for (auto role : roles) out += (out.empty() ? "" : ",") + std::string(core::ToString(role));
  return out;
}

std::vector<core::Role> SplitRoles(const std::string& text) {
  std::vector<core::Role> roles;
  std::stringstream stream(text);
  std::string name;
  while (std::getline(stream, name, ','))
    if (auto role = core::ParseRole(name)) roles.push_back(*role);
  return roles;
}

core::User FromRow(const Row& row) {
  core::User u;
  u.id = row.Int(0);
  u.region_code = row.Text(1);
  u.unit_id = row.Int(2);
  u.enterprise_id = row.Int(3);
  u.username = row.Text(4);
  u.display_name = row.Text(5);
  u.phone = row.Text(6);
  u.roles = SplitRoles(row.Text(7));
  u.scope = core::ParseDataScope(row.Text(8)).value_or(core::DataScope::kSelf);
  u.active = row.Int(9) != 0;
  u.version = row.Int(10);
  u.created_at = row.Text(11);
  u.updated_at = row.Text(12);
  return u;
}

Value IdOrNull(std::int64_t id) { return id == 0 ? Value{nullptr} : Value{id}; }
std::string Snapshot(const core::User& u) { return boost::json::serialize(codec::ToJson(u)); }
core::Status NotFound() { return core::Status::NotFound({"用户不存在", "user not found"}); }
core::Status Stale() {
  return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
}

}  // namespace

core::Result<core::User> UserRepository::Get(const core::Principal& caller, std::int64_t id) {
  Params params{id};
  auto rows = tx_.Query(std::string("SELECT ") + kColumns + " FROM users t WHERE t.id = $1 AND " +
                            ScopePredicate(caller, {}, params), params);
  if (rows.empty()) return NotFound();
  return FromRow(rows.front());
}

Page<core::User> UserRepository::List(const core::Principal& caller, const UserQuery& query) {
  Params params;
  std::string where = " WHERE " + ScopePredicate(caller, {}, params);
  if (!query.text.empty()) {
    std::string pattern = Bind(params, "%" + query.text + "%");
    where += " AND (t.username LIKE " + pattern + " OR t.display_name LIKE " + pattern + ")";
  }
  if (query.unit_id != 0) where += " AND t.unit_id = " + Bind(params, query.unit_id);
  Page<core::User> page;
  std::string order = OrderBy(query.page.sort,
                              {{"username", "t.username"}, {"display_name", "t.display_name"}, {"created_at", "t.created_at"}},
                              "t.id");
  for (auto row : tx_.Query(std::string("SELECT ") + kColumns + " FROM users t" + where + order + Limit(query.page), params)) {
    page.items.push_back(FromRow(row));
  }
  page.total = TotalOf(query.page, page.items.size(), [&] {
    return tx_.Query("SELECT COUNT(*) FROM users t" + where, params).front().Int(0);
  });
  return page;
}

core::Status UserRepository::CheckPlacement(const core::Principal& caller, const core::User& user) {
  core::FieldErrors errors;
  // A user can be placed only in a unit the caller himself can see.
  if (user.unit_id != 0 && !OrgUnitRepository(tx_).Get(caller, user.unit_id).ok()) {
    errors.Add("unit_id", {"单位不存在或不在您的管辖范围内", "no such unit within your data scope"});
  }
  if (user.enterprise_id != 0 &&
      tx_.Query("SELECT 1 FROM enterprises WHERE id = $1 AND region_code = $2", {user.enterprise_id, user.region_code}).empty()) {
    errors.Add("enterprise_id", {"企业不存在", "no such enterprise"});
  }
  // Nobody hands out more than he holds: only an administrator makes administrators.
  for (auto role : user.roles) {
    if (role == core::Role::kAdmin && !caller.Has(core::Role::kAdmin)) {
      errors.Add("roles", {"只有管理员可以授予管理员角色", "only an administrator can grant the admin role"});
    }
  }
  return errors.ToStatus();
}

core::Result<core::User> UserRepository::Create(const core::Principal& caller, core::User user, const std::string& password_hash) {
  user.region_code = caller.region_code;
  if (auto status = core::ValidateUser(user); !status.ok()) return status;
  if (auto status = CheckPlacement(caller, user); !status.ok()) return status;
  if (!tx_.Query("SELECT 1 FROM users WHERE username = $1", {user.username}).empty()) {
    return core::Status::ConflictOn("username", {"用户名已存在", "this username is taken"});
  }
  user.created_at = user.updated_at = NowLocal();
  user.version = 1;
  auto rows = tx_.Query(
      "INSERT INTO users (region_code, unit_id, enterprise_id, username, display_name, phone, roles, scope, "
      "password_hash, active, created_by, version, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12) RETURNING id",
      {user.region_code, IdOrNull(user.unit_id), IdOrNull(user.enterprise_id), user.username, user.display_name,
       user.phone, JoinRoles(user.roles), std::string(core::ToString(user.scope)), password_hash,
       std::int64_t{user.active ? 1 : 0}, IdOrNull(caller.user_id), user.created_at});
  user.id = rows.front().Int(0);
  AuditLog(tx_).Append(caller, "create", "user", std::to_string(user.id), "", Snapshot(user));
  return user;
}

core::Result<core::User> UserRepository::Update(const core::Principal& caller, std::int64_t id, core::User changes) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != changes.version) return Stale();
  if (changes.username != current->username) {
    return core::Status::InvalidField("username", {"用户名创建后不能修改", "a username cannot be changed"});
  }
  core::User next = *current;
  next.display_name = changes.display_name;
  next.phone = changes.phone;
  next.unit_id = changes.unit_id;
  next.enterprise_id = changes.enterprise_id;
  next.roles = changes.roles;
  next.scope = changes.scope;
  next.active = changes.active;
  if (auto status = core::ValidateUser(next); !status.ok()) return status;
  if (auto status = CheckPlacement(caller, next); !status.ok()) return status;
  if (id == caller.user_id && (!next.active || (caller.Has(core::Role::kAdmin) && !next.Has(core::Role::kAdmin)))) {
    return core::Status::RuleBroken({"不能停用自己或取消自己的管理员角色", "you cannot deactivate yourself or drop your own admin role"});
  }
  next.updated_at = NowLocal();
  next.version = current->version + 1;
  auto changed = tx_.Execute(
      "UPDATE users SET display_name = $1, phone = $2, unit_id = $3, enterprise_id = $4, roles = $5, scope = $6, "
      "active = $7, updated_at = $8, version = version + 1 WHERE id = $9 AND version = $10",
      {next.display_name, next.phone, IdOrNull(next.unit_id), IdOrNull(next.enterprise_id), JoinRoles(next.roles),
       std::string(core::ToString(next.scope)), std::int64_t{next.active ? 1 : 0}, next.updated_at, id, changes.version});
  if (changed != 1) return Stale();
  if (!next.active) tx_.Execute("DELETE FROM sessions WHERE user_id = $1", {id});
  AuditLog(tx_).Append(caller, "update", "user", std::to_string(id), Snapshot(*current), Snapshot(next));
  return next;
}

core::Status UserRepository::SetPasswordHash(const core::Principal& caller, std::int64_t id, const std::string& password_hash) {
  auto current = Get(caller, id);
  if (!current.ok() && id != caller.user_id) return current.status();
  tx_.Execute("UPDATE users SET password_hash = $1, updated_at = $2, version = version + 1 WHERE id = $3",
              {password_hash, NowLocal(), id});
  tx_.Execute("DELETE FROM sessions WHERE user_id = $1", {id});
  AuditLog(tx_).Append(caller, "password", "user", std::to_string(id), "", "");
  return core::Status::Ok();
}

std::optional<Credentials> UserRepository::FindCredentials(const std::string& username) {
  auto rows = tx_.Query("SELECT id, password_hash, active FROM users WHERE username = $1", {username});
  if (rows.empty()) return std::nullopt;
  return Credentials{rows.front().Int(0), rows.front().Text(1), rows.front().Int(2) != 0};
}

std::optional<core::Principal> UserRepository::LoadPrincipal(std::int64_t user_id) {
  auto rows = tx_.Query(
      "SELECT u.id, u.username, u.display_name, u.roles, u.scope, u.region_code, r.path, u.unit_id, "
      "COALESCE(o.path, ''), u.enterprise_id, u.active FROM users u JOIN regions r ON r.code = u.region_code "
      "LEFT JOIN org_units o ON o.id = u.unit_id WHERE u.id = $1",
      {user_id});
  if (rows.empty() || rows.front().Int(10) == 0) return std::nullopt;
  auto row = rows.front();
  core::Principal p;
  p.user_id = row.Int(0);
  p.username = row.Text(1);
  p.display_name = row.Text(2);
  p.roles = SplitRoles(row.Text(3));
  p.scope = core::ParseDataScope(row.Text(4)).value_or(core::DataScope::kSelf);
  p.region_code = row.Text(5);
  p.region_path = row.Text(6);
  p.unit_id = row.Int(7);
  p.unit_path = row.Text(8);
  p.enterprise_id = row.Int(9);
  return p;
}

std::map<std::int64_t, std::string> UserRepository::DisplayNames(const std::set<std::int64_t>& ids) {
  std::map<std::int64_t, std::string> names;
  if (ids.empty()) return names;
  Params params;
  std::string list;
  for (std::int64_t id : ids) {
    params.push_back(id);
    list += (list.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  for (auto row : tx_.Query("SELECT id, display_name FROM users WHERE id IN (" + list + ")", params))
    names.emplace(row.Int(0), row.Text(1));
  return names;
}

}  // namespace sanpi::storage
