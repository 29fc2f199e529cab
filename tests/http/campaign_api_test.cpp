// The campaign through the API over the demo zone, which carries the seed report's roster: the
// statistics and the bulletin reproduce the report's period-7 figures, follow stage changes, come in
// the three views, and stay inside the caller's region. On both backends.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "demo/demo_zone.hpp"
#include "http/api.hpp"
#include "support/test_database.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

class CampaignApiTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    auto seeded = demo::SeedDemoZone(db());
    ASSERT_TRUE(seeded.ok()) << seeded.ToString();
    api_ = std::make_unique<http::Api>(db(), http::ApiOptions{"", false, ""});
  }

  json::value Call(const std::string& method, const std::string& target, const std::string& user, int expected,
                   const json::value& body = nullptr) {
    http::Request request;
    request.method = method;
    request.target = target;
    http::ParseTarget(target, request.path, request.query);
    if (!user.empty()) request.headers["authorization"] = "Bearer " + Token(user);
    if (!body.is_null()) {
      request.headers["content-type"] = "application/json";
      request.body = json::serialize(body);
    }
    auto response = api_->Handle(request);
    EXPECT_EQ(response.status, expected) << method << " " << target << ": " << response.body;
    boost::system::error_code error;
    auto parsed = json::parse(response.body, error);
    return error ? json::value(nullptr) : parsed;
  }
  json::value Get(const std::string& target, const std::string& user = "office", int expected = 200) {
    return Call("GET", target, user, expected);
  }
  std::string Token(const std::string& user) {
    if (auto found = tokens_.find(user); found != tokens_.end()) return found->second;
    http::Request login;
    login.method = "POST";
    login.target = login.path = "/api/v1/auth/login";
    login.headers["content-type"] = "application/json";
    login.body = json::serialize(json::object{{"username", user}, {"password", demo::kDemoPassword}});
    auto response = api_->Handle(login);
    EXPECT_EQ(response.status, 200) << response.body;
    return tokens_[user] = std::string(json::parse(response.body).at("token").as_string());
  }
  std::int64_t ProjectId(const std::string& name) {
    auto tx = db().Begin(storage::Access::kRead);
    return tx->Query("SELECT id FROM projects WHERE name = $1", {name}).front().Int(0);
  }
  static std::int64_t Int(const json::value& v, std::initializer_list<const char*> path) {
    const json::value* at = &v;
    for (const char* key : path) at = &at->at(key);
    return at->as_int64();
  }

  std::unique_ptr<http::Api> api_;
  std::map<std::string, std::string> tokens_;
};

