// /api/v1/projects — 项目台账: the ledger list with filters and totals, CRUD, and the stage actions.
#include <algorithm>

#include "codec/oc4ids_json.hpp"
#include "codec/project_json.hpp"
#include "http/api/crud.hpp"
#include "http/api/ledger_query.hpp"
#include "http/api/routes.hpp"
#include "storage/oc4ids_source.hpp"
#include "storage/project_ledger.hpp"
#include "storage/project_repository.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;
using storage::ProjectRepository;

}  // namespace

// Reads the ledger's filters from the query; every bad one becomes a field error.
core::Result<storage::LedgerQuery> LedgerQueryOf(const Context& ctx) {
  core::FieldErrors errors;
  storage::LedgerQuery query;
  auto page = ctx.Paging(storage::LedgerSortKeys());
  if (!page.ok()) return page.status();
  query.page = *page;
  query.text = ctx.QueryText("q");
  query.industry = ctx.QueryText("industry");
  if (auto stage = ctx.QueryText("stage"); !stage.empty()) {
    query.stage = core::ParseStage(stage);
    if (!query.stage) errors.Add("stage", {"未知阶段", "unknown stage"});
  }
  if (auto batch = ctx.QueryText("batch"); !batch.empty()) {
    query.batch = core::ParseBatch(batch);
    if (!query.batch) errors.Add("batch", {"批次应为 sign、start 或 production", "batch must be sign, start or production"});
  }
  auto whole = [&](const char* name, std::int64_t& out) {
    auto value = ctx.QueryInt(name, 0);
    if (!value.ok() || *value < 0) {
      errors.Add(name, {"应为非负整数", "must be a whole number, 0 or more"});
    } else {
      out = *value;
    }
  };
  std::int64_t period = 0;
  whole("period", period);
  query.period = static_cast<int>(std::min<std::int64_t>(period, core::kMaxPeriodNumber + 1));
  whole("unit_id", query.unit_id);
  whole("leader_id", query.leader_id);
  for (const char* name : {"min_investment", "max_investment"}) {
    if (ctx.QueryText(name).empty()) continue;
    std::int64_t amount = 0;
    whole(name, amount);
    (std::string(name) == "min_investment" ? query.min_investment : query.max_investment) = amount;
  }
  if (query.min_investment && query.max_investment && *query.min_investment > *query.max_investment) {
    errors.Add("max_investment", {"最高投资不能小于最低投资", "max_investment cannot be below min_investment"});
  }
  if (!errors.empty()) return errors.ToStatus();
  return query;
}

namespace {

Response List(Context& ctx) {
  auto query = LedgerQueryOf(ctx);
  if (!query.ok()) return ErrorResponse(query.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto page = storage::ListLedger(*tx, ctx.principal, *query);
  json::array items;
  items.reserve(page.items.size());
  for (const auto& project : page.items) items.push_back(codec::ToJson(project));
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", page.total},
                                        {"totals", json::object{{"count", page.total},
                                                                {"total_investment", page.total_investment}}}});
}

// The stage actions share their shape: decode the body (with its version), run one repository
// action in a write transaction, answer with the project or a 409 carrying the current one.
template <class Decode, class Action>
Response StageAction(Context& ctx, Decode decode, Action action) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  std::int64_t version = 0;
  auto input = decode(*body, version);
  if (!input.ok()) return ErrorResponse(input.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  ProjectRepository repo(*tx);
  core::Result<core::Project> result = action(repo, *id, version, *input);
  if (result.ok()) tx->Commit();
  return RespondWrite(ctx, result, [&] { return repo.Get(ctx.principal, *id); });
}

Response Advance(Context& ctx) {
  return StageAction(ctx, codec::StageChangeFromJson, [&](ProjectRepository& repo, std::int64_t id, std::int64_t version,
                                                          const core::StageChange& change) {
    return repo.Advance(ctx.principal, id, version, change);
  });
}

Response Fulfil(Context& ctx) {
  return StageAction(ctx, codec::FulfilmentFromJson,
                     [&](ProjectRepository& repo, std::int64_t id, std::int64_t version, const core::Date& on) {
                       return repo.RecordFulfilment(ctx.principal, id, version, on);
                     });
}

