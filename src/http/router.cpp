#include "http/router.hpp"

namespace sanpi::http {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool MatchPattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
  auto want = Segments(pattern), got = Segments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      if (got[i].empty()) return false;
      found.emplace(std::string(want[i].substr(1, want[i].size() - 2)), std::string(got[i]));
    } else if (want[i] != got[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::Add(Route route) { routes_.push_back(std::move(route)); }

const Route* Router::Match(const std::string& method, const std::string& path, std::map<std::string, std::string>& params,
                           bool& path_matched) const {
  path_matched = false;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> candidate;
    if (!MatchPattern(route.pattern, path, candidate)) continue;
    path_matched = true;
    if (route.method == method) {
      params = std::move(candidate);
      return &route;
    }
  }
  return nullptr;
}

std::size_t Router::BodyLimit(const std::string& method, const std::string& path, std::size_t fallback) const {
  std::map<std::string, std::string> params;
  bool path_matched = false;
  const Route* route = Match(method, path, params, path_matched);
  return route && route->doc.max_body_bytes > 0 ? route->doc.max_body_bytes : fallback;
}

}  // namespace sanpi::http
