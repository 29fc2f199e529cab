#pragma once
#include <functional>
// The whole of sanpi's HTTP behaviour as one function from Request to Response: match the route,
// find the caller, check his permission, run the handler, map failures to error bodies, record
// metrics and the request log. The network edge (server.hpp) only feeds it parsed requests.
#include <memory>
#include <string>

#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/session_gate.hpp"
#include "http/static_files.hpp"
#include "storage/database.hpp"

namespace sanpi::http {

struct ApiOptions {
  std::string web_root;  // built front end (web/dist); empty serves no pages
  bool log_requests = true;
  std::string data_dir;  // attachments live under data_dir/attachments; empty refuses uploads
  // Takes a region-wide warning refresh off the request (serve: the sweep scheduler's thread); empty: the
  // request sweeps the region itself before it answers.
  std::function<void(const std::string&)> sweep_region;
};

class Api {
 public:
  Api(storage::Database& db, ApiOptions options);
  // Thread-safe; never throws.
  Response Handle(const Request& request);
  const Router& router() const { return router_; }
  // The largest body the route of method and target accepts (for the server, before it reads the body).
  std::size_t BodyLimit(const std::string& method, const std::string& target) const;

 private:
  Response Dispatch(const Request& request, std::string& route_label);
  storage::Database& db_;
  ApiOptions options_;
  Router router_;
  Metrics metrics_;
  SessionGate sessions_;
  StaticFiles static_files_;
};

}  // namespace sanpi::http