Response Correct(Context& ctx) {
  std::string reason;
  auto decode = [&reason](const json::value& body, std::int64_t& version) {
    return codec::CorrectionFromJson(body, reason, version);
  };
  return StageAction(ctx, decode, [&](ProjectRepository& repo, std::int64_t id, std::int64_t version,
                                      const core::StageRecord& corrected) {
    return repo.Correct(ctx.principal, id, version, corrected, reason);
  });
}

Response StatsDb(Context& ctx) {
  return StageAction(ctx, codec::StatsDbFromJson, [&](ProjectRepository& repo, std::int64_t id, std::int64_t version,
                                                      const codec::StatsDbChange& change) {
    return repo.SetStatsDb(ctx.principal, id, version, change.in_stats_db, change.on);
  });
}

// The project in OC4IDS (open data): the same scope as GET /projects/{id}.
Response Oc4ids(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto source = storage::LoadOc4idsSource(*tx, ctx.principal, *id);
  if (!source.ok()) return ErrorResponse(source.status(), ctx.language());
  return JsonResponse(200, codec::ToOc4ids(*source, core::Date::Today()));
}

}  // namespace

void AddProjectRoutes(Router& router) {
  const std::string base = "/api/v1/projects";
  router.Add({"GET", base, Permission::kReadProjects, List,
              {"projects", "项目台账 List the ledger (filters, sort, totals row)", "", "ProjectLedger", false, 200,
               {{"page", "integer", "page number, from 1"},
                {"page_size", "integer", "rows per page, 1–500"},
                {"sort", "string", "a column, '-' in front for descending: name, code, total_investment, stage, …"},
                {"q", "string", "name or 项目代码 contains"},
                {"stage", "string", "reserve|signed|started|producing|effective|withdrawn"},
                {"batch", "string", "sign|start|production: the batch it is in now"},
                {"period", "integer", "published on this period's roster"},
                {"unit_id", "integer", "lead unit"},
                {"leader_id", "integer", "包联领导"},
                {"industry", "string", "产业领域 equals"},
                {"min_investment", "integer", "total investment ≥ (yuan)"},
                {"max_investment", "integer", "total investment ≤ (yuan)"}}}});
  router.Add({"POST", base, Permission::kWriteProjects, CreateRecord<ProjectRepository, codec::ProjectFromJson>,
              {"projects", "登记项目 Create a project", "ProjectInput", "Project", false, 201, {}}});
  router.Add({"GET", base + "/{id}", Permission::kReadProjects, GetRecord<ProjectRepository>,
              {"projects", "项目详情 Get a project", "", "Project", false, 200, {}}});
  router.Add({"GET", base + "/{id}/oc4ids", Permission::kReadProjects, Oc4ids,
              {"projects", "开放数据 The project in OC4IDS (Open Contracting for Infrastructure Data Standard)", "",
               "Oc4idsProject", false, 200, {}}});
  router.Add({"PUT", base + "/{id}", Permission::kWriteProjects, UpdateRecord<ProjectRepository, codec::ProjectFromJson>,
              {"projects", "修改项目 Update a project (not its stage)", "ProjectUpdate", "Project", false, 200, {}}});
  router.Add({"DELETE", base + "/{id}", Permission::kWriteProjects, DeleteRecord<ProjectRepository>,
              {"projects", "删除项目 Delete a project not on any roster", "", "", false, 204,
               {{"version", "integer", "the version being deleted"}}}});
  router.Add({"POST", base + "/{id}/stage", Permission::kWriteProjects, Advance,
              {"projects", "推进阶段 Advance the stage (dated)", "StageChange", "Project", false, 200, {}}});
  router.Add({"POST", base + "/{id}/fulfilment", Permission::kWriteProjects, Fulfil,
              {"projects", "登记履约 Record 履约 of a signed project", "Fulfilment", "Project", false, 200, {}}});
  router.Add({"POST", base + "/{id}/correction", Permission::kWriteProjects, Correct,
              {"projects", "更正阶段 Correct the stage record (audited, with a reason)", "StageCorrection", "Project",
               false, 200, {}}});
  router.Add({"POST", base + "/{id}/stats-db", Permission::kWriteProjects, StatsDb,
              {"projects", "入库 Set the statistics-database flag and date", "StatsDbChange", "Project", false, 200, {}}});
}

}  // namespace sanpi::http
