// 通知 through the API, on both backends: notification targets (office only, its own region, versions with 409,
// bad input named in both languages, the DingTalk secret never shown), the caller's own inbox and read marks, and
// the outbox list with the retry of dead messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/date.hpp"
#include "support/api_harness.hpp"
#include "support/late_milestone.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kTargets = "/api/v1/notification-targets";
constexpr const char* kSecret = "SEC0123456789abcdef";

class NotificationApiTest : public ApiTest {
 protected:
  json::object DingTarget() {
    return json::object{{"name", "项目办钉钉群"},
                        {"channel", "dingtalk"},
                        {"url", "https://oapi.dingtalk.com/robot/send?access_token=abc"},
                        {"secret", kSecret},
                        {"levels", json::array{"orange", "red"}}};
  }
  std::string T(std::int64_t id) { return std::string(kTargets) + "/" + std::to_string(id); }
  std::int64_t CreateTarget() {
    auto reply = Post(kTargets, "t_office", DingTarget());
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? reply.json.at("id").as_int64() : 0;
  }
  // A project of unit A led by unit B's user with a milestone 40 days late, swept: a red warning, two events.
  void RedWarning() {
    json::object body{{"name", "智能装备产业园"},
                      {"industry", "装备制造"},
                      {"kind", "industry"},
                      {"total_investment", 1'000'000'000},
                      {"leader_id", zone_.unit_b_user.user_id},
                      {"lead_unit_id", zone_.unit_a},
                      {"responsible_person", "王工"}};
    auto reply = Post("/api/v1/projects", "t_office", body);
    ASSERT_EQ(reply.status, 201) << reply.body;
    AddLateMilestone(db(), zone_.office.region_code, reply.json.at("id").as_int64());
    ASSERT_EQ(Post("/api/v1/warnings/sweep", "t_office", json::object{}).status, 200);
  }
};

TEST_P(NotificationApiTest, TheOfficeManagesItsTargetsWithVersionsAndTheSecretStaysHidden) {
  auto created = Post(kTargets, "t_office", DingTarget());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(created.json.at("secret_set").as_bool());
  EXPECT_FALSE(created.json.as_object().contains("secret"));
  EXPECT_THAT(created.body, Not(HasSubstr(kSecret)));
  EXPECT_EQ(created.json.at("levels"), (json::array{"orange", "red"}));
  const std::int64_t id = created.json.at("id").as_int64();

  auto list = Get(kTargets, "t_office");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json.at("total").as_int64(), 1);
  EXPECT_THAT(list.body, Not(HasSubstr(kSecret)));

  // Without "secret" an update keeps it; a stale version gets 409 with the record as it stands.
  json::object change = DingTarget();
  change.erase("secret");
  change["name"] = "督办钉钉群";
  change["version"] = 1;
  auto updated = Put(T(id), "t_office", change);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json.at("version").as_int64(), 2);
  EXPECT_TRUE(updated.json.at("secret_set").as_bool());
  auto stale = Put(T(id), "t_office", change);
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.json.at("current").at("name").as_string(), "督办钉钉群");
  EXPECT_THAT(stale.body, Not(HasSubstr(kSecret)));

  // Nothing of the secret in the audit log either.
  auto tx = db().Begin(storage::Access::kRead);
  for (auto row : tx->Query("SELECT COALESCE(before_json, ''), COALESCE(after_json, '') FROM audit_log "
                            "WHERE entity = 'notification_target'")) {
    EXPECT_THAT(row.Text(0) + row.Text(1), Not(HasSubstr(kSecret)));
  }

  EXPECT_EQ(Call("DELETE", T(id) + "?version=1", Token("t_office")).status, 409);
  EXPECT_EQ(Call("DELETE", T(id) + "?version=2", Token("t_office")).status, 204);
  EXPECT_EQ(Get(T(id), "t_office").status, 404);
}

TEST_P(NotificationApiTest, BadTargetsAreRefusedNamingTheFieldInBothLanguages) {
  json::object bad{{"name", "群"}, {"channel", "sms"}, {"url", "https://x.example/hook"}};
  auto reply = Post(kTargets, "t_office", bad);
  ASSERT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(reply.FirstErrorField(), "channel");
  EXPECT_THAT(reply.body, HasSubstr("渠道"));
  auto english = Call("POST", kTargets, Token("t_office"),
                      json::serialize(json::object{{"name", "群"}, {"channel", "json"}, {"url", "ftp://x/"}}), "en");
  ASSERT_EQ(english.status, 400);
  EXPECT_EQ(english.FirstErrorField(), "url");
  EXPECT_THAT(english.body, HasSubstr("http"));
  auto wecom_secret = Post(
      kTargets, "t_office",
      json::object{{"name", "群"}, {"channel", "wecom"}, {"url", "https://qyapi.weixin.qq.com/x"}, {"secret", "s"}});
  EXPECT_EQ(wecom_secret.FirstErrorField(), "secret");
  auto kinds = Post(
      kTargets, "t_office",
      json::object{{"name", "群"}, {"channel", "json"}, {"url", "http://h/"}, {"event_kinds", json::array{"boom"}}});
  EXPECT_EQ(kinds.FirstErrorField(), "event_kinds");
  auto unknown = Post(kTargets, "t_office",
                      json::object{{"name", "群"}, {"channel", "json"}, {"url", "http://h/"}, {"colour", "red"}});
  EXPECT_EQ(unknown.FirstErrorField(), "colour");
  EXPECT_EQ(Count("notification_targets"), 0);
}

