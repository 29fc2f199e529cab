#pragma once
// Small helpers the route modules share: turn a repository's Result into the response the API
// promises (record, list page, 201, 204, 409 with the current record).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/account_json.hpp"
#include "http/context.hpp"
#include "http/errors.hpp"
#include "storage/page.hpp"

namespace sanpi::http {

template <class T>
Response Respond(const Context& ctx, const core::Result<T>& result, int success_status = 200) {
  if (!result.ok()) return ErrorResponse(result.status(), ctx.language());
  return JsonResponse(success_status, codec::ToJson(*result));
}

inline Response Respond(const Context& ctx, const core::Status& status) {
  return status.ok() ? NoContent() : ErrorResponse(status, ctx.language());
}

template <class T>
Response RespondPage(const storage::Page<T>& page) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const auto& item : page.items) items.push_back(codec::ToJson(item));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

// For writes that may lose an optimistic-concurrency race: a 409 carries the record as it stands.
template <class T, class Fetch>
Response RespondWrite(const Context& ctx, const core::Result<T>& result, Fetch fetch_current) {
  if (!result.ok() && result.status().code() == core::Code::kConflict) {
    auto current = fetch_current();
    if (current.ok()) return ConflictResponse(result.status(), ctx.language(), codec::ToJson(*current));
  }
  return Respond(ctx, result);
}

// Version of a DELETE, from ?version=N (required).
inline core::Result<std::int64_t> VersionParam(const Context& ctx) {
  auto version = ctx.QueryInt("version", 0);
  if (!version.ok() || *version < 1) {
    return core::Status::InvalidField("version", {"删除需提供当前版本号", "deleting needs the current version (?version=N)"});
  }
  return version;
}

}  // namespace sanpi::http
