// /api/v1/projects/{id}/checklist — 清单: a project's checklist items, as visible and writable as
// the project.
#include <boost/json/array.hpp>

#include "codec/project_json.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/checklist_repository.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;
using storage::ChecklistRepository;

Response List(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto items = ChecklistRepository(*tx).List(ctx.principal, *id);
  if (!items.ok()) return ErrorResponse(items.status(), ctx.language());
  json::array out;
  for (const auto& item : *items) out.push_back(codec::ToJson(item));
  auto total = static_cast<std::int64_t>(out.size());
  return JsonResponse(200, json::object{{"items", std::move(out)}, {"total", total}});
}

Response Create(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto item = codec::ChecklistItemFromJson(*body, false);
  if (!item.ok()) return ErrorResponse(item.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto created = ChecklistRepository(*tx).Create(ctx.principal, *id, *item);
  if (created.ok()) tx->Commit();
  return Respond(ctx, created, 201);
}

Response Update(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto item_id = ctx.PathId("item_id");
  if (!item_id.ok()) return ErrorResponse(item_id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto changes = codec::ChecklistItemFromJson(*body, true);
  if (!changes.ok()) return ErrorResponse(changes.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  ChecklistRepository repo(*tx);
  auto updated = repo.Update(ctx.principal, *id, *item_id, *changes);
  if (updated.ok()) tx->Commit();
  return RespondWrite(ctx, updated, [&] { return repo.Get(ctx.principal, *id, *item_id); });
}

Response Delete(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto item_id = ctx.PathId("item_id");
  if (!item_id.ok()) return ErrorResponse(item_id.status(), ctx.language());
  auto version = VersionParam(ctx);
  if (!version.ok()) return ErrorResponse(version.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto deleted = ChecklistRepository(*tx).Delete(ctx.principal, *id, *item_id, *version);
  if (deleted.ok()) tx->Commit();
  return Respond(ctx, deleted);
}

}  // namespace

void AddChecklistRoutes(Router& router) {
  const std::string base = "/api/v1/projects/{id}/checklist";
  router.Add({"GET", base, Permission::kReadProjects, List,
              {"projects", "项目清单 List a project's checklist", "", "ChecklistItem", true, 200, {}}});
  router.Add({"POST", base, Permission::kWriteProjects, Create,
              {"projects", "添加清单事项 Add a checklist item", "ChecklistItemInput", "ChecklistItem", false, 201, {}}});
  router.Add({"PUT", base + "/{item_id}", Permission::kWriteProjects, Update,
              {"projects", "修改清单事项 Update a checklist item", "ChecklistItemUpdate", "ChecklistItem", false, 200, {}}});
  router.Add({"DELETE", base + "/{item_id}", Permission::kWriteProjects, Delete,
              {"projects", "删除清单事项 Delete a checklist item", "", "", false, 204,
               {{"version", "integer", "the version being deleted"}}}});
}

}  // namespace sanpi::http
