// /api/v1/periods — the 三个一批 campaign: periods, their rosters (published, original, adjusted),
// roster entries and adjustments, statistics and the bulletin. Region-wide published lists: read by
// every internal user of the caller's region, written by the project office.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/campaign_json.hpp"
#include "codec/project_json.hpp"
#include "core/bulletin.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/campaign_repository.hpp"
#include "storage/project_repository.hpp"
#include "storage/region_repository.hpp"
#include "storage/roster_cache.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;
using storage::CampaignRepository;

core::Result<int> PeriodNumber(const Context& ctx) {
  auto number = ctx.PathId("n");
  if (!number.ok() || *number > core::kMaxPeriodNumber) {
    return core::Status::InvalidField("n", {"期次应为1至999的整数", "the period must be a whole number from 1 to 999"});
  }
  return static_cast<int>(*number);
}

// ?as_of=YYYY-MM-DD (default today) and ?view=adjusted|original|published (default adjusted).
core::Status ReadFigureQuery(const Context& ctx, core::Date& as_of, storage::RosterView& view) {
  core::FieldErrors errors;
  as_of = core::Date::Today();
  if (auto text = ctx.QueryText("as_of"); !text.empty()) {
    auto parsed = core::Date::Parse(text);
    if (parsed) as_of = *parsed;
    else errors.Add("as_of", {"日期格式应为YYYY-MM-DD", "a date must read YYYY-MM-DD"});
  }
  view = storage::RosterView::kAdjusted;
  if (auto text = ctx.QueryText("view"); !text.empty()) {
    auto parsed = storage::ParseRosterView(text);
    if (parsed) view = *parsed;
    else errors.Add("view", {"视图应为 published、original 或 adjusted", "view must be published, original or adjusted"});
  }
  return errors.ToStatus();
}

Response ListPeriods(Context& ctx) {
  auto tx = ctx.db.Begin(storage::Access::kRead);
  json::array items;
  for (const auto& period : CampaignRepository(*tx).ListPeriods(ctx.principal.region_code)) items.push_back(codec::ToJson(period));
  auto total = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"total", total}});
}

