// The roster cache behind /periods/{n}/statistics, /bulletin and /roster (storage/roster_cache.hpp):
// figures follow every write made through the repositories at once, and the cache really serves
// repeated requests (a write that bypasses the revision is, by design, not seen until the next one).
#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "demo/demo_zone.hpp"
#include "http/api.hpp"
#include "storage/roster_cache.hpp"
#include "support/test_database.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class RosterCacheTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    auto seeded = demo::SeedDemoZone(db());
    ASSERT_TRUE(seeded.ok()) << seeded.ToString();
    api_ = std::make_unique<http::Api>(db(), http::ApiOptions{"", false, ""});
  }
  json::value Call(const std::string& method, const std::string& target, int expected, const json::value& body = nullptr) {
    http::Request request;
    request.method = method;
    request.target = target;
    http::ParseTarget(target, request.path, request.query);
    request.headers["authorization"] = "Bearer " + Token();
    if (!body.is_null()) {
      request.headers["content-type"] = "application/json";
      request.body = json::serialize(body);
    }
    auto response = api_->Handle(request);
    EXPECT_EQ(response.status, expected) << method << " " << target << ": " << response.body;
    return json::parse(response.body);
  }
  std::string Token() {
    if (!token_.empty()) return token_;
    http::Request login;
    login.method = "POST";
    login.target = login.path = "/api/v1/auth/login";
    login.headers["content-type"] = "application/json";
    login.body = json::serialize(json::object{{"username", "office"}, {"password", demo::kDemoPassword}});
    return token_ = std::string(json::parse(api_->Handle(login).body).at("token").as_string());
  }
  json::value Statistics() { return Call("GET", "/api/v1/periods/7/statistics?as_of=2022-12-31", 200); }
  std::int64_t ProjectId(const std::string& name) {
    auto tx = db().Begin(storage::Access::kRead);
    return tx->Query("SELECT id FROM projects WHERE name = $1", {name}).front().Int(0);
  }
  std::unique_ptr<http::Api> api_;
  std::string token_;
};

TEST_P(RosterCacheTest, AStageChangeShowsInTheNextStatisticsAndBulletin) {
  auto before = Statistics();  // loads and caches the roster
  EXPECT_EQ(before.at("overall").at("production").at("effective").as_int64(), 6);
  Call("GET", "/api/v1/periods/7/bulletin?as_of=2022-12-31", 200);
  auto id = std::to_string(ProjectId("年产1500万双皮鞋深加工项目（一期）"));
  auto project = Call("GET", "/api/v1/projects/" + id, 200);
  Call("POST", "/api/v1/projects/" + id + "/stage", 200,
       json::object{{"to", "effective"}, {"on", "2022-12-30"}, {"version", project.at("version")}});
  EXPECT_EQ(Statistics().at("overall").at("production").at("effective").as_int64(), 7);
  auto bulletin = Call("GET", "/api/v1/periods/7/bulletin?as_of=2022-12-31", 200);
  EXPECT_NE(std::string(bulletin.at("text").as_string()).find("已达效7个"), std::string::npos) << bulletin;
}

TEST_P(RosterCacheTest, AnInvestmentEditAndARosterAdjustmentShowAtOnce) {
  auto total = [&] { return Statistics().at("overall").at("total_investment").as_int64(); };
  const auto before = total();
  auto id = std::to_string(ProjectId("年产1500万双皮鞋深加工项目（一期）"));
  auto project = Call("GET", "/api/v1/projects/" + id, 200).as_object();
  const auto old_investment = project.at("total_investment").as_int64();
  json::object changes;
  for (const char* key : {"code", "name", "enterprise_id", "industry", "kind", "address", "longitude", "latitude", "parcel",
                          "construction_content", "leader_id", "lead_unit_id", "cooperating_unit_ids",
                          "responsible_person", "responsible_phone", "version"})
    changes[key] = project.at(key);
  changes["total_investment"] = old_investment + 1'000'000;
  Call("PUT", "/api/v1/projects/" + id, 200, changes);
  EXPECT_EQ(total(), before + 1'000'000);
  // Withdrawing the project's entry after period 6 takes it off period 7's adjusted roster.
  auto history = Call("GET", "/api/v1/projects/" + id + "/roster", 200);
  auto entry_id = std::to_string(history.at("entries").at(0).at("id").as_int64());
  auto entry_period = history.at("entries").at(0).at("period").as_int64();
  if (entry_period <= 6) {
    Call("POST", "/api/v1/roster-entries/" + entry_id + "/adjustments", 201,
         json::object{{"kind", "withdraw"}, {"after_period", 6}, {"decided_on", "2023-01-10"}, {"reason", "企业投资计划调整"}});
    EXPECT_EQ(total(), before - old_investment);
  }
}

TEST_P(RosterCacheTest, RepeatedRequestsAreServedFromTheCacheUntilTheRevisionMoves) {
  const auto before = Statistics().at("overall").at("total_investment").as_int64();
  auto id = ProjectId("年产1500万双皮鞋深加工项目（一期）");
  {
    // A write that does not raise the region's revision (as no repository would do) is not seen:
    // proof that the second request did not reload the roster.
    auto tx = db().Begin(storage::Access::kWrite);
    tx->Execute("UPDATE projects SET total_investment = total_investment + 5 WHERE id = $1", {id});
    tx->Commit();
  }
  EXPECT_EQ(Statistics().at("overall").at("total_investment").as_int64(), before);
  {
    auto tx = db().Begin(storage::Access::kWrite);
    storage::BumpRegionRevision(*tx, "410171");
    tx->Commit();
  }
  EXPECT_EQ(Statistics().at("overall").at("total_investment").as_int64(), before + 5);
}

TEST_P(RosterCacheTest, TheRevisionRisesWithEachWriteTransaction) {
  auto tx = db().Begin(storage::Access::kWrite);
  auto start = storage::RegionRevision(*tx, "410171");
  EXPECT_GT(start, 0) << "seeding the demo zone wrote through the repositories";
  storage::BumpRegionRevision(*tx, "410171");
  storage::BumpRegionRevision(*tx, "999999");
  EXPECT_EQ(storage::RegionRevision(*tx, "410171"), start + 1);
  EXPECT_EQ(storage::RegionRevision(*tx, "999999"), 1);
  EXPECT_EQ(storage::RegionRevision(*tx, "888888"), 0);
}

SANPI_BOTH_BACKENDS(RosterCacheTest);

}  // namespace
}  // namespace sanpi::testing
