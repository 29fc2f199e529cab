// Logging in and out, sessions, throttling, roles.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "support/api_harness.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

class AuthApiTest : public ApiTest {
 protected:
  Reply Login(const std::string& username, const std::string& password) {
    return Call("POST", "/api/v1/auth/login", "",
                json::serialize(json::object{{"username", username}, {"password", password}}));
  }
};

TEST_P(AuthApiTest, LoginGivesATokenAndAnHttpOnlySameSiteCookie) {
  auto reply = Login("t_office", "Sanpi2026");
  ASSERT_EQ(reply.status, 200) << reply.body;
  std::string token(reply.json.at("token").as_string());
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(reply.json.at("user").at("roles").at(0).as_string(), "office");
  std::string cookie = reply.Header("Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("sanpi_session=" + token));
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("SameSite=Strict"));
  // Both ways of presenting the token work.
  EXPECT_EQ(Call("GET", "/api/v1/auth/me", token).status, 200);
  http::Request by_cookie;
  by_cookie.method = "GET";
  by_cookie.path = "/api/v1/auth/me";
  by_cookie.headers["cookie"] = "theme=dark; sanpi_session=" + token;
  EXPECT_EQ(api_->Handle(by_cookie).status, 200);
}

TEST_P(AuthApiTest, TokensAreStoredOnlyAsDigestsAndPasswordsOnlyAsArgon2id) {
  auto reply = Login("t_office", "Sanpi2026");
  std::string token(reply.json.at("token").as_string());
  auto tx = db().Begin(storage::Access::kRead);
  EXPECT_TRUE(tx->Query("SELECT 1 FROM sessions WHERE token_hash = $1", {token}).empty());
  EXPECT_EQ(tx->Query("SELECT COUNT(*) FROM sessions").front().Int(0), 1);
  auto hashes = tx->Query("SELECT password_hash FROM users");
  for (auto row : hashes) EXPECT_THAT(row.Text(0), ::testing::StartsWith("$argon2id$"));
  EXPECT_THAT(Get("/api/v1/users?page_size=100", "t_admin").body, ::testing::Not(HasSubstr("argon2")));
}

TEST_P(AuthApiTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  auto wrong = Login("t_office", "Wrong2026");
  auto unknown = Login("nobody_here", "Wrong2026");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json.at("error").at("message"), unknown.json.at("error").at("message"));
}

TEST_P(AuthApiTest, RepeatedFailuresAreThrottledEvenForTheRightPassword) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Login("t_unit_a", "Wrong2026").status, 401);
  auto throttled = Login("t_unit_a", "Sanpi2026");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.json.at("error").at("code").as_string(), "throttled");
  EXPECT_FALSE(throttled.Header("Retry-After").empty());
  EXPECT_EQ(Login("t_unit_b", "Sanpi2026").status, 200) << "other users are not locked out";
}

TEST_P(AuthApiTest, LogoutEndsTheSessionAndExpiredSessionsAreRefused) {
  std::string token = Token("t_office");
  EXPECT_EQ(Call("POST", "/api/v1/auth/logout", token).status, 204);
  EXPECT_EQ(Call("GET", "/api/v1/auth/me", token).status, 401);

  tokens_.clear();
  token = Token("t_office");
  {
    auto tx = db().Begin(storage::Access::kWrite);
    tx->Execute("UPDATE sessions SET expires_at = '2000-01-01 00:00:00'");
    tx->Commit();
  }
  EXPECT_EQ(Call("GET", "/api/v1/auth/me", token).status, 401);
}

TEST_P(AuthApiTest, ChangingThePasswordNeedsTheOldOneAndEndsOtherSessions) {
  std::string token = Token("t_unit_a");
  auto wrong_old = Post("/api/v1/auth/password", "t_unit_a", json::object{{"old_password", "Nope12345"}, {"new_password", "Better2027"}});
  EXPECT_EQ(wrong_old.FirstErrorField(), "old_password");
  auto weak = Post("/api/v1/auth/password", "t_unit_a", json::object{{"old_password", "Sanpi2026"}, {"new_password", "short"}});
  EXPECT_EQ(weak.FirstErrorField(), "new_password");
  auto ok = Post("/api/v1/auth/password", "t_unit_a", json::object{{"old_password", "Sanpi2026"}, {"new_password", "Better2027"}});
  EXPECT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(Call("GET", "/api/v1/auth/me", token).status, 401);
  EXPECT_EQ(Login("t_unit_a", "Better2027").status, 200);
}

TEST_P(AuthApiTest, NoSessionIs401AndAWrongRoleIs403) {
  EXPECT_EQ(Call("GET", "/api/v1/enterprises").status, 401);
  EXPECT_EQ(Call("GET", "/api/v1/enterprises", "not-a-token").status, 401);
  EXPECT_EQ(Get("/api/v1/users", "t_unit_a").status, 403);
  EXPECT_EQ(Post("/api/v1/org-units", "t_unit_a", json::object{{"code", "X"}, {"name", "X"}}).status, 403);
  EXPECT_EQ(Get("/api/v1/metrics", "t_office").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/health").status, 200);
}

TEST_P(AuthApiTest, OnlyAnAdministratorMakesAdministrators) {
  auto body = json::object{{"username", "new_admin"}, {"display_name", "新管理员"}, {"roles", json::array{"admin"}},
                           {"scope", "region"}, {"password", "Sanpi2026x"}};
  auto by_admin = Post("/api/v1/users", "t_admin", body);
  EXPECT_EQ(by_admin.status, 201) << by_admin.body;
  EXPECT_EQ(by_admin.json.as_object().count("password"), 0u);
  EXPECT_EQ(Login("new_admin", "Sanpi2026x").status, 200);
}

TEST_P(AuthApiTest, MetricsCountRequestsByRouteAndStatus) {
  Get("/api/v1/enterprises", "t_office");
  Get("/api/v1/enterprises/77777", "t_office");
  auto metrics = Get("/api/v1/metrics", "t_admin");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_THAT(metrics.body, HasSubstr("sanpi_http_requests_total{method=\"GET\",route=\"/api/v1/enterprises/{id}\",status=\"404\"} 1"));
  EXPECT_THAT(metrics.body, HasSubstr("sanpi_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/enterprises\""));
}

SANPI_BOTH_BACKENDS(AuthApiTest);

}  // namespace
}  // namespace sanpi::testing