TEST_P(NotificationApiTest, TargetsAreTheOfficesOfItsOwnRegionOnly) {
  const std::int64_t id = CreateTarget();
  // Another zone's office: not found, not listed, not changed.
  EXPECT_EQ(Get(T(id), "t_other").status, 404);
  EXPECT_EQ(Get(kTargets, "t_other").json.at("total").as_int64(), 0);
  json::object change = DingTarget();
  change["version"] = 1;
  EXPECT_EQ(Put(T(id), "t_other", change).status, 404);
  EXPECT_EQ(Call("DELETE", T(id) + "?version=1", Token("t_other")).status, 404);
  // Units and viewers do not manage targets at all.
  EXPECT_EQ(Get(kTargets, "t_unit_a").status, 403);
  EXPECT_EQ(Post(kTargets, "t_unit_a", DingTarget()).status, 403);
  EXPECT_EQ(Get(kTargets, "t_city").status, 403);
  EXPECT_EQ(Get(T(id), "t_office").json.at("version").as_int64(), 1);
}

TEST_P(NotificationApiTest, EachUserReadsAndMarksOnlyHisOwnInbox) {
  RedWarning();
  auto mine = Get("/api/v1/inbox", "t_unit_a");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json.at("total").as_int64(), 2);
  EXPECT_EQ(mine.json.at("unread").as_int64(), 2);
  const auto& newest = mine.json.at("items").at(0);
  EXPECT_EQ(newest.at("event").at("kind").as_string(), "order_issued");
  EXPECT_EQ(newest.at("project_name").as_string(), "智能装备产业园");
  EXPECT_FALSE(newest.at("read").as_bool());

  auto leaders = Get("/api/v1/inbox", "t_unit_b");
  ASSERT_EQ(leaders.json.at("total").as_int64(), 2) << "the copied leader hears of red";
  const std::int64_t his = leaders.json.at("items").at(0).at("id").as_int64();
  const std::int64_t own = newest.at("id").as_int64();

  EXPECT_EQ(Post("/api/v1/inbox/" + std::to_string(his) + "/read", "t_unit_a", json::object{}).status, 404)
      << "one user cannot mark another's item";
  EXPECT_EQ(Get("/api/v1/inbox", "t_unit_b").json.at("unread").as_int64(), 2);
  auto read = Post("/api/v1/inbox/" + std::to_string(own) + "/read", "t_unit_a", json::object{});
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_TRUE(read.json.at("read").as_bool());
  EXPECT_EQ(Get("/api/v1/inbox", "t_unit_a").json.at("unread").as_int64(), 1);
  EXPECT_EQ(Get("/api/v1/inbox?unread=true", "t_unit_a").json.at("total").as_int64(), 1);
  EXPECT_EQ(Get("/api/v1/inbox?unread=maybe", "t_unit_a").FirstErrorField(), "unread");
  auto all = Post("/api/v1/inbox/read-all", "t_unit_a", json::object{});
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json.at("marked").as_int64(), 1);
  EXPECT_EQ(Get("/api/v1/inbox", "t_unit_a").json.at("unread").as_int64(), 0);
  EXPECT_EQ(Get("/api/v1/inbox", "t_unit_b").json.at("unread").as_int64(), 2) << "his marks are his own";
  EXPECT_EQ(Get("/api/v1/inbox", "t_other").json.at("total").as_int64(), 0);
  EXPECT_EQ(Call("GET", "/api/v1/inbox").status, 401);
}

TEST_P(NotificationApiTest, TheOfficeSeesItsOutboxAndSendsDeadMessagesAgain) {
  CreateTarget();
  RedWarning();
  auto outbox = Get("/api/v1/outbox", "t_office");
  ASSERT_EQ(outbox.status, 200) << outbox.body;
  ASSERT_EQ(outbox.json.at("total").as_int64(), 2);
  const auto& first = outbox.json.at("items").at(0);
  EXPECT_EQ(first.at("state").as_string(), "pending");
  EXPECT_EQ(first.at("attempts").as_int64(), 0);
  EXPECT_EQ(first.at("channel").as_string(), "dingtalk");
  EXPECT_THAT(outbox.body, Not(HasSubstr(kSecret)));
  const std::string id(first.at("id").as_string());
  EXPECT_THAT(id, ::testing::StartsWith("sanpi-"));

  EXPECT_EQ(Post("/api/v1/outbox/" + id + "/retry", "t_office", json::object{}).status, 422) << "not dead";
  {
    auto tx = db().Begin(storage::Access::kWrite);
    tx->Execute("UPDATE outbox_messages SET state = 'dead', attempts = 8, last_error = 'HTTP 400: bad' WHERE id = $1",
                {id});
    tx->Commit();
  }
  auto dead = Get("/api/v1/outbox?state=dead", "t_office");
  ASSERT_EQ(dead.json.at("total").as_int64(), 1);
  EXPECT_EQ(dead.json.at("items").at(0).at("last_error").as_string(), "HTTP 400: bad");
  EXPECT_EQ(Get("/api/v1/outbox?state=lost", "t_office").FirstErrorField(), "state");

  EXPECT_EQ(Get("/api/v1/outbox", "t_other").json.at("total").as_int64(), 0);
  EXPECT_EQ(Post("/api/v1/outbox/" + id + "/retry", "t_other", json::object{}).status, 404);
  EXPECT_EQ(Get("/api/v1/outbox", "t_unit_a").status, 403);
  EXPECT_EQ(Post("/api/v1/outbox/" + id + "/retry", "t_unit_a", json::object{}).status, 403);
  auto retried = Post("/api/v1/outbox/" + id + "/retry", "t_office", json::object{});
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.json.at("state").as_string(), "pending");
  EXPECT_EQ(retried.json.at("attempts").as_int64(), 0);
}

SANPI_BOTH_BACKENDS(NotificationApiTest);

}  // namespace
}  // namespace sanpi::testing
