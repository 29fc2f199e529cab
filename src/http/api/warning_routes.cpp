// /api/v1/warnings — 预警督办: the region's rules (read by all, edited by the office), the warning list with counts
// by level, one warning with its events, people's actions on it and the sweep on demand. Adapters only: the rules
// live in core, the records in storage.
#include <set>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/warning_json.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/user_repository.hpp"
#include "storage/warning_repository.hpp"
#include "storage/warning_rule_repository.hpp"
#include "storage/warning_sweep.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;
using storage::WarningRepository;

json::value SettingsJson(const storage::WarningRuleSettings& settings) {
  return codec::RuleSettingsJson(settings.rules, settings.overrides, settings.version);
}

Response GetRules(Context& ctx) {
  auto tx = ctx.db.Begin(storage::Access::kRead);
  return JsonResponse(200, SettingsJson(storage::WarningRuleRepository(*tx).Get(ctx.principal.region_code)));
}

Response PutRules(Context& ctx) {
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto input = codec::RuleSettingsFromJson(*body);
  if (!input.ok()) return ErrorResponse(input.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  storage::WarningRuleRepository repo(*tx);
  auto saved = repo.Save(ctx.principal, {ctx.principal.region_code, input->rules, input->supervision_reply_days},
                         input->version);
  if (saved.ok()) {
    tx->Commit();
    return JsonResponse(200, SettingsJson(*saved));
  }
  if (saved.status().code() == core::Code::kConflict)
    return ConflictResponse(saved.status(), ctx.language(), SettingsJson(repo.Get(ctx.principal.region_code)));
  return ErrorResponse(saved.status(), ctx.language());
}

// The list's filters from the query; 400 naming the parameter when one is not understood.
core::Result<storage::WarningFilter> ReadFilter(const Context& ctx) {
  core::FieldErrors errors;
  storage::WarningFilter filter;
  if (auto level = ctx.QueryText("level"); !level.empty()) {
    filter.level = core::ParseWarningLevel(level);
    if (!filter.level || *filter.level == core::WarningLevel::kNone)
      errors.Add("level", {"预警等级应为 yellow、orange 或 red", "level must be yellow, orange or red"});
  }
  if (auto rule = ctx.QueryText("rule"); !rule.empty()) {
    filter.rule = core::ParseRuleCode(rule);
    if (!filter.rule) errors.Add("rule", {"未知的预警规则", "unknown rule"});
  }
  if (auto state = ctx.QueryText("state"); !state.empty()) {
    if (state == "open") filter.state = storage::WarningFilter::State::kOpen;
    else if (state == "closed") filter.state = storage::WarningFilter::State::kClosed;
    else if (state == "all") filter.state = storage::WarningFilter::State::kAll;
    else errors.Add("state", {"状态应为 open、closed 或 all", "state must be open, closed or all"});
  }
  if (auto order = ctx.QueryText("order"); !order.empty()) {
    for (auto state : {core::OrderState::kIssued, core::OrderState::kReplied, core::OrderState::kSignedOff})
      if (core::OrderStateCode(state) == order) filter.order = state;
    if (!filter.order)
      errors.Add("order", {"督办状态应为 issued、replied 或 signed_off", "order must be issued, replied or signed_off"});
  }
  auto unit = ctx.QueryInt("unit_id", 0);
  if (!unit.ok() || *unit < 0) errors.Add("unit_id", {"应为单位编号", "must be a unit id"});
  else filter.unit_id = *unit;
  auto project = ctx.QueryInt("project_id", 0);
  if (!project.ok() || *project < 0) errors.Add("project_id", {"应为项目编号", "must be a project id"});
  else filter.project_id = *project;
  if (!errors.empty()) return errors.ToStatus();
  return filter;
}

Response List(Context& ctx) {
  auto filter = ReadFilter(ctx);
  if (!filter.ok()) return ErrorResponse(filter.status(), ctx.language());
  auto page = ctx.Paging({"level", "opened_on", "figure", "project_name"});
  if (!page.ok()) return ErrorResponse(page.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto list = WarningRepository(*tx).List(ctx.principal, *filter, *page);
  json::array items;
  for (const auto& warning : list.page.items) items.push_back(codec::ToJson(warning));
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", list.page.total},
                                        {"counts", json::object{{"yellow", list.yellow},
                                                                {"orange", list.orange},
                                                                {"red", list.red}}}});
}

// Everyone the warning names by id, with their names: {"12": "刘副主任"}. Leaders and viewers may not list users,
// yet a 督办单 must say who replied and who signed it off.
json::object People(storage::Transaction& tx, const core::Warning& warning, const std::vector<core::WarningEvent>& events) {
  std::set<std::int64_t> ids{warning.leader_id, warning.assignee_id};
  for (const auto& response : warning.responses) ids.insert(response.by);
  if (warning.order) ids.insert({warning.order->replied_by, warning.order->signed_off_by});
  for (const auto& event : events) ids.insert({event.actor_id, event.assignee_id});
  ids.erase(0);
  json::object people;
  for (const auto& [id, name] : storage::UserRepository(tx).DisplayNames(ids)) people[std::to_string(id)] = name;
  return people;
}