Response CreatePeriod(Context& ctx) {
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto period = codec::PeriodFromJson(*body, false);
  if (!period.ok()) return ErrorResponse(period.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto created = CampaignRepository(*tx).CreatePeriod(ctx.principal, *period);
  if (created.ok()) tx->Commit();
  return Respond(ctx, created, 201);
}

Response UpdatePeriod(Context& ctx) {
  auto number = PeriodNumber(ctx);
  if (!number.ok()) return ErrorResponse(number.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto changes = codec::PeriodFromJson(*body, true);
  if (!changes.ok()) return ErrorResponse(changes.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  CampaignRepository repo(*tx);
  auto updated = repo.UpdatePeriod(ctx.principal, *number, *changes);
  if (updated.ok()) tx->Commit();
  return RespondWrite(ctx, updated, [&] { return repo.GetPeriod(ctx.principal.region_code, *number); });
}

// The roster lines with what a page shows beside them: name, code, investment, unit, leader, stage.
Response Roster(Context& ctx, storage::RosterCache& cache) {
  auto number = PeriodNumber(ctx);
  if (!number.ok()) return ErrorResponse(number.status(), ctx.language());
  core::Date as_of;
  storage::RosterView view;
  if (auto status = ReadFigureQuery(ctx, as_of, view); !status.ok()) return ErrorResponse(status, ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  CampaignRepository repo(*tx);
  auto roster = cache.Load(*tx, ctx.principal.region_code, *number, view);
  if (!roster.ok()) return ErrorResponse(roster.status(), ctx.language());
  const auto& index = (*roster)->index;
  auto units = repo.UnitNames(ctx.principal.region_code);
  auto users = repo.UserNames(ctx.principal.region_code);
  json::array items;
  for (const auto& line : (*roster)->snapshot.lines) {
    json::object item = codec::ToJson(line).as_object();
    if (const auto* facts = index.Find(line.project_id)) {
      item["project_name"] = facts->name;
      item["total_investment"] = facts->total_investment;
      item["industry"] = facts->industry;
      item["lead_unit_id"] = facts->lead_unit_id;
      item["lead_unit_name"] = units[facts->lead_unit_id];
      item["leader_id"] = facts->leader_id;
      item["leader_name"] = users[facts->leader_id];
      item["stage"] = core::StageCode(core::StageAsOf(facts->progress, as_of));
    }
    items.push_back(std::move(item));
  }
  auto total = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, json::object{{"period", *number}, {"view", ctx.QueryText("view").empty() ? "adjusted" : ctx.QueryText("view")},
                                        {"as_of", as_of.ToString()}, {"items", std::move(items)}, {"total", total}});
}

Response AddEntry(Context& ctx) {
  auto number = PeriodNumber(ctx);
  if (!number.ok()) return ErrorResponse(number.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto entry = codec::RosterEntryFromJson(*body);
  if (!entry.ok()) return ErrorResponse(entry.status(), ctx.language());
  entry->period = *number;
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto created = CampaignRepository(*tx).AddEntry(ctx.principal, *entry);
  if (created.ok()) tx->Commit();
  return Respond(ctx, created, 201);
}

Response AddAdjustment(Context& ctx) {
  auto entry_id = ctx.PathId();
  if (!entry_id.ok()) return ErrorResponse(entry_id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto adjustment = codec::AdjustmentFromJson(*body);
  if (!adjustment.ok()) return ErrorResponse(adjustment.status(), ctx.language());
  adjustment->entry_id = *entry_id;
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto created = CampaignRepository(*tx).AddAdjustment(ctx.principal, *adjustment);
  if (created.ok()) tx->Commit();
  return Respond(ctx, created, 201);
}

// A project's roster history: every entry and every adjustment, for its detail page.
Response ProjectRoster(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto project = storage::ProjectRepository(*tx).Get(ctx.principal, *id);
  if (!project.ok()) return ErrorResponse(project.status(), ctx.language());
  std::vector<core::RosterEntry> entries;
  std::vector<core::RosterAdjustment> adjustments;
  CampaignRepository(*tx).History(project->region_code, *id, entries, adjustments);
  json::array entry_list, adjustment_list;
  for (const auto& e : entries) entry_list.push_back(codec::ToJson(e));
  for (const auto& a : adjustments) adjustment_list.push_back(codec::ToJson(a));
  return JsonResponse(200, json::object{{"entries", std::move(entry_list)}, {"adjustments", std::move(adjustment_list)}});
}

Response Statistics(Context& ctx, storage::RosterCache& cache) {
  auto number = PeriodNumber(ctx);
  if (!number.ok()) return ErrorResponse(number.status(), ctx.language());
  core::Date as_of;
  storage::RosterView view;
  if (auto status = ReadFigureQuery(ctx, as_of, view); !status.ok()) return ErrorResponse(status, ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  CampaignRepository repo(*tx);
  auto roster = cache.Load(*tx, ctx.principal.region_code, *number, view);
  if (!roster.ok()) return ErrorResponse(roster.status(), ctx.language());
  auto statistics = core::ComputeStatistics((*roster)->snapshot.lines, (*roster)->index, *number, as_of);
  codec::NameBook names{repo.UnitNames(ctx.principal.region_code), repo.UserNames(ctx.principal.region_code)};
  return JsonResponse(200, codec::ToJson(statistics, names));
}

Response Bulletin(Context& ctx, storage::RosterCache& cache) {
  auto number = PeriodNumber(ctx);
  if (!number.ok()) return ErrorResponse(number.status(), ctx.language());
  core::Date as_of;
  storage::RosterView view;
  if (auto status = ReadFigureQuery(ctx, as_of, view); !status.ok()) return ErrorResponse(status, ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto roster = cache.Load(*tx, ctx.principal.region_code, *number, view);
  if (!roster.ok()) return ErrorResponse(roster.status(), ctx.language());
  core::BulletinOptions options;
  options.adjusted = view == storage::RosterView::kAdjusted;
  if (auto zone = ctx.QueryText("zone_name"); !zone.empty()) {
    options.zone_name = zone;
  } else if (auto region = storage::RegionRepository(*tx).Get(ctx.principal.region_code); region.ok()) {
    options.zone_name = region->name;
  }
  std::string text = core::GenerateBulletin((*roster)->snapshot.lines, (*roster)->index, *number, as_of, options);
  return JsonResponse(200, json::object{{"period", *number}, {"as_of", as_of.ToString()}, {"text", text}});
}

}  // namespace

void AddCampaignRoutes(Router& router) {
  // One cache per Api (so per database), shared by the three readers of a roster.
  auto cache = std::make_shared<storage::RosterCache>();
  auto with_cache = [cache](Response (*handler)(Context&, storage::RosterCache&)) {
    return [cache, handler](Context& ctx) { return handler(ctx, *cache); };
  };
  const std::vector<QueryParamDoc> figures = {{"as_of", "string", "YYYY-MM-DD, default today"},
                                              {"view", "string", "adjusted (default) | original | published"}};
  router.Add({"GET", "/api/v1/periods", Permission::kReadCampaign, ListPeriods,
              {"campaign", "期次列表 List periods", "", "Period", true, 200, {}}});
  router.Add({"POST", "/api/v1/periods", Permission::kManageCampaign, CreatePeriod,
              {"campaign", "新增期次 Create a period", "PeriodInput", "Period", false, 201, {}}});
  router.Add({"PUT", "/api/v1/periods/{n}", Permission::kManageCampaign, UpdatePeriod,
              {"campaign", "修改期次 Update a period's name or date", "PeriodUpdate", "Period", false, 200, {}}});
  router.Add({"GET", "/api/v1/periods/{n}/roster", Permission::kReadCampaign, with_cache(Roster),
              {"campaign", "期次名单 The roster of a period (published, original or adjusted)", "", "RosterLine", true, 200,
               figures}});
  router.Add({"POST", "/api/v1/periods/{n}/roster", Permission::kManageCampaign, AddEntry,
              {"campaign", "列入名单 Put a project on a batch's roster", "RosterEntryInput", "RosterEntry", false, 201, {}}});
  router.Add({"POST", "/api/v1/roster-entries/{id}/adjustments", Permission::kManageCampaign, AddAdjustment,
              {"campaign", "动态调整 Record an adjustment (move, change commitment, withdraw)", "RosterAdjustmentInput",
               "RosterAdjustment", false, 201, {}}});
  router.Add({"GET", "/api/v1/projects/{id}/roster", Permission::kReadProjects, ProjectRoster,
              {"campaign", "项目名单历史 A project's roster entries and adjustments", "", "ProjectRosterHistory", false,
               200, {}}});
  router.Add({"GET", "/api/v1/periods/{n}/statistics", Permission::kReadCampaign, with_cache(Statistics),
              {"campaign", "期次统计 Statistics of a period as of a date", "", "CampaignStatistics", false, 200, figures}});
  auto bulletin_query = figures;
  bulletin_query.push_back({"zone_name", "string", "the zone as the text names it (default: the region's name)"});
  router.Add({"GET", "/api/v1/periods/{n}/bulletin", Permission::kReadCampaign, with_cache(Bulletin),
              {"campaign", "通报段落 The bulletin paragraph (Chinese)", "", "Bulletin", false, 200, bulletin_query}});
}

}  // namespace sanpi::http