TEST_P(CampaignApiTest, Period7StatisticsAreTheSeedReportsFigures) {
  auto s = Get("/api/v1/periods/7/statistics?as_of=2022-12-31");
  EXPECT_EQ(Int(s, {"overall", "count"}), 37);                            // 现有7期项目37个
  EXPECT_EQ(Int(s, {"overall", "total_investment"}), 46'475'000'000);     // 464.75亿 → 约465亿元
  EXPECT_EQ(Int(s, {"overall", "sign", "count"}), 6);
  EXPECT_EQ(Int(s, {"overall", "sign", "total_investment"}), 16'600'000'000);
  EXPECT_EQ(Int(s, {"overall", "sign", "earlier"}), 3);                   // 除第7期3个项目外
  EXPECT_EQ(Int(s, {"overall", "sign", "earlier_fulfilled"}), 3);         // 前6期项目全部履约
  EXPECT_EQ(Int(s, {"overall", "start", "count"}), 24);
  EXPECT_EQ(Int(s, {"overall", "start", "total_investment"}), 22'835'000'000);
  EXPECT_EQ(Int(s, {"overall", "start", "started"}), 14);                 // 截至2022年底已开工14个
  EXPECT_EQ(Int(s, {"overall", "start", "producing"}), 4);                // 已投产4个
  EXPECT_EQ(Int(s, {"overall", "production", "count"}), 7);
  EXPECT_EQ(Int(s, {"overall", "production", "year_planned_investment"}), 1'580'000'000);  // 15.8亿元
  EXPECT_EQ(Int(s, {"overall", "production", "effective"}), 6);
  EXPECT_EQ(s.at("overall").at("production").at("effect_rate").at("text").as_string(), "85.7%");
  // Breakdowns carry names, and add up to the whole.
  std::int64_t units = 0;
  std::vector<std::string> unit_names, leader_names;
  for (const auto& g : s.at("by_unit").as_array()) {
    units += g.at("figures").at("count").as_int64();
    unit_names.emplace_back(g.at("name").as_string());
  }
  for (const auto& g : s.at("by_leader").as_array()) leader_names.emplace_back(g.at("name").as_string());
  EXPECT_EQ(units, 37);
  EXPECT_THAT(unit_names, ::testing::Contains("住房和城乡建设局"));
  EXPECT_THAT(leader_names, ::testing::Contains("刘副主任（包联领导）"));
  EXPECT_FALSE(s.at("by_industry").as_array().empty());
}

TEST_P(CampaignApiTest, TheBulletinReproducesTheReportsSentences) {
  auto b = Get("/api/v1/periods/7/bulletin?as_of=2022-12-31&zone_name=%E9%AB%98%E6%96%B0%E5%8C%BA");  // 高新区
  std::string text(b.at("text").as_string());
  EXPECT_THAT(text, HasSubstr("经前6期“三个一批”项目动态调整及转化后，高新区现有7期“三个一批”项目37个，总投资约465亿元。"));
  EXPECT_THAT(text, HasSubstr("总投资166亿元。除第7期3个项目外，前6期项目全部履约。"));
  EXPECT_THAT(text, HasSubstr("（第五期签约开工项目）"));
  EXPECT_THAT(text, HasSubstr("总投资228.35亿元，截至2022年底已开工14个，已投产4个。"));
  EXPECT_THAT(text, HasSubstr("总投资70.4亿元，年度计划投资15.8亿元，截至2022年底，已达效6个，达效率85.7%。"));
  Get("/api/v1/periods/7/bulletin?as_of=2022-13-01", "office", 400);
  Get("/api/v1/periods/99/bulletin", "office", 404);
}

TEST_P(CampaignApiTest, FiguresFollowAStageChange) {
  auto id = ProjectId("年产1500万双皮鞋深加工项目（一期）");
  auto project = Get("/api/v1/projects/" + std::to_string(id));
  Call("POST", "/api/v1/projects/" + std::to_string(id) + "/stage", "office", 200,
       json::object{{"to", "effective"}, {"on", "2022-12-30"}, {"version", project.at("version")}});
  auto s = Get("/api/v1/periods/7/statistics?as_of=2022-12-31");
  EXPECT_EQ(Int(s, {"overall", "production", "effective"}), 7);
  EXPECT_EQ(s.at("overall").at("production").at("effect_rate").at("text").as_string(), "100%");
  // As of a date before the change, the figures stay what they were.
  auto before = Get("/api/v1/periods/7/statistics?as_of=2022-12-29");
  EXPECT_EQ(Int(before, {"overall", "production", "effective"}), 5);
}

TEST_P(CampaignApiTest, TheRosterComesPublishedOriginalAndAdjusted) {
  auto adjusted = Get("/api/v1/periods/7/roster?as_of=2022-12-31");
  EXPECT_EQ(Int(adjusted, {"total"}), 37);
  auto original = Get("/api/v1/periods/7/roster?view=original");
  EXPECT_EQ(Int(original, {"total"}), 38) << "the withdrawn entry stays on the roster as published";
  auto published = Get("/api/v1/periods/7/roster?view=published");
  EXPECT_EQ(Int(published, {"total"}), 12) << "period 7's own lists: 3 sign, 9 start";
  bool converted_seen = false;
  for (const auto& line : adjusted.at("items").as_array()) {
    EXPECT_FALSE(line.at("project_name").as_string().empty());
    if (line.at("converted").as_bool()) {
      converted_seen = true;
      EXPECT_EQ(line.at("origin_batch").as_string(), "sign");
      EXPECT_EQ(line.at("batch").as_string(), "start");
    }
  }
  EXPECT_TRUE(converted_seen);
  Get("/api/v1/periods/7/roster?view=sideways", "office", 400);
  // Statistics of the original view count the withdrawn project too.
  EXPECT_EQ(Int(Get("/api/v1/periods/7/statistics?as_of=2022-12-31&view=original"), {"overall", "count"}), 38);
}

TEST_P(CampaignApiTest, EntriesAndAdjustmentsAreRecordedAndTheLedgerFollowsTheBatch) {
  Call("POST", "/api/v1/periods", "office", 201, json::object{{"number", 8}, {"held_on", "2023-04-28"}});
  Call("POST", "/api/v1/periods", "office", 409, json::object{{"number", 9}, {"held_on", "2023-01-01"}});
  auto project = Call("POST", "/api/v1/projects", "office", 201,
                      json::object{{"name", "新签约测试项目"}, {"industry", "数字经济"}, {"total_investment", 300'000'000},
                                   {"leader_id", Int(Get("/api/v1/auth/me", "leader1"), {"id"})},
                                   {"lead_unit_id", Int(Get("/api/v1/auth/me", "unit_zjj"), {"unit_id"})},
                                   {"responsible_person", "测试"}});
  auto id = Int(project, {"id"});
  auto missing = Call("POST", "/api/v1/periods/8/roster", "office", 400, json::object{{"project_id", id}, {"batch", "sign"}});
  EXPECT_EQ(missing.at("error").at("fields").at(0).at("field").as_string(), "commitment.sign_date");
  Call("POST", "/api/v1/periods/8/roster", "unit_zjj", 403,
       json::object{{"project_id", id}, {"batch", "sign"}, {"commitment", json::object{{"sign_date", "2023-04-28"}}}});
  auto entry = Call("POST", "/api/v1/periods/8/roster", "office", 201,
                    json::object{{"project_id", id}, {"batch", "sign"}, {"commitment", json::object{{"sign_date", "2023-04-28"}}}});
  Call("POST", "/api/v1/periods/8/roster", "office", 409,
       json::object{{"project_id", id}, {"batch", "start"}, {"commitment", json::object{{"planned_start_date", "2023-06-28"}}}});
  auto in_sign = Get("/api/v1/projects?batch=sign&period=8");
  EXPECT_EQ(Int(in_sign, {"total"}), 1);
  auto entry_path = "/api/v1/roster-entries/" + std::to_string(Int(entry, {"id"})) + "/adjustments";
  Call("POST", entry_path, "office", 400, json::object{{"kind", "move"}, {"after_period", 8}, {"decided_on", "2023-05-01"}, {"reason", ""}});
  Call("POST", entry_path, "office", 201,
       json::object{{"kind", "move"}, {"after_period", 8}, {"decided_on", "2023-05-01"}, {"reason", "已开工，转入开工一批"},
                    {"to_batch", "start"},
                    {"commitment", json::object{{"sign_date", "2023-04-28"}, {"planned_start_date", "2023-05-01"}}}});
  EXPECT_EQ(Int(Get("/api/v1/projects?batch=sign&period=8"), {"total"}), 0);
  EXPECT_EQ(Int(Get("/api/v1/projects?batch=start&period=8"), {"total"}), 1);
  auto history = Get("/api/v1/projects/" + std::to_string(id) + "/roster");
  EXPECT_EQ(history.at("entries").as_array().size(), 1u);
  EXPECT_EQ(history.at("adjustments").at(0).at("reason").as_string(), "已开工，转入开工一批");
  // The original commitment is kept on the entry.
  EXPECT_EQ(history.at("entries").at(0).at("batch").as_string(), "sign");
}

TEST_P(CampaignApiTest, CampaignListsStayInsideTheCallersRegion) {
  EXPECT_EQ(Int(Get("/api/v1/periods", "viewer"), {"total"}), 7);
  EXPECT_EQ(Int(Get("/api/v1/periods", "city_viewer"), {"total"}), 0) << "the city has no periods of its own";
  Get("/api/v1/periods/7/statistics", "city_viewer", 404);
  Get("/api/v1/periods", "ent1", 403);
  Call("POST", "/api/v1/periods", "viewer", 403, json::object{{"number", 8}, {"held_on", "2023-04-28"}});
}

SANPI_BOTH_BACKENDS(CampaignApiTest);

}  // namespace
}  // namespace sanpi::testing
