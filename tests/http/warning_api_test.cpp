// 预警督办 through the API, on both backends: the region's rules (round trip, validation naming fields, versions),
// the sweep on demand opening a red warning with its 督办单 and changing nothing the second time, the list with
// counts by level, and people's actions with versions (409 on stale) and scope (unit B finds nothing of unit A's
// and writes nothing).
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
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::vector<std::string> ErrorFields(const Reply& reply) {
  std::vector<std::string> fields;
  for (const auto& field : reply.json.at("error").at("fields").as_array())
    fields.emplace_back(field.at("field").as_string());
  return fields;
}

class WarningApiTest : public ApiTest {
 protected:
  // A project of unit A with one milestone 40 days late: red under the default rule (30+ days).
  std::int64_t LateProject() {
    json::object body{{"name", "智能装备产业园"}, {"industry", "装备制造"}, {"kind", "industry"},
                      {"total_investment", 1'000'000'000}, {"leader_id", zone_.unit_a_user.user_id},
                      {"lead_unit_id", zone_.unit_a}, {"responsible_person", "王工"}};
    auto reply = Post("/api/v1/projects", "t_office", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    const std::int64_t project = reply.json.at("id").as_int64();
    AddLateMilestone(db(), zone_.office.region_code, project);
    return project;
  }
  std::string W(std::int64_t id, const std::string& tail = "") { return "/api/v1/warnings/" + std::to_string(id) + tail; }
};

TEST_P(WarningApiTest, RulesRoundTripWithVersionsAndEveryoneInsideReadsThem) {
  auto defaults = Get("/api/v1/warnings/rules", "t_unit_a");
  ASSERT_EQ(defaults.status, 200) << defaults.body;
  EXPECT_EQ(defaults.json.at("version").as_int64(), 0);
  EXPECT_EQ(defaults.json.at("rules").as_array().size(), 7u);
  EXPECT_EQ(defaults.json.at("supervision_reply_days").as_int64(), 5);

  json::object body{{"rules", json::array{json::object{{"rule", "investment_behind_schedule"},
                                                       {"unit", "percent_of_time_progress"},
                                                       {"yellow", 80}, {"orange", nullptr}, {"red", 60}}}},
                    {"supervision_reply_days", 7}, {"version", 0}};
  EXPECT_EQ(Put("/api/v1/warnings/rules", "t_unit_a", body).status, 403);
  auto saved = Put("/api/v1/warnings/rules", "t_office", body);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json.at("version").as_int64(), 1);
  EXPECT_EQ(saved.json.at("supervision_reply_days").as_int64(), 7);
  const auto& investment = saved.json.at("rules").at(0);
  EXPECT_EQ(investment.at("rule").as_string(), "investment_behind_schedule");
  EXPECT_EQ(investment.at("yellow").as_int64(), 80);
  EXPECT_TRUE(investment.at("orange").is_null());
  EXPECT_TRUE(investment.at("customised").as_bool());
  EXPECT_FALSE(saved.json.at("rules").at(2).at("customised").as_bool());
  EXPECT_EQ(Get("/api/v1/warnings/rules", "t_unit_b").json, saved.json) << "read back as saved";

  auto stale = Put("/api/v1/warnings/rules", "t_office", body);
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.json.at("current").at("version").as_int64(), 1);
}

TEST_P(WarningApiTest, BadRulesAreRefusedNamingEveryField) {
  Token("t_office");  // a login is audited too: log in before counting
  const std::int64_t audits = Count("audit_log");
  json::object unknown{{"rules", json::array{json::object{{"rule", "nope"}, {"unit", "days"}, {"colour", "red"}}}},
                       {"version", 0}};
  auto shape = Call("PUT", "/api/v1/warnings/rules", Token("t_office"), json::serialize(unknown), "en");
  ASSERT_EQ(shape.status, 400) << shape.body;
  EXPECT_THAT(ErrorFields(shape), Contains("rules[0].rule"));
  EXPECT_THAT(ErrorFields(shape), Contains("rules[0].colour"));
  EXPECT_THAT(shape.body, HasSubstr("unknown rule"));

  json::object disordered{
      {"rules", json::array{json::object{{"rule", "milestone_overdue"}, {"unit", "days"}, {"yellow", 20},
                                         {"orange", 10}, {"red", 30}}}},
      {"supervision_reply_days", 0}, {"version", 0}};
  auto values = Put("/api/v1/warnings/rules", "t_office", disordered);
  ASSERT_EQ(values.status, 400) << values.body;
  auto fields = ErrorFields(values);
  EXPECT_THAT(fields, Contains(StartsWith("rules.milestone_overdue.")));
  EXPECT_THAT(fields, Contains("supervision_reply_days"));
  EXPECT_EQ(Count("warning_rule_settings"), 0);
  EXPECT_EQ(Count("audit_log"), audits);
}

