#pragma once
// The HTTP request and response as sanpi's handlers see them: plain values, no sockets, no Beast
// types, so handlers and their tests stay light.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/text.hpp"

namespace sanpi::http {

struct Request {
  std::string method;  // "GET", "POST" …
  std::string target;  // as sent: path and query
  std::string path;    // decoded path without the query
  std::map<std::string, std::string> query;    // decoded query parameters
  std::map<std::string, std::string> headers;  // keys in lower case
  std::string body;
  std::string remote_address;

  std::string Header(const std::string& lower_name) const;
  core::Language language() const;  // from Accept-Language: English when it prefers en, else Chinese
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// Splits "path?a=1&b=%E4%B8%AD" into the decoded path and parameters; false on bad escapes.
bool ParseTarget(const std::string& target, std::string& path, std::map<std::string, std::string>& query);
std::string UrlDecode(std::string_view text, bool plus_is_space, bool& ok);

}  // namespace sanpi::http
