#pragma once
// Drives the real Api (routing, sessions, handlers, storage) in-process: requests go through
// Api::Handle exactly as the server hands them over, against a real database of either backend.
#include <map>
#include <memory>
#include <string>

#include <boost/json/value.hpp>

#include "http/api.hpp"
#include "support/test_database.hpp"
#include "support/zone_fixture.hpp"

namespace sanpi::testing {

struct Reply {
  int status = 0;
  boost::json::value json;  // null when the body is not JSON
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string Header(const std::string& name) const;
  // The first field error's field name, or "".
  std::string FirstErrorField() const;
};

class ApiTest : public BackendTest {
 protected:
  void SetUp() override;
  // Logs in (password "Sanpi2026", as the zone fixture stores) and caches the token.
  std::string Token(const std::string& username);
  Reply Call(const std::string& method, const std::string& target, const std::string& token = "",
             const std::string& body = "", const std::string& language = "zh-CN",
             const std::string& content_type = "application/json");
  Reply Get(const std::string& target, const std::string& username) { return Call("GET", target, Token(username)); }
  Reply Post(const std::string& target, const std::string& username, const boost::json::value& body);
  Reply Put(const std::string& target, const std::string& username, const boost::json::value& body);
  std::int64_t Count(const std::string& table);

  Zone zone_;
  std::unique_ptr<http::Api> api_;
  std::map<std::string, std::string> tokens_;
};

}  // namespace sanpi::testing