TEST_P(WarningApiTest, TheSweepOpensARedWarningWithAnOrderAndASecondSweepChangesNothing) {
  const std::int64_t project = LateProject();
  EXPECT_EQ(Post("/api/v1/warnings/sweep", "t_unit_a", json::object{}).status, 403);
  auto first = Post("/api/v1/warnings/sweep", "t_office", json::object{});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json.at("opened").as_int64(), 1);
  EXPECT_EQ(first.json.at("orders_issued").as_int64(), 1);
  auto second = Post("/api/v1/warnings/sweep", "t_office", json::object{});
  ASSERT_EQ(second.status, 200) << second.body;
  for (const char* count : {"opened", "escalated", "de_escalated", "closed", "orders_issued", "orders_overdue"})
    EXPECT_EQ(second.json.at(count).as_int64(), 0) << count;
  EXPECT_EQ(second.json.at("open").as_int64(), 1);

  auto list = Get("/api/v1/warnings?project_id=" + std::to_string(project), "t_unit_a");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json.at("total").as_int64(), 1);
  EXPECT_EQ(list.json.at("counts").at("red").as_int64(), 1);
  const auto& warning = list.json.at("items").at(0);
  EXPECT_EQ(warning.at("rule").as_string(), "milestone_overdue");
  EXPECT_EQ(warning.at("level").as_string(), "red");
  EXPECT_EQ(warning.at("figure").as_double(), 40.0);
  EXPECT_EQ(warning.at("threshold").as_int64(), 30);
  EXPECT_THAT(std::string(warning.at("message").at("zh").as_string()), HasSubstr("主体封顶"));
  EXPECT_THAT(std::string(warning.at("message").at("zh").as_string()), HasSubstr("已逾期40天"));
  EXPECT_EQ(warning.at("order").at("state").as_string(), "issued");
  EXPECT_EQ(warning.at("order").at("reply_due").as_string(), core::Date::Today().AddDays(5).ToString());
  EXPECT_EQ(Get("/api/v1/warnings?level=yellow", "t_unit_a").json.at("total").as_int64(), 0);
  EXPECT_EQ(Get("/api/v1/warnings", "t_unit_b").json.at("total").as_int64(), 0) << "unit B sees none of unit A's";
  auto bad = Get("/api/v1/warnings?level=purple&state=gone", "t_office");
  ASSERT_EQ(bad.status, 400);
  EXPECT_THAT(ErrorFields(bad), Contains("level"));
  EXPECT_THAT(ErrorFields(bad), Contains("state"));
}

