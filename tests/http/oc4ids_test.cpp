// GET /api/v1/projects/{id}/oc4ids over the demo zone: for a project of every stage the document
// holds what the published OC4IDS project schema requires and only codes of its closed codelists,
// and carries the ledger's figures (status mapping, budget in CNY, milestones, modifications).
//
// The subset checked, as published by open-contracting/infrastructure:
// - schema/project-level/project-schema.json (0.9): required ["id"]; "status" enum (closed
//   projectStatus); "type" enum (closed projectType): construction, rehabilitation, replacement;
//   Location required ["id"], geometry.type enum including "Point"; BudgetBreakdown required ["id"];
//   Modification required ["id"]; Value.currency from ISO 4217 (CNY); Period dates "date-time".
// - schema/project-level/codelists/projectSector.csv (open, but we only emit its codes),
//   partyRole.csv, modificationType.csv (open; we only emit its codes), milestoneType.csv.
// - milestoneStatus (OCDS 1.1 release-schema.json Milestone.status, closed): scheduled, met,
//   notMet, partiallyMet.
// - schema/project-level/project-package-schema.json: required uri, publisher, publishedDate,
//   projects, version ("^(\d+\.)(\d+)$") — checked on the CLI's output by tests/api/cli.test.mjs
//   where present; here on the package head the codec builds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/oc4ids_json.hpp"
#include "demo/demo_zone.hpp"
#include "http/api.hpp"
#include "support/test_database.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

const std::set<std::string> kProjectStatus = {"identification", "preparation", "implementation",
                                              "completion",     "completed",   "cancelled"};
const std::set<std::string> kProjectType = {"construction", "rehabilitation", "replacement"};
const std::set<std::string> kProjectSector = {
    "education", "health", "energy", "energy.solar", "energy.wind", "energy.hydropower", "energy.biomass",
    "energy.geothermal", "communications", "waterAndWaste", "governance", "economy", "cultureSportsAndRecreation",
    "transport", "transport.air", "transport.water", "transport.rail", "transport.road", "transport.urban",
    "transport.lowCarbon", "socialHousing", "naturalResources", "naturalResources.floodProtection"};
const std::set<std::string> kPartyRole = {"buyer",   "procuringEntity", "supplier",        "tenderer",
                                          "funder",  "enquirer",        "payer",           "payee",
                                          "reviewBody", "publicAuthority", "administrativeEntity"};
const std::set<std::string> kModificationType = {"duration", "value", "scope"};
const std::set<std::string> kMilestoneType = {"preProcurement", "approval",  "engagement", "assessment", "delivery",
                                              "reporting",      "financing", "payment",    "procurement", "contractClose"};
const std::set<std::string> kMilestoneStatus = {"scheduled", "met", "notMet", "partiallyMet"};
const std::regex kDateTime(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$)");

std::string Str(const json::value& v) { return std::string(v.as_string()); }

