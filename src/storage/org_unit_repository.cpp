#include "storage/org_unit_repository.hpp"

#include <boost/json/serialize.hpp>

#include "codec/account_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/scope_sql.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kColumns =
    "t.id, t.region_code, t.parent_id, t.code, t.name, t.path, t.version, t.created_at, t.updated_at";
constexpr ScopeColumns kUnitScope{"t.region_code", "t.id", "t.created_by"};

core::OrgUnit FromRow(const Row& row) {
  core::OrgUnit u;
  u.id = row.Int(0);
  u.region_code = row.Text(1);
  u.parent_id = row.Int(2);
  u.code = row.Text(3);
  u.name = row.Text(4);
  u.path = row.Text(5);
  u.version = row.Int(6);
  u.created_at = row.Text(7);
  u.updated_at = row.Text(8);
  return u;
}

std::string Snapshot(const core::OrgUnit& u) { return boost::json::serialize(codec::ToJson(u)); }
core::Status NotFound() { return core::Status::NotFound({"单位不存在", "org unit not found"}); }
core::Status Stale() {
  return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
}
core::Status CodeTaken() { return core::Status::ConflictOn("code", {"单位编码已存在", "an org unit with this code already exists"}); }

}  // namespace

core::Result<core::OrgUnit> OrgUnitRepository::Get(const core::Principal& caller, std::int64_t id) {
  Params params{id};
  auto rows = tx_.Query(std::string("SELECT ") + kColumns + " FROM org_units t WHERE t.id = $1 AND " +
                            ScopePredicate(caller, kUnitScope, params), params);
  if (rows.empty()) return NotFound();
  return FromRow(rows.front());
}

Page<core::OrgUnit> OrgUnitRepository::List(const core::Principal& caller, const OrgUnitQuery& query) {
  Params params;
  std::string where = " WHERE " + ScopePredicate(caller, kUnitScope, params);
  if (!query.text.empty()) {
    std::string pattern = Bind(params, "%" + query.text + "%");
    where += " AND (t.name LIKE " + pattern + " OR t.code LIKE " + pattern + ")";
  }
  Page<core::OrgUnit> page;
  std::string order = OrderBy(query.page.sort, {{"name", "t.name"}, {"code", "t.code"}, {"path", "t.path"}}, "t.path");
  for (auto row : tx_.Query(std::string("SELECT ") + kColumns + " FROM org_units t" + where + order + Limit(query.page), params)) {
    page.items.push_back(FromRow(row));
  }
  page.total = TotalOf(query.page, page.items.size(), [&] {
    return tx_.Query("SELECT COUNT(*) FROM org_units t" + where, params).front().Int(0);
  });
  return page;
}

core::Result<core::OrgUnit> OrgUnitRepository::Create(const core::Principal& caller, core::OrgUnit unit) {
  unit.region_code = caller.region_code;
  if (auto status = core::ValidateOrgUnit(unit); !status.ok()) return status;
  std::string parent_path = "/";
  if (unit.parent_id != 0) {
    auto parent = Get(caller, unit.parent_id);
    if (!parent.ok()) return core::Status::InvalidField("parent_id", {"上级单位不存在", "no such parent unit"});
    parent_path = parent->path;
  }
  if (!tx_.Query("SELECT 1 FROM org_units WHERE region_code = $1 AND code = $2", {unit.region_code, unit.code}).empty()) {
    return CodeTaken();
  }
  unit.created_at = unit.updated_at = NowLocal();
  unit.version = 1;
  auto rows = tx_.Query(
      "INSERT INTO org_units (region_code, parent_id, code, name, path, created_by, version, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id",
      {unit.region_code, unit.parent_id == 0 ? Value{nullptr} : Value{unit.parent_id}, unit.code, unit.name,
       parent_path, caller.user_id, unit.created_at});
  unit.id = rows.front().Int(0);
  unit.path = parent_path + std::to_string(unit.id) + "/";
  tx_.Execute("UPDATE org_units SET path = $1 WHERE id = $2", {unit.path, unit.id});
  AuditLog(tx_).Append(caller, "create", "org_unit", std::to_string(unit.id), "", Snapshot(unit));
  return unit;
}

core::Result<core::OrgUnit> OrgUnitRepository::Update(const core::Principal& caller, std::int64_t id, core::OrgUnit changes) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != changes.version) return Stale();
  core::OrgUnit next = *current;
  next.code = changes.code;
  next.name = changes.name;
  next.parent_id = changes.parent_id;
  if (auto status = core::ValidateOrgUnit(next); !status.ok()) return status;
  if (next.code != current->code &&
      !tx_.Query("SELECT 1 FROM org_units WHERE region_code = $1 AND code = $2", {next.region_code, next.code}).empty()) {
    return CodeTaken();
  }
  if (next.parent_id != current->parent_id) {
    std::string parent_path = "/";
    if (next.parent_id != 0) {
      auto parent = Get(caller, next.parent_id);
      if (!parent.ok()) return core::Status::InvalidField("parent_id", {"上级单位不存在", "no such parent unit"});
      if (parent->path.rfind(current->path, 0) == 0) {
        return core::Status::RuleBroken({"不能把单位移到它自己的下级单位之下", "a unit cannot be moved under one of its own sub-units"});
      }
      parent_path = parent->path;
    }
    next.path = parent_path + std::to_string(id) + "/";
    // Re-root the whole subtree: every descendant's path starts with the old path.
    tx_.Execute("UPDATE org_units SET path = $1 || substr(path, $2) WHERE path LIKE $3 AND id <> $4",
                {next.path, static_cast<std::int64_t>(current->path.size() + 1), current->path + "%", id});
  }
  next.updated_at = NowLocal();
  next.version = current->version + 1;
  auto changed = tx_.Execute(
      "UPDATE org_units SET code = $1, name = $2, parent_id = $3, path = $4, updated_at = $5, version = version + 1 "
      "WHERE id = $6 AND version = $7",
      {next.code, next.name, next.parent_id == 0 ? Value{nullptr} : Value{next.parent_id}, next.path, next.updated_at,
       id, changes.version});
  if (changed != 1) return Stale();
  AuditLog(tx_).Append(caller, "update", "org_unit", std::to_string(id), Snapshot(*current), Snapshot(next));
  return next;
}

core::Status OrgUnitRepository::Delete(const core::Principal& caller, std::int64_t id, std::int64_t version) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != version) return Stale();
  bool in_use = !tx_.Query("SELECT 1 FROM org_units WHERE parent_id = $1", {id}).empty() ||
                !tx_.Query("SELECT 1 FROM users WHERE unit_id = $1", {id}).empty() ||
                !tx_.Query("SELECT 1 FROM enterprises WHERE unit_id = $1", {id}).empty();
  if (in_use) {
    return core::Status::RuleBroken({"该单位仍有下级单位、人员或企业，不能删除",
                                     "the unit still has sub-units, users or enterprises and cannot be deleted"});
  }
  tx_.Execute("DELETE FROM org_units WHERE id = $1", {id});
  AuditLog(tx_).Append(caller, "delete", "org_unit", std::to_string(id), Snapshot(*current), "");
  return core::Status::Ok();
}

}  // namespace sanpi::storage
