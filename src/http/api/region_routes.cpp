// /api/v1/regions — 区域.
#include <boost/json/object.hpp>

#include "codec/geojson_outline.hpp"
#include "codec/json_reader.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/region_outline.hpp"
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

boost::json::value OutlineJson(const storage::RegionOutline& outline) {
  return boost::json::object{{"region_code", outline.region_code},
                             {"outline", outline.outline ? *outline.outline : boost::json::value(nullptr)},
                             {"version", outline.version}};
}

// 区域边界, the GeoJSON the dashboard map draws.
Response GetOutline(Context& ctx) {
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto outline = storage::RegionOutlineRepository(*tx).Get(ctx.principal, ctx.params.at("code"));
  if (!outline.ok()) return ErrorResponse(outline.status(), ctx.language());
  return JsonResponse(200, OutlineJson(*outline));
}

// {"outline": GeoJSON or null, "version": the region's version as read}.
Response PutOutline(Context& ctx) {
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  codec::JsonReader reader(*body);
  reader.Raw("outline");  // marks it known; the reader takes a null for absent, which here means "remove"
  const boost::json::value* raw = body->is_object() ? body->as_object().if_contains("outline") : nullptr;
  const std::int64_t version = reader.Int("version", true);
  if (!raw) reader.Fail("outline", {"缺少区域边界（可为 null 表示清除）", "outline is required (null removes it)"});
  if (auto status = reader.Finish(); !status.ok()) return ErrorResponse(status, ctx.language());
  std::optional<boost::json::value> outline;
  if (!raw->is_null()) {
    auto facts = codec::CheckOutline(*raw);
    if (!facts.ok()) return ErrorResponse(facts.status(), ctx.language());
    outline = *raw;
  }
  const std::string code = ctx.params.at("code");
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  storage::RegionOutlineRepository repo(*tx);
  auto saved = repo.Save(ctx.principal, code, std::move(outline), version);
  if (saved.ok()) {
    tx->Commit();
    return JsonResponse(200, OutlineJson(*saved));
  }
  if (saved.status().code() == core::Code::kConflict) {
    if (auto current = repo.Get(ctx.principal, code); current.ok())
      return ConflictResponse(saved.status(), ctx.language(), OutlineJson(*current));
  }
  return ErrorResponse(saved.status(), ctx.language());
}

}  // namespace

void AddRegionRoutes(Router& router) {
  router.Add({"GET", "/api/v1/regions", Permission::kReadRegions, List,
              {"regions", "区域列表 List regions", "", "Region", true, 200, {}}});
  router.Add({"POST", "/api/v1/regions", Permission::kManageRegions, Create,
              {"regions", "新建区域 Create a region", "RegionInput", "Region", false, 201, {}}});
  router.Add({"GET", "/api/v1/regions/{code}/outline", Permission::kReadRegions, GetOutline,
              {"regions", "区域边界 The region's outline (GeoJSON) for the dashboard map", "", "RegionOutline", false, 200,
               {}}});
  RouteDoc put_outline{"regions", "修改区域边界 Replace the region's outline (GeoJSON Polygon, MultiPolygon, Feature or "
                       "FeatureCollection; at most 100,000 positions and 2 MiB)", "RegionOutlineInput", "RegionOutline",
                       false, 200, {}};
  put_outline.max_body_bytes = codec::kMaxOutlineBytes + 64 * 1024;  // the outline plus its envelope
  router.Add({"PUT", "/api/v1/regions/{code}/outline", Permission::kManageCampaign, PutOutline, put_outline});
}

}  // namespace sanpi::http