Response Get(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  WarningRepository repo(*tx);
  auto warning = repo.Get(ctx.principal, *id);
  if (!warning.ok()) return ErrorResponse(warning.status(), ctx.language());
  json::value out = codec::ToJson(*warning);
  const std::vector<core::WarningEvent> history = repo.Events(*id);
  json::array events;
  for (const auto& event : history) events.push_back(codec::ToJson(event));
  out.as_object()["events"] = std::move(events);
  out.as_object()["people"] = People(*tx, *warning, history);
  return JsonResponse(200, out);
}

enum class Action { kAcknowledge, kAssign, kReply, kReturn, kSignOff };

template <Action action>
Response Act(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  const char* field = action == Action::kAcknowledge ? "response"
                      : action == Action::kReply     ? "reply"
                      : action == Action::kReturn    ? "reason"
                      : action == Action::kSignOff   ? "comment"
                                                     : "";
  auto input = codec::WarningActionFromJson(*body, field, action != Action::kSignOff);
  if (!input.ok()) return ErrorResponse(input.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  WarningRepository repo(*tx);
  auto done = [&] {
    switch (action) {
      case Action::kAcknowledge: return repo.Acknowledge(ctx.principal, *id, input->version, input->text);
      case Action::kAssign: return repo.Assign(ctx.principal, *id, input->version, input->assignee_id);
      case Action::kReply: return repo.ReplyToOrder(ctx.principal, *id, input->version, input->text);
      case Action::kReturn: return repo.ReturnOrderReply(ctx.principal, *id, input->version, input->text);
      case Action::kSignOff: break;
    }
    return repo.SignOffOrder(ctx.principal, *id, input->version, input->text);
  }();
  if (done.ok()) tx->Commit();
  return RespondWrite(ctx, done, [&] { return repo.Get(ctx.principal, *id); });
}

Response RunSweep(Context& ctx) {
  auto counts = storage::Sweep(ctx.db, ctx.principal.region_code, core::Date::Today());
  if (!counts.ok()) return ErrorResponse(counts.status(), ctx.language());
  const auto& c = *counts;
  return JsonResponse(200, json::object{{"projects", c.projects},
                                        {"opened", c.opened},
                                        {"escalated", c.escalated},
                                        {"de_escalated", c.de_escalated},
                                        {"closed", c.closed},
                                        {"orders_issued", c.orders_issued},
                                        {"orders_overdue", c.orders_overdue},
                                        {"open", c.open}});
}

}  // namespace

void AddWarningRoutes(Router& router) {
  const std::string base = "/api/v1/warnings";
  const std::string one = base + "/{id}";
  router.Add({"GET", base + "/rules", Permission::kReadWarnings, GetRules,
              {"warnings", "预警规则 The region's warning rules (defaults merged with its own)", "",
               "WarningRuleSettings", false, 200, {}}});
  router.Add({"PUT", base + "/rules", Permission::kManageWarningRules, PutRules,
              {"warnings", "设置预警规则 Replace rules of the region (version 0 the first time)",
               "WarningRuleSettingsInput", "WarningRuleSettings", false, 200, {}}});
  router.Add({"POST", base + "/sweep", Permission::kManageWarningRules, RunSweep,
              {"warnings", "预警巡检 Sweep the caller's region now", "", "WarningSweepCounts", false, 200, {}}});
  router.Add({"GET", base, Permission::kReadWarnings, List,
              {"warnings", "预警列表 Warnings in the caller's scope, with counts by level", "", "WarningList", false,
               200,
               {{"level", "string", "yellow | orange | red"},
                {"rule", "string", "a rule code"},
                {"state", "string", "open (default) | closed | all"},
                {"order", "string", "督办单 state: issued | replied | signed_off"},
                {"unit_id", "integer", "responsible unit"},
                {"project_id", "integer", "one project"},
                {"page", "integer", "from 1"},
                {"page_size", "integer", "1–500"},
                {"sort", "string", "level | opened_on | figure | project_name, '-' for descending"}}}});
  router.Add({"GET", one, Permission::kReadWarnings, Get,
              {"warnings", "预警 A warning with its history, responses, order and events", "", "Warning", false, 200,
               {}}});
  router.Add({"POST", one + "/acknowledge", Permission::kHandleWarnings, Act<Action::kAcknowledge>,
              {"warnings", "签收反馈 Acknowledge with a response", "WarningAcknowledgeInput", "Warning", false, 200, {}}});
  router.Add({"POST", one + "/assign", Permission::kHandleWarnings, Act<Action::kAssign>,
              {"warnings", "交办 Assign to a person", "WarningAssignInput", "Warning", false, 200, {}}});
  router.Add({"POST", one + "/order/reply", Permission::kHandleWarnings, Act<Action::kReply>,
              {"warnings", "督办回复 Reply to the supervision order", "WarningReplyInput", "Warning", false, 200, {}}});
  router.Add({"POST", one + "/order/return", Permission::kSuperviseWarnings, Act<Action::kReturn>,
              {"warnings", "退回督办回复 Return the reply with a reason", "WarningReturnInput", "Warning", false, 200,
               {}}});
  router.Add({"POST", one + "/order/sign-off", Permission::kSuperviseWarnings, Act<Action::kSignOff>,
              {"warnings", "督办签批 Sign the supervision order off", "WarningSignOffInput", "Warning", false, 200,
               {}}});
}

}  // namespace sanpi::http
