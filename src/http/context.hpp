#pragma once
// What a handler gets: the request, the caller, the database, and helpers that turn the usual
// inputs (JSON body, {id}, paging) into values or into the Status explaining what is wrong.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "core/access.hpp"
#include "core/status.hpp"
#include "http/message.hpp"
#include "storage/database.hpp"
#include "storage/page.hpp"

namespace sanpi::http {

class SessionGate;

struct Context {
  const Request& request;
  storage::Database& db;
  SessionGate& sessions;
  core::Principal principal;                  // user_id 0 on public routes without a session
  std::map<std::string, std::string> params;  // from the path pattern
  std::vector<std::pair<std::string, std::string>> extra_headers;  // e.g. Set-Cookie

  core::Language language() const { return request.language(); }
  // The body as a JSON value; 415 unless Content-Type is JSON, 400 when it does not parse.
  core::Result<boost::json::value> JsonBody() const;
  // A path parameter that must be a positive whole number; 400 naming it otherwise.
  core::Result<std::int64_t> PathId(const std::string& name = "id") const;
  // An optional whole-number query parameter; 400 naming it when present and not a number.
  core::Result<std::int64_t> QueryInt(const std::string& name, std::int64_t fallback) const;
  std::string QueryText(const std::string& name) const;
  // page, page_size and sort from the query; sort must be one of `sortable` (optionally "-"-prefixed).
  core::Result<storage::PageRequest> Paging(const std::vector<std::string>& sortable) const;
};

}  // namespace sanpi::http
