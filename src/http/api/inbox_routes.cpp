// /api/v1/inbox — 站内消息: the caller's own inbox of warning events, newest first with the unread count, and
// read marks. Every query is keyed on the caller's user id, so another's item is simply not found.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/warning_json.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/inbox_repository.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;
using storage::InboxRepository;

json::value ItemJson(const storage::InboxItem& item) {
  return json::object{{"id", item.id},
                      {"event_id", item.event_id},
                      {"project_name", item.event.project_name},
                      {"event", codec::ToJson(item.event)},
                      {"read", !item.read_at.empty()},
                      {"read_at", item.read_at.empty() ? json::value(nullptr) : json::value(item.read_at)},
                      {"created_at", item.created_at}};
}

Response List(Context& ctx) {
  auto page = ctx.Paging({});
  if (!page.ok()) return ErrorResponse(page.status(), ctx.language());
  const std::string unread = ctx.QueryText("unread");
  if (!unread.empty() && unread != "true" && unread != "false")
    return ErrorResponse(core::Status::InvalidField("unread", {"应为 true 或 false", "must be true or false"}),
                         ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto inbox = InboxRepository(*tx).List(ctx.principal.user_id, *page, unread == "true");
  json::array items;
  for (const auto& item : inbox.page.items) items.push_back(ItemJson(item));
  return JsonResponse(200,
                      json::object{{"items", std::move(items)}, {"total", inbox.page.total}, {"unread", inbox.unread}});
}

Response MarkRead(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto item = InboxRepository(*tx).MarkRead(ctx.principal.user_id, *id);
  if (!item.ok()) return ErrorResponse(item.status(), ctx.language());
  tx->Commit();
  return JsonResponse(200, ItemJson(*item));
}

Response MarkAllRead(Context& ctx) {
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  const std::int64_t marked = InboxRepository(*tx).MarkAllRead(ctx.principal.user_id);
  tx->Commit();
  return JsonResponse(200, json::object{{"marked", marked}, {"unread", 0}});
}

}  // namespace

void AddInboxRoutes(Router& router) {
  const std::string base = "/api/v1/inbox";
  router.Add({"GET",
              base,
              Permission::kAuthenticated,
              List,
              {"inbox",
               "站内消息 The caller's inbox, newest first, with the unread count",
               "",
               "InboxPage",
               false,
               200,
               {{"unread", "string", "true: only unread items"},
                {"page", "integer", "from 1"},
                {"page_size", "integer", "1–500"}}}});
  router.Add({"POST",
              base + "/read-all",
              Permission::kAuthenticated,
              MarkAllRead,
              {"inbox", "全部已读 Mark every item of the caller's read", "", "InboxReadAll", false, 200, {}}});
  router.Add({"POST",
              base + "/{id}/read",
              Permission::kAuthenticated,
              MarkRead,
              {"inbox", "标为已读 Mark one of the caller's items read", "", "InboxItem", false, 200, {}}});
}

}  // namespace sanpi::http
