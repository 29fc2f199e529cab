// /api/v1/projects/{id}/milestones — 节点 with their dependency graph, standard templates and
// reverse scheduling 倒排工期. As visible and writable as the project.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/milestone_json.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/milestone_repository.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;
using storage::MilestoneRepository;

json::array Items(const std::vector<core::Milestone>& milestones) {
  json::array items;
  for (const auto& m : milestones) items.push_back(codec::ToJson(m));
  return items;
}

Response List(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto milestones = MilestoneRepository(*tx).List(ctx.principal, *id);
  if (!milestones.ok()) return ErrorResponse(milestones.status(), ctx.language());
  auto total = static_cast<std::int64_t>(milestones->size());
  return JsonResponse(200, json::object{{"items", Items(*milestones)}, {"total", total}});
}

Response Create(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto milestone = codec::MilestoneFromJson(*body, false);
  if (!milestone.ok()) return ErrorResponse(milestone.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto created = MilestoneRepository(*tx).Create(ctx.principal, *id, *milestone);
  if (created.ok()) tx->Commit();
  return Respond(ctx, created, 201);
}

core::Result<core::Milestone> FindOne(MilestoneRepository& repo, const core::Principal& caller, std::int64_t project_id,
                                      std::int64_t id) {
  auto all = repo.List(caller, project_id);
  if (!all.ok()) return all.status();
  for (const auto& m : *all)
    if (m.id == id) return m;
  return core::Status::NotFound({"节点不存在", "milestone not found"});
}

Response Update(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto milestone_id = ctx.PathId("milestone_id");
  if (!milestone_id.ok()) return ErrorResponse(milestone_id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto changes = codec::MilestoneFromJson(*body, true);
  if (!changes.ok()) return ErrorResponse(changes.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  MilestoneRepository repo(*tx);
  auto updated = repo.Update(ctx.principal, *id, *milestone_id, *changes);
  if (updated.ok()) tx->Commit();
  return RespondWrite(ctx, updated, [&] { return FindOne(repo, ctx.principal, *id, *milestone_id); });
}

Response Delete(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto milestone_id = ctx.PathId("milestone_id");
  if (!milestone_id.ok()) return ErrorResponse(milestone_id.status(), ctx.language());
  auto version = VersionParam(ctx);
  if (!version.ok()) return ErrorResponse(version.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto deleted = MilestoneRepository(*tx).Delete(ctx.principal, *id, *milestone_id, *version);
  if (deleted.ok()) tx->Commit();
  return Respond(ctx, deleted);
}

Response ApplyTemplate(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  codec::JsonReader reader(*body);
  const std::string kind = reader.String("kind", true);
  if (auto status = reader.Finish(); !status.ok()) return ErrorResponse(status, ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto created = MilestoneRepository(*tx).ApplyTemplate(ctx.principal, *id, kind);
  if (!created.ok()) return ErrorResponse(created.status(), ctx.language());
  tx->Commit();
  auto total = static_cast<std::int64_t>(created->size());
  return JsonResponse(201, json::object{{"items", Items(*created)}, {"total", total}});
}

Response Schedule(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto request = codec::ScheduleRequestFromJson(*body);
  if (!request.ok()) return ErrorResponse(request.status(), ctx.language());
  auto tx = ctx.db.Begin(request->apply ? storage::Access::kWrite : storage::Access::kRead);
  // Applying writes: only a caller who may write the project's records (one who cannot even see the
  // project hears 404, as everywhere).
  if (request->apply && !ctx.principal.Can(Permission::kWriteProjects)) {
    auto visible = MilestoneRepository(*tx).List(ctx.principal, *id);
    if (!visible.ok()) return ErrorResponse(visible.status(), ctx.language());
    return ErrorResponse(core::Status::Forbidden({"无权修改节点计划", "you may not change the milestone plan"}), ctx.language());
  }
  std::vector<core::Milestone> applied;
  auto schedule = MilestoneRepository(*tx).Schedule(ctx.principal, *id, request->target, request->apply, &applied);
  if (!schedule.ok()) return ErrorResponse(schedule.status(), ctx.language());
  json::object out = codec::ToJson(*schedule).as_object();
  if (request->apply) {
    tx->Commit();
    out["items"] = Items(applied);
  }
  return JsonResponse(200, std::move(out));
}

}  // namespace

void AddMilestoneRoutes(Router& router) {
  const std::string base = "/api/v1/projects/{id}/milestones";
  router.Add({"GET", base, Permission::kReadProjects, List,
              {"milestones", "项目节点 A project's milestones", "", "Milestone", true, 200, {}}});
  router.Add({"POST", base, Permission::kWriteProjects, Create,
              {"milestones", "新增节点 Add a milestone", "MilestoneInput", "Milestone", false, 201, {}}});
  router.Add({"PUT", base + "/{milestone_id}", Permission::kWriteProjects, Update,
              {"milestones", "修改节点 Update a milestone", "MilestoneUpdate", "Milestone", false, 200, {}}});
  router.Add({"DELETE", base + "/{milestone_id}", Permission::kWriteProjects, Delete,
              {"milestones", "删除节点 Delete a milestone", "", "", false, 204,
               {{"version", "integer", "the version being deleted"}}}});
  router.Add({"POST", base + "/template", Permission::kWriteProjects, ApplyTemplate,
              {"milestones", "套用节点模板 Create the standard milestones of a project kind", "MilestoneTemplateInput",
               "Milestone", true, 201, {}}});
  router.Add({"POST", base + "/schedule", Permission::kReadProjects, Schedule,
              {"milestones", "倒排工期 Reverse-schedule from a target date (apply writes the latest dates)",
               "ScheduleInput", "ReverseSchedule", false, 200, {}}});
}

}  // namespace sanpi::http