// Every violation of the subset, as readable lines (empty when the document conforms).
std::vector<std::string> Violations(const json::value& doc) {
  std::vector<std::string> out;
  auto fail = [&](const std::string& what) { out.push_back(what); };
  const auto* p = doc.if_object();
  if (!p) return {"not an object"};
  auto date_time = [&](const json::object& o, const char* key, const std::string& where) {
    if (o.contains(key) && !std::regex_match(Str(o.at(key)), kDateTime)) fail(where + "." + key + " not a date-time");
  };
  auto in = [&](const std::set<std::string>& codes, const json::value& v, const std::string& where) {
    if (!v.is_string() || !codes.count(Str(v))) fail(where + " = " + json::serialize(v) + " not in its codelist");
  };
  if (!p->contains("id") || !p->at("id").is_string() || p->at("id").as_string().empty()) fail("id missing");
  if (p->contains("status")) in(kProjectStatus, p->at("status"), "status");
  if (p->contains("type")) in(kProjectType, p->at("type"), "type");
  if (p->contains("sector"))
    for (const auto& s : p->at("sector").as_array()) in(kProjectSector, s, "sector[]");
  date_time(*p, "updated", "project");
  if (p->contains("period")) {
    date_time(p->at("period").as_object(), "startDate", "period");
    date_time(p->at("period").as_object(), "endDate", "period");
  }
  if (p->contains("budget")) {
    const auto& b = p->at("budget").as_object();
    if (Str(b.at("amount").at("currency")) != "CNY") fail("budget currency");
    if (!b.at("amount").at("amount").is_number()) fail("budget amount not a number");
    if (b.contains("budgetBreakdown"))
      for (const auto& line : b.at("budgetBreakdown").as_array())
        if (!line.as_object().contains("id")) fail("budgetBreakdown without id");
  }
  if (p->contains("locations"))
    for (const auto& l : p->at("locations").as_array()) {
      if (!l.as_object().contains("id")) fail("location without id");
      if (l.as_object().contains("geometry") && Str(l.at("geometry").at("type")) != "Point") fail("geometry type");
    }
  if (p->contains("parties"))
    for (const auto& party : p->at("parties").as_array())
      for (const auto& role : party.at("roles").as_array()) in(kPartyRole, role, "parties[].roles[]");
  if (p->contains("milestones"))
    for (const auto& m : p->at("milestones").as_array()) {
      if (!m.as_object().contains("id")) fail("milestone without id");
      in(kMilestoneType, m.at("type"), "milestones[].type");
      in(kMilestoneStatus, m.at("status"), "milestones[].status");
      date_time(m.as_object(), "dueDate", "milestone");
      date_time(m.as_object(), "dateMet", "milestone");
    }
  if (p->contains("modifications"))
    for (const auto& m : p->at("modifications").as_array()) {
      if (!m.as_object().contains("id")) fail("modification without id");
      in(kModificationType, m.at("type"), "modifications[].type");
      date_time(m.as_object(), "date", "modification");
    }
  return out;
}

class Oc4idsTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    auto seeded = demo::SeedDemoZone(db());
    ASSERT_TRUE(seeded.ok()) << seeded.ToString();
    api_ = std::make_unique<http::Api>(db(), http::ApiOptions{"", false, ""});
  }
  json::value Get(const std::string& target, const std::string& user = "office", int expected = 200) {
    http::Request request;
    request.method = "GET";
    request.target = target;
    http::ParseTarget(target, request.path, request.query);
    request.headers["authorization"] = "Bearer " + Token(user);
    auto response = api_->Handle(request);
    EXPECT_EQ(response.status, expected) << target << ": " << response.body;
    boost::system::error_code error;
    auto parsed = json::parse(response.body, error);
    return error ? json::value(nullptr) : parsed;
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
  std::unique_ptr<http::Api> api_;
  std::map<std::string, std::string> tokens_;
};

TEST_P(Oc4idsTest, AProjectOfEveryStageConformsAndCarriesTheLedgersFigures) {
  const std::map<std::string, std::string> expected_status = {
      {"reserve", "identification"}, {"signed", "preparation"}, {"started", "implementation"},
      {"producing", "completion"},   {"effective", "completed"}, {"withdrawn", "cancelled"}};
  for (const auto& [stage, status] : expected_status) {
    auto page = Get("/api/v1/projects?page_size=1&stage=" + stage);
    ASSERT_FALSE(page.at("items").as_array().empty()) << "the demo zone has no " << stage << " project";
    const auto& project = page.at("items").as_array().front();
    auto id = project.at("id").as_int64();
    auto doc = Get("/api/v1/projects/" + std::to_string(id) + "/oc4ids");
    EXPECT_THAT(Violations(doc), ::testing::IsEmpty()) << stage << ": " << json::serialize(doc);
    EXPECT_EQ(Str(doc.at("status")), status) << stage;
    EXPECT_EQ(Str(doc.at("id")), "oc4ids-sanpi-" + Str(project.at("region_code")) + "-" + std::to_string(id));
    EXPECT_EQ(Str(doc.at("title")), Str(project.at("name")));
    EXPECT_EQ(doc.at("budget").at("amount").at("amount").as_int64(), project.at("total_investment").as_int64());
    if (!project.at("code").as_string().empty()) {
      EXPECT_EQ(Str(doc.at("identifiers").at(0).at("id")), Str(project.at("code")));
      EXPECT_EQ(Str(doc.at("identifiers").at(0).at("scheme")), codec::kProjectCodeScheme);
    }
    if (project.at("longitude").is_double()) {
      const auto& point = doc.at("locations").at(0).at("geometry").at("coordinates").as_array();
      EXPECT_DOUBLE_EQ(point.at(0).as_double(), project.at("longitude").as_double()) << "GeoJSON: longitude first";
      EXPECT_DOUBLE_EQ(point.at(1).as_double(), project.at("latitude").as_double());
    }
    // Every stage date recorded is a met milestone with that date.
    for (const char* reached : {"signed", "started", "producing", "effective"}) {
      if (!project.at(std::string(reached) + "_on").is_string()) continue;
      bool found = false;
      for (const auto& m : doc.at("milestones").as_array()) {
        if (Str(m.at("code")) != reached) continue;
        found = true;
        EXPECT_EQ(Str(m.at("status")), "met");
        EXPECT_EQ(Str(m.at("dateMet")).substr(0, 10), Str(project.at(std::string(reached) + "_on")));
      }
      EXPECT_TRUE(found) << stage << " project lacks milestone " << reached;
    }
  }
}

