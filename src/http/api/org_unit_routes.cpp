// /api/v1/org-units — 单位.
#include "http/api/crud.hpp"
#include "http/api/routes.hpp"
#include "storage/org_unit_repository.hpp"

namespace sanpi::http {
namespace {

using core::Permission;
using storage::OrgUnitRepository;

Response List(Context& ctx) {
  auto page = ctx.Paging({"name", "code", "path"});
  if (!page.ok()) return ErrorResponse(page.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  return RespondPage(OrgUnitRepository(*tx).List(ctx.principal, {ctx.QueryText("q"), *page}));
}

}  // namespace

void AddOrgUnitRoutes(Router& router) {
  const std::string base = "/api/v1/org-units";
  router.Add({"GET", base, Permission::kReadOrgUnits, List,
              {"org-units", "单位列表 List org units", "", "OrgUnit", true, 200, {{"q", "string", "name or code contains"}}}});
  router.Add({"POST", base, Permission::kManageOrgUnits, CreateRecord<OrgUnitRepository, codec::OrgUnitFromJson>,
              {"org-units", "新建单位 Create an org unit", "OrgUnitInput", "OrgUnit", false, 201, {}}});
  router.Add({"GET", base + "/{id}", Permission::kReadOrgUnits, GetRecord<OrgUnitRepository>,
              {"org-units", "单位详情 Get an org unit", "", "OrgUnit", false, 200, {}}});
  router.Add({"PUT", base + "/{id}", Permission::kManageOrgUnits, UpdateRecord<OrgUnitRepository, codec::OrgUnitFromJson>,
              {"org-units", "修改单位 Update an org unit", "OrgUnitUpdate", "OrgUnit", false, 200, {}}});
  router.Add({"DELETE", base + "/{id}", Permission::kManageOrgUnits, DeleteRecord<OrgUnitRepository>,
              {"org-units", "删除单位 Delete an org unit", "", "", false, 204, {{"version", "integer", "the version being deleted"}}}});
}

}  // namespace sanpi::http
