// /api/v1/regions — 区域.
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/region_repository.hpp"

namespace sanpi::http {
namespace {

using core::Permission;

Response List(Context& ctx) {
  auto tx = ctx.db.Begin(storage::Access::kRead);
  storage::Page<core::Region> page;
  page.items = storage::RegionRepository(*tx).List(ctx.principal);
  page.total = static_cast<std::int64_t>(page.items.size());
  return RespondPage(page);
}

Response Create(Context& ctx) {
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto region = codec::RegionFromJson(*body);
  if (!region.ok()) return ErrorResponse(region.status(), ctx.language());
  // An administrator adds regions only below his own.
  if (ctx.principal.scope != core::DataScope::kRegionAndBelow) {
    return ErrorResponse(core::Status::Forbidden({"需要“本区域及下级”数据范围", "needs the region_and_below data scope"}), ctx.language());
  }
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  storage::RegionRepository repo(*tx);
  auto parent = repo.Get(region->parent_code);
  if (!parent.ok() || parent->path.rfind(ctx.principal.region_path, 0) != 0) {
    return ErrorResponse(core::Status::InvalidField("parent_code", {"上级区域应在您的管辖范围内", "the parent region must be within your own"}),
                         ctx.language());
  }
  auto created = repo.Create(ctx.principal, *region);
  if (created.ok()) tx->Commit();
  return Respond(ctx, created, 201);
}

}  // namespace

void AddRegionRoutes(Router& router) {
  router.Add({"GET", "/api/v1/regions", Permission::kReadRegions, List,
              {"regions", "区域列表 List regions", "", "Region", true, 200, {}}});
  router.Add({"POST", "/api/v1/regions", Permission::kManageRegions, Create,
              {"regions", "新建区域 Create a region", "RegionInput", "Region", false, 201, {}}});
}

}  // namespace sanpi::http