TEST_P(Oc4idsTest, EveryAdjustmentIsAModificationWithItsReason) {
  auto tx = db().Begin(storage::Access::kRead);
  auto rows = tx->Query(
      "SELECT e.project_id, COUNT(*) FROM roster_adjustments a JOIN roster_entries e ON e.id = a.entry_id "
      "GROUP BY e.project_id ORDER BY e.project_id");
  ASSERT_FALSE(rows.empty()) << "the demo zone records adjustments";
  auto project_id = rows.front().Int(0);
  auto count = rows.front().Int(1);
  tx.reset();
  auto history = Get("/api/v1/projects/" + std::to_string(project_id) + "/roster");
  auto doc = Get("/api/v1/projects/" + std::to_string(project_id) + "/oc4ids");
  EXPECT_THAT(Violations(doc), ::testing::IsEmpty());
  const auto& modifications = doc.at("modifications").as_array();
  ASSERT_EQ(static_cast<std::int64_t>(modifications.size()), count);
  std::set<std::string> reasons, rationales;
  for (const auto& a : history.at("adjustments").as_array()) reasons.insert(Str(a.at("reason")));
  for (const auto& m : modifications) rationales.insert(Str(m.at("rationale")));
  EXPECT_EQ(reasons, rationales);
}

TEST_P(Oc4idsTest, AnUnknownProjectIsNotFound) { Get("/api/v1/projects/999999/oc4ids", "office", 404); }

TEST(Oc4idsPackage, TheHeadHasThePackageSchemasRequiredFields) {
  auto head = codec::Oc4idsPackageHead({"urn:sanpi:oc4ids:410171:2024-01-01", "2024-01-01T08:00:00+08:00", "高新区"});
  for (const char* key : {"uri", "publisher", "publishedDate", "projects", "version"}) EXPECT_TRUE(head.contains(key)) << key;
  EXPECT_TRUE(std::regex_match(Str(head.at("version")), std::regex(R"(^(\d+\.)(\d+)$)")));
  EXPECT_TRUE(std::regex_match(Str(head.at("publishedDate")), kDateTime));
  EXPECT_FALSE(head.at("publisher").at("name").as_string().empty());
}

TEST(Oc4idsStatus, EveryStageMapsIntoTheClosedCodelist) {
  for (auto stage : core::AllStages()) EXPECT_TRUE(kProjectStatus.count(std::string(codec::Oc4idsStatus(stage))));
  for (const char* industry : {"新能源", "集成电路", "数字经济", "", "交通物流", "光伏发电"})
    for (const auto& code : codec::Oc4idsSectors(industry)) EXPECT_TRUE(kProjectSector.count(code)) << industry;
}

SANPI_BOTH_BACKENDS(Oc4idsTest);

}  // namespace
}  // namespace sanpi::testing
