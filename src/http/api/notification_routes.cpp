// /api/v1/notification-targets and /api/v1/outbox — 通知: the region's group robots and JSON webhooks (edited by
// the office, versioned, the DingTalk secret never shown) and the outbox of messages to them, with the dead ones
// sent again on demand. Adapters only: validation is core's, the records storage's, delivery notify/'s.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <ctime>

#include "codec/notification_json.hpp"
#include "http/api/crud.hpp"
#include "http/api/routes.hpp"
#include "storage/notification_target_repository.hpp"
#include "storage/outbox_repository.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;
using storage::NotificationTargetRepository;

Response ListTargets(Context& ctx) {
  auto tx = ctx.db.Begin(storage::Access::kRead);
  json::array items;
  for (const auto& target : NotificationTargetRepository(*tx).List(ctx.principal))
    items.push_back(codec::ToJson(target));
  const auto total = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"total", total}});
}

json::value EntryJson(const storage::OutboxEntry& entry) {
  const core::OutboxMessage& m = entry.message;
  return json::object{{"id", m.id},
                      {"target_id", entry.target_id},
                      {"target_name", entry.target_name},
                      {"channel", core::ChannelCode(m.channel)},
                      {"event_id", entry.event_id},
                      {"state", core::DeliveryStateCode(m.state)},
                      {"attempts", m.attempts},
                      {"created_at", m.created_at},
                      {"next_attempt_at", m.next_attempt_at},
                      {"delivered_at", m.delivered_at ? json::value(*m.delivered_at) : json::value(nullptr)},
                      {"last_error", m.last_error},
                      {"payload", m.payload}};
}

Response ListOutbox(Context& ctx) {
  const std::string state = ctx.QueryText("state");
  if (!state.empty() && state != "pending" && state != "delivered" && state != "dead")
    return ErrorResponse(core::Status::InvalidField("state", {"状态应为 pending、delivered 或 dead",
                                                              "state must be pending, delivered or dead"}),
                         ctx.language());
  auto page = ctx.Paging({});
  if (!page.ok()) return ErrorResponse(page.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto list = storage::OutboxRepository(*tx).List(ctx.principal.region_code, state, *page);
  json::array items;
  for (const auto& entry : list.items) items.push_back(EntryJson(entry));
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"total", list.total}});
}

Response RetryOutbox(Context& ctx) {
  const std::string id = ctx.params["id"];
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto entry = storage::OutboxRepository(*tx).Retry(ctx.principal, id, std::time(nullptr));
  if (!entry.ok()) return ErrorResponse(entry.status(), ctx.language());
  tx->Commit();
  return JsonResponse(200, EntryJson(*entry));
}

}  // namespace

void AddNotificationRoutes(Router& router) {
  const std::string targets = "/api/v1/notification-targets";
  router.Add(
      {"GET",
       targets,
       Permission::kManageWarningRules,
       ListTargets,
       {"notifications", "通知对象 The region's group robots and webhooks", "", "NotificationTarget", true, 200, {}}});
  router.Add({"POST",
              targets,
              Permission::kManageWarningRules,
              CreateRecord<NotificationTargetRepository, codec::NotificationTargetFromJson>,
              {"notifications",
               "添加通知对象 Add a WeCom / DingTalk robot or a JSON webhook",
               "NotificationTargetInput",
               "NotificationTarget",
               false,
               201,
               {}}});
  router.Add({"GET",
              targets + "/{id}",
              Permission::kManageWarningRules,
              GetRecord<NotificationTargetRepository>,
              {"notifications",
               "通知对象 One target (the secret only as secret_set)",
               "",
               "NotificationTarget",
               false,
               200,
               {}}});
  router.Add({"PUT",
              targets + "/{id}",
              Permission::kManageWarningRules,
              UpdateRecord<NotificationTargetRepository, codec::NotificationTargetFromJson>,
              {"notifications",
               "修改通知对象 Update a target (without \"secret\" the stored one stays)",
               "NotificationTargetUpdate",
               "NotificationTarget",
               false,
               200,
               {}}});
  router.Add({"DELETE",
              targets + "/{id}",
              Permission::kManageWarningRules,
              DeleteRecord<NotificationTargetRepository>,
              {"notifications",
               "删除通知对象 Delete a target and its messages (?version=N)",
               "",
               "",
               false,
               204,
               {{"version", "integer", "the current version"}}}});
  router.Add({"GET",
              "/api/v1/outbox",
              Permission::kManageWarningRules,
              ListOutbox,
              {"notifications",
               "发件箱 The region's webhook messages, newest first",
               "",
               "OutboxMessage",
               true,
               200,
               {{"state", "string", "pending | delivered | dead"},
                {"page", "integer", "from 1"},
                {"page_size", "integer", "1–500"}}}});
  router.Add(
      {"POST",
       "/api/v1/outbox/{id}/retry",
       Permission::kManageWarningRules,
       RetryOutbox,
       {"notifications", "重发 Send a dead message again (attempts start over)", "", "OutboxMessage", false, 200, {}}});
}

}  // namespace sanpi::http
