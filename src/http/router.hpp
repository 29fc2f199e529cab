#pragma once
// Routes: method + path pattern ("/api/v1/enterprises/{id}") + the Permission it needs + its
// handler + what OpenAPI says of it. The permission is not optional: a route cannot be added
// without one, and the access tests walk every route in this table.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "http/context.hpp"
#include "http/message.hpp"

namespace sanpi::http {

struct QueryParamDoc {
  std::string name;
  std::string type;  // "string" | "integer"
  std::string description;
};

// Enough about a route to publish it in openapi.json.
struct RouteDoc {
  std::string tag;
  std::string summary;
  std::string request_schema;   // a component name, "" for no body
  std::string response_schema;  // a component name, "" for no body
  bool list = false;            // the response is {"items":[response_schema],"total":N}
  int success_status = 200;
  std::vector<QueryParamDoc> query;
  // A body or answer that is not JSON (an .xlsx upload or download): its media type; "" for JSON.
  std::string request_media_type;
  std::string response_media_type;
  // The largest body this route accepts; 0 for the server's default (kMaxBodyBytes).
  std::size_t max_body_bytes = 0;
};

using Handler = std::function<Response(Context&)>;

struct Route {
  std::string method;
  std::string pattern;
  core::Permission permission;
  Handler handler;
  RouteDoc doc;
};

class Router {
 public:
  void Add(Route route);
  // The route for method and path, filling `params` from the pattern; nullptr when none.
  // `path_matched` tells whether some route has this path under another method (→ 405).
  const Route* Match(const std::string& method, const std::string& path, std::map<std::string, std::string>& params,
                     bool& path_matched) const;
  const std::vector<Route>& routes() const { return routes_; }
  // The body limit of the route for method and path, `fallback` when none names its own.
  std::size_t BodyLimit(const std::string& method, const std::string& path, std::size_t fallback) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace sanpi::http
