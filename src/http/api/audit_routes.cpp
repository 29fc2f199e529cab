// /api/v1/audit — the change history of one record.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/audit_log.hpp"
#include "storage/enterprise_repository.hpp"
#include "storage/org_unit_repository.hpp"
#include "storage/project_repository.hpp"
#include "storage/user_repository.hpp"

namespace sanpi::http {
namespace {

using core::Permission;
namespace json = boost::json;

json::value ParsedOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  boost::system::error_code ignored;
  return json::parse(text, ignored);
}

// The history of a record is as private as the record: the caller must be able to read it.
core::Status CheckVisible(storage::Transaction& tx, const core::Principal& caller, const std::string& entity,
                          const std::string& entity_id) {
  // Region-wide readers see every history of their region (the query is limited to it), including
  // deleted records'; narrower scopes only the histories of records they can read now.
  bool region_wide = caller.scope == core::DataScope::kRegion || caller.scope == core::DataScope::kRegionAndBelow;
  if (region_wide) return core::Status::Ok();
  std::int64_t id = std::atoll(entity_id.c_str());
  core::Status hidden = core::Status::NotFound({"记录不存在", "record not found"});
  if (entity == "enterprise") return storage::EnterpriseRepository(tx).Get(caller, id).ok() ? core::Status::Ok() : hidden;
  if (entity == "org_unit") return storage::OrgUnitRepository(tx).Get(caller, id).ok() ? core::Status::Ok() : hidden;
  if (entity == "user") return storage::UserRepository(tx).Get(caller, id).ok() ? core::Status::Ok() : hidden;
  if (entity == "project") return storage::ProjectRepository(tx).Get(caller, id).ok() ? core::Status::Ok() : hidden;
  return hidden;  // records that belong to no unit (regions, sessions): region-wide readers only
}

Response History(Context& ctx) {
  std::string entity = ctx.QueryText("entity"), entity_id = ctx.QueryText("entity_id");
  core::FieldErrors errors;
  if (entity.empty()) errors.Add("entity", {"必填", "is required"});
  if (entity_id.empty()) errors.Add("entity_id", {"必填", "is required"});
  if (!errors.empty()) return ErrorResponse(errors.ToStatus(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  if (auto visible = CheckVisible(*tx, ctx.principal, entity, entity_id); !visible.ok()) {
    return ErrorResponse(visible, ctx.language());
  }
  json::array items;
  for (const auto& e : storage::AuditLog(*tx).History(ctx.principal.region_code, entity, entity_id)) {
    items.push_back(json::object{{"id", e.id}, {"at", e.at}, {"user_id", e.user_id}, {"username", e.username},
                                 {"action", e.action}, {"entity", e.entity}, {"entity_id", e.entity_id},
                                 {"before", ParsedOrNull(e.before_json)}, {"after", ParsedOrNull(e.after_json)}});
  }
  auto total = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"total", total}});
}

}  // namespace

void AddAuditRoutes(Router& router) {
  router.Add({"GET", "/api/v1/audit", Permission::kReadAudit, History,
              {"audit", "变更记录 Change history of a record", "", "AuditEntry", true, 200,
               {{"entity", "string", "enterprise, org_unit, user …"}, {"entity_id", "string", "the record's id"}}}});
}

}  // namespace sanpi::http
