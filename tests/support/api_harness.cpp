#include "support/api_harness.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace sanpi::testing {

std::string Reply::Header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return "";
}

std::string Reply::FirstErrorField() const {
  if (!json.is_object() || !json.as_object().contains("error")) return "";
  const auto& fields = json.at("error").at("fields").as_array();
  return fields.empty() ? "" : std::string(fields[0].at("field").as_string());
}

void ApiTest::SetUp() {
  BackendTest::SetUp();
  if (IsSkipped() || HasFailure()) return;
  zone_ = SeedZone(db());
  api_ = std::make_unique<http::Api>(db(), http::ApiOptions{"", false, ""});
}

Reply ApiTest::Call(const std::string& method, const std::string& target, const std::string& token,
                    const std::string& body, const std::string& language, const std::string& content_type) {
  http::Request request;
  request.method = method;
  request.target = target;
  http::ParseTarget(target, request.path, request.query);
  if (!token.empty()) request.headers["authorization"] = "Bearer " + token;
  request.headers["accept-language"] = language;
  if (!body.empty()) request.headers["content-type"] = content_type;
  request.body = body;
  request.remote_address = "127.0.0.1";
  http::Response response = api_->Handle(request);
  Reply reply{response.status, nullptr, response.body, response.headers};
  boost::system::error_code error;
  if (!response.body.empty()) reply.json = boost::json::parse(response.body, error);
  if (error) reply.json = nullptr;
  return reply;
}

std::string ApiTest::Token(const std::string& username) {
  auto found = tokens_.find(username);
  if (found != tokens_.end()) return found->second;
  auto reply = Call("POST", "/api/v1/auth/login", "",
                    boost::json::serialize(boost::json::object{{"username", username}, {"password", "Sanpi2026"}}));
  EXPECT_EQ(reply.status, 200) << "login as " << username << ": " << reply.body;
  if (reply.status != 200) return "";
  std::string token(reply.json.at("token").as_string());
  tokens_[username] = token;
  return token;
}

Reply ApiTest::Post(const std::string& target, const std::string& username, const boost::json::value& body) {
  return Call("POST", target, Token(username), boost::json::serialize(body));
}

Reply ApiTest::Put(const std::string& target, const std::string& username, const boost::json::value& body) {
  return Call("PUT", target, Token(username), boost::json::serialize(body));
}

std::int64_t ApiTest::Count(const std::string& table) {
  auto tx = db().Begin(storage::Access::kRead);
  return tx->Query("SELECT COUNT(*) FROM " + table).front().Int(0);
}

}  // namespace sanpi::testing