TEST_P(WarningApiTest, AChangeToAProjectIsEvaluatedAtOnceWithoutWaitingForTheSweep) {
  json::object body{{"name", "新材料产业园"}, {"industry", "新材料"}, {"kind", "industry"},
                    {"total_investment", 600'000'000}, {"leader_id", zone_.unit_a_user.user_id},
                    {"lead_unit_id", zone_.unit_a}, {"responsible_person", "李工"}};
  auto created = Post("/api/v1/projects", "t_office", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string project = std::to_string(created.json.at("id").as_int64());
  const std::string list = "/api/v1/warnings?state=all&project_id=" + project;
  EXPECT_EQ(Get(list, "t_office").json.at("total").as_int64(), 0);

  // A milestone entered 20 days late: orange (15+ days) as soon as it is saved.
  const std::string late = core::Date::Today().AddDays(-20).ToString();
  auto milestone = Post("/api/v1/projects/" + project + "/milestones", "t_unit_a",
                        json::object{{"name", "主体封顶"}, {"planned", late}});
  ASSERT_EQ(milestone.status, 201) << milestone.body;
  auto opened = Get(list, "t_office");
  ASSERT_EQ(opened.json.at("total").as_int64(), 1) << opened.body;
  EXPECT_EQ(opened.json.at("items").at(0).at("rule").as_string(), "milestone_overdue");
  EXPECT_EQ(opened.json.at("items").at(0).at("level").as_string(), "orange");
  EXPECT_TRUE(opened.json.at("items").at(0).at("closed_on").is_null());

  // Done today: the warning closes at once, keeping its history.
  const std::string id = std::to_string(milestone.json.at("id").as_int64());
  auto done = Put("/api/v1/projects/" + project + "/milestones/" + id, "t_unit_a",
                  json::object{{"name", "主体封顶"}, {"planned", late}, {"actual", core::Date::Today().ToString()},
                               {"version", milestone.json.at("version").as_int64()}});
  ASSERT_EQ(done.status, 200) << done.body;
  auto closed = Get(list, "t_office");
  ASSERT_EQ(closed.json.at("total").as_int64(), 1) << closed.body;
  EXPECT_EQ(closed.json.at("items").at(0).at("closed_on").as_string(), core::Date::Today().ToString());

  // The night's sweep finds nothing left to do.
  auto sweep = Post("/api/v1/warnings/sweep", "t_office", json::object{});
  ASSERT_EQ(sweep.status, 200) << sweep.body;
  for (const char* count : {"opened", "escalated", "de_escalated", "closed"})
    EXPECT_EQ(sweep.json.at(count).as_int64(), 0) << count;
}

TEST_P(WarningApiTest, PeopleActOnTheWarningWithVersionsAndInsideTheirScope) {
  LateProject();
  ASSERT_EQ(Post("/api/v1/warnings/sweep", "t_office", json::object{}).status, 200);
  auto list = Get("/api/v1/warnings", "t_office");
  ASSERT_EQ(list.json.at("total").as_int64(), 1);
  const std::int64_t id = list.json.at("items").at(0).at("id").as_int64();

  // Unit B: not found, nothing written (both log in first: a login is audited).
  Token("t_unit_a");
  Token("t_unit_b");
  const std::int64_t events = Count("warning_events"), audits = Count("audit_log");
  EXPECT_EQ(Get(W(id), "t_unit_b").status, 404);
  EXPECT_EQ(Post(W(id, "/acknowledge"), "t_unit_b", json::object{{"response", "x"}, {"version", 1}}).status, 404);
  EXPECT_EQ(Count("warning_events"), events);
  EXPECT_EQ(Count("audit_log"), audits);

  auto acknowledged = Post(W(id, "/acknowledge"), "t_unit_a", json::object{{"response", "已组织施工单位加班抢工"}, {"version", 1}});
  ASSERT_EQ(acknowledged.status, 200) << acknowledged.body;
  EXPECT_EQ(acknowledged.json.at("version").as_int64(), 2);
  EXPECT_FALSE(acknowledged.json.at("needs_acknowledgement").as_bool());
  auto stale = Post(W(id, "/acknowledge"), "t_unit_a", json::object{{"response", "再次反馈"}, {"version", 1}});
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.json.at("current").at("version").as_int64(), 2);
  EXPECT_EQ(Post(W(id, "/acknowledge"), "t_unit_a", json::object{{"version", 2}}).FirstErrorField(), "response");

  auto assigned = Post(W(id, "/assign"), "t_office", json::object{{"assignee_id", zone_.unit_a_user.user_id}, {"version", 2}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.json.at("assignee_id").as_int64(), zone_.unit_a_user.user_id);
  EXPECT_EQ(Post(W(id, "/assign"), "t_office", json::object{{"assignee_id", zone_.other_zone.user_id}, {"version", 3}})
                .FirstErrorField(),
            "assignee_id");

  auto replied = Post(W(id, "/order/reply"), "t_unit_a", json::object{{"reply", "节点已调整，下周完成"}, {"version", 3}});
  ASSERT_EQ(replied.status, 200) << replied.body;
  EXPECT_EQ(replied.json.at("order").at("state").as_string(), "replied");
  EXPECT_EQ(Post(W(id, "/order/sign-off"), "t_unit_a", json::object{{"version", 4}}).status, 403)
      << "a unit does not sign off its own order";
  auto returned = Post(W(id, "/order/return"), "t_office", json::object{{"reason", "请附照片"}, {"version", 4}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.json.at("order").at("state").as_string(), "issued");
  auto again = Post(W(id, "/order/reply"), "t_unit_a", json::object{{"reply", "已附照片"}, {"version", 5}});
  ASSERT_EQ(again.status, 200) << again.body;
  auto signed_off = Post(W(id, "/order/sign-off"), "t_office", json::object{{"comment", "同意办结"}, {"version", 6}});
  ASSERT_EQ(signed_off.status, 200) << signed_off.body;
  EXPECT_EQ(signed_off.json.at("order").at("state").as_string(), "signed_off");
  EXPECT_EQ(Post(W(id, "/order/sign-off"), "t_office", json::object{{"version", 7}}).status, 422);

  auto one = Get(W(id), "t_unit_a");
  ASSERT_EQ(one.status, 200);
  std::vector<std::string> kinds;
  for (const auto& event : one.json.at("events").as_array()) kinds.emplace_back(event.at("kind").as_string());
  EXPECT_EQ(kinds, (std::vector<std::string>{"opened", "order_issued", "acknowledged", "assigned", "order_replied",
                                             "order_reply_returned", "order_replied", "order_signed_off"}));
  // A unit user may not list users, yet sees who signed the order off and who leads the project.
  const auto& people = one.json.at("people").as_object();
  const std::int64_t signer = one.json.at("order").at("signed_off_by").as_int64();
  EXPECT_EQ(people.at(std::to_string(signer)).as_string(), zone_.office.username);  // the fixture names users so
  EXPECT_TRUE(people.contains(std::to_string(one.json.at("leader_id").as_int64())));
  EXPECT_EQ(Count("audit_log"), audits + 6);
}

SANPI_BOTH_BACKENDS(WarningApiTest);

}  // namespace
}  // namespace sanpi::testing
