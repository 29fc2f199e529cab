// 挂图作战 through the API, on both backends: the dashboard's figures against the plans, reports, roster and warnings
// they come from (and against the pages that show the same figures: /progress, /periods/{n}/statistics,
// /warnings), its scope (a unit sees only its projects), and the region outline's validation and versions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/date.hpp"
#include "support/api_harness.hpp"
#include "support/late_milestone.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using ::testing::Contains;
using ::testing::HasSubstr;

// A past year, so that every month can be planned and reported.
const int kYear = core::Date::Today().year() - 1;

json::value Square(double lng = 113.5, double lat = 34.8) {
  return json::parse(R"({"type": "Polygon", "coordinates": [[[)" + std::to_string(lng) + "," + std::to_string(lat) +
                     "],[" + std::to_string(lng + 0.1) + "," + std::to_string(lat) + "],[" + std::to_string(lng + 0.1) +
                     "," + std::to_string(lat + 0.1) + "],[" + std::to_string(lng) + "," + std::to_string(lat) + "]]]}");
}

class DashboardApiTest : public ApiTest {
 protected:
  std::int64_t Project(const std::string& name, std::int64_t unit, std::optional<std::pair<double, double>> where = {}) {
    json::object body{{"name", name},         {"industry", "装备制造"}, {"kind", "industry"},
                      {"total_investment", 1'000'000'000}, {"leader_id", zone_.unit_a_user.user_id},
                      {"lead_unit_id", unit}, {"responsible_person", "王工"}};
    if (where) {
      body["longitude"] = where->first;
      body["latitude"] = where->second;
    }
    auto reply = Post("/api/v1/projects", "t_office", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? reply.json.at("id").as_int64() : 0;
  }
  std::string P(std::int64_t id, const std::string& tail) { return "/api/v1/projects/" + std::to_string(id) + tail; }
  void Plan(std::int64_t id, std::int64_t annual) {
    auto reply = Put(P(id, "/plans/" + std::to_string(kYear)), "t_office",
                     json::object{{"annual", annual}, {"strategy", "even"}, {"version", 0}});
    ASSERT_EQ(reply.status, 200) << reply.body;
  }
  void File(std::int64_t id, int month, std::int64_t done, std::int64_t cumulative) {
    auto path = P(id, "/reports/" + std::to_string(kYear) + "/" + std::to_string(month));
    auto draft = Put(path, "t_office", json::object{{"completed_this_month", done}, {"cumulative", cumulative},
                                                    {"progress_text", "主体施工"}, {"progress_percent", 40}, {"version", 0}});
    ASSERT_EQ(draft.status, 200) << draft.body;
    ASSERT_EQ(Post(path + "/submit", "t_office", json::object{{"version", draft.json.at("version")}}).status, 200);
  }
  // A milestone of `project` planned `days` ago and not done.
  void LateMilestone(std::int64_t project, int days) {
    AddLateMilestone(db(), zone_.office.region_code, project, days);
  }
  Reply Dashboard(const std::string& user, const std::string& query = "&month=3") {
    return Get("/api/v1/dashboard?year=" + std::to_string(kYear) + query, user);
  }
  std::string UnitName(std::int64_t id) {
    auto tx = db().Begin(storage::Access::kRead);
    return tx->Query("SELECT name FROM org_units WHERE id = $1", {id}).front().Text(0);
  }
};

TEST_P(DashboardApiTest, InvestmentFiguresComeFromThePlansAndReportsAndMatchTheProgressPage) {
  const auto a = Project("智能装备产业园", zone_.unit_a);
  const auto b = Project("生物医药中试基地", zone_.unit_b);
  Plan(a, 12'000'000);  // even: 1,000,000 a month
  Plan(b, 6'000'000);   // even: 500,000 a month
  for (int m = 1; m <= 3; ++m) File(a, m, 1'000'000, 1'000'000 * m);
  File(b, 1, 200'000, 200'000);

  auto d = Dashboard("t_office");
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(d.json.at("year").as_int64(), kYear);
  EXPECT_EQ(d.json.at("month").as_int64(), 3);
  const auto& total = d.json.at("investment").at("total");
  EXPECT_EQ(total.at("planned_year").as_int64(), 18'000'000);
  EXPECT_EQ(total.at("planned_to_date").as_int64(), 4'500'000);
  EXPECT_EQ(total.at("completed_to_date").as_int64(), 3'200'000);
  EXPECT_DOUBLE_EQ(total.at("time_progress").as_double(), 0.25);  // 序时进度: 4.5M of 18M due by March
  EXPECT_DOUBLE_EQ(total.at("ytd_rate").as_double(), 3'200'000.0 / 4'500'000.0);
  const auto& months = d.json.at("investment").at("months").as_array();
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months[0].at("completed_cumulative").as_int64(), 1'200'000);
  EXPECT_EQ(months[2].at("completed_cumulative").as_int64(), 3'200'000);
  EXPECT_EQ(months[2].at("planned_cumulative").as_int64(), 4'500'000);
  EXPECT_TRUE(months[3].at("completed_cumulative").is_null()) << "nothing after the dashboard's month";
  EXPECT_EQ(months[11].at("planned_cumulative").as_int64(), 18'000'000);
  EXPECT_DOUBLE_EQ(months[11].at("time_progress").as_double(), 1.0);

  // The same figures as the progress page's total line.
  auto progress = Get("/api/v1/progress?by=region&month=3&year=" + std::to_string(kYear), "t_office");
  ASSERT_EQ(progress.status, 200) << progress.body;
  for (const char* key : {"planned_year", "planned_to_date", "completed_to_date", "planned_month", "completed_month"})
    EXPECT_EQ(total.at(key), progress.json.at("total").at(key)) << key;

  // Unit B: only its own project.
  auto mine = Dashboard("t_unit_b");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json.at("investment").at("total").at("planned_year").as_int64(), 6'000'000);
  EXPECT_EQ(mine.json.at("investment").at("total").at("completed_to_date").as_int64(), 200'000);

  auto bad = Get("/api/v1/dashboard?year=1999&month=13&top=0", "t_office");
  ASSERT_EQ(bad.status, 400);
  std::vector<std::string> fields;
  for (const auto& f : bad.json.at("error").at("fields").as_array()) fields.emplace_back(f.at("field").as_string());
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("year", "month", "top"));
  EXPECT_EQ(Get("/api/v1/dashboard", "t_office").status, 200) << "defaults";
}

TEST_P(DashboardApiTest, CampaignKpisAreTheLatestPeriodsStatisticsInsideTheCallersScope) {
  const auto a = Project("智能装备产业园", zone_.unit_a);
  const auto b = Project("生物医药中试基地", zone_.unit_b);
  ASSERT_EQ(Post("/api/v1/periods", "t_office", json::object{{"number", 1}, {"held_on", "2023-01-28"}}).status, 201);
  ASSERT_EQ(Post("/api/v1/periods", "t_office", json::object{{"number", 2}, {"held_on", "2023-04-28"}}).status, 201);
  ASSERT_EQ(Post("/api/v1/periods/1/roster", "t_office",
                 json::object{{"project_id", a}, {"batch", "sign"}, {"commitment", json::object{{"sign_date", "2023-01-28"}}}})
                .status,
            201);
  ASSERT_EQ(Post("/api/v1/periods/2/roster", "t_office",
                 json::object{{"project_id", b}, {"batch", "start"},
                              {"commitment", json::object{{"planned_start_date", "2023-06-30"}}}})
                .status,
            201);

  auto d = Dashboard("t_office");
  ASSERT_EQ(d.status, 200) << d.body;
  const auto& campaign = d.json.at("campaign");
  EXPECT_EQ(campaign.at("period").as_int64(), 2) << "the latest period";
  EXPECT_EQ(campaign.at("count").as_int64(), 2);
  EXPECT_EQ(campaign.at("total_investment").as_int64(), 2'000'000'000);
  EXPECT_EQ(campaign.at("sign").at("count").as_int64(), 1);
  EXPECT_EQ(campaign.at("start").at("count").as_int64(), 1);
  EXPECT_EQ(campaign.at("production").at("count").as_int64(), 0);
  for (const char* rate : {"fulfilment", "start", "production", "effect"}) EXPECT_TRUE(campaign.at("rates").as_object().contains(rate));
  // The statistics page, as of the same day, gives the same overall figures.
  auto statistics = Get("/api/v1/periods/2/statistics?as_of=" + std::string(campaign.at("as_of").as_string()), "t_office");
  ASSERT_EQ(statistics.status, 200) << statistics.body;
  for (const char* key : {"count", "total_investment", "sign", "start", "production", "rates"})
    EXPECT_EQ(campaign.at(key), statistics.json.at("overall").at(key)) << key;

  auto unit_a = Dashboard("t_unit_a");
  ASSERT_EQ(unit_a.status, 200) << unit_a.body;
  EXPECT_EQ(unit_a.json.at("campaign").at("count").as_int64(), 1) << "unit A's line only";
  EXPECT_EQ(unit_a.json.at("campaign").at("sign").at("count").as_int64(), 1);
  EXPECT_EQ(unit_a.json.at("campaign").at("start").at("count").as_int64(), 0);
}

TEST_P(DashboardApiTest, WarningsLateProjectsMapAndMilestonesFollowTheSweepAndTheScope) {
  const auto a = Project("智能装备产业园", zone_.unit_a, std::pair{113.55, 34.80});
  const auto b = Project("生物医药中试基地", zone_.unit_b, std::pair{113.56, 34.81});
  Project("无坐标项目", zone_.unit_b);
  LateMilestone(a, 40);  // red (30+ days)
  LateMilestone(b, 3);   // yellow (1+ days)
  ASSERT_EQ(Post("/api/v1/warnings/sweep", "t_office", json::object{}).status, 200);

  auto d = Dashboard("t_office");
  ASSERT_EQ(d.status, 200) << d.body;
  const auto& warnings = d.json.at("warnings");
  auto list = Get("/api/v1/warnings", "t_office");
  EXPECT_EQ(warnings.at("by_level"), list.json.at("counts")) << "the warning page's counts";
  EXPECT_EQ(warnings.at("by_level").at("red").as_int64(), 1);
  EXPECT_EQ(warnings.at("by_level").at("yellow").as_int64(), 1);
  EXPECT_EQ(warnings.at("open").as_int64(), 2);
  const auto& units = warnings.at("by_unit").as_array();
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].at("unit_name").as_string(), UnitName(zone_.unit_a)) << "red first";
  EXPECT_EQ(units[0].at("red").as_int64(), 1);
  EXPECT_EQ(units[1].at("yellow").as_int64(), 1);

  const auto& late = d.json.at("late_projects").as_array();
  ASSERT_EQ(late.size(), 2u);
  EXPECT_EQ(late[0].at("project_id").as_int64(), a);
  EXPECT_EQ(late[0].at("level").as_string(), "red");
  EXPECT_EQ(late[0].at("worst_rule").as_string(), "milestone_overdue");
  EXPECT_THAT(std::string(late[0].at("worst_message").at("zh").as_string()), HasSubstr("主体封顶"));
  EXPECT_EQ(late[1].at("project_id").as_int64(), b);
  EXPECT_EQ(Dashboard("t_office", "&month=3&top=1").json.at("late_projects").as_array().size(), 1u);

  const auto& map = d.json.at("map");
  EXPECT_EQ(map.at("points").as_array().size(), 2u);
  EXPECT_EQ(map.at("without_coordinates").as_int64(), 1);
  EXPECT_EQ(map.at("points").at(0).at("project_id").as_int64(), a);
  EXPECT_DOUBLE_EQ(map.at("points").at(0).at("longitude").as_double(), 113.55);
  EXPECT_EQ(map.at("points").at(0).at("level").as_string(), "red");
  EXPECT_TRUE(map.at("outline").is_null());

  const auto& gantt = d.json.at("milestones").as_array();
  ASSERT_EQ(gantt.size(), 2u);
  EXPECT_EQ(gantt[0].at("project_id").as_int64(), a) << "the longest overdue first";
  const auto& milestone = gantt[0].at("milestones").at(0);
  EXPECT_TRUE(milestone.at("late").as_bool());
  EXPECT_FALSE(milestone.at("done").as_bool());
  EXPECT_EQ(milestone.at("days_late").as_int64(), 40);

  // Unit B sees its own yellow warning, project and milestone, nothing of unit A's.
  auto mine = Dashboard("t_unit_b");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json.at("warnings").at("open").as_int64(), 1);
  EXPECT_EQ(mine.json.at("warnings").at("by_level").at("red").as_int64(), 0);
  ASSERT_EQ(mine.json.at("late_projects").as_array().size(), 1u);
  EXPECT_EQ(mine.json.at("late_projects").at(0).at("project_id").as_int64(), b);
  ASSERT_EQ(mine.json.at("map").at("points").as_array().size(), 1u);
  EXPECT_EQ(mine.json.at("milestones").as_array().size(), 1u);
  EXPECT_THAT(mine.body, ::testing::Not(HasSubstr("智能装备产业园")));
  EXPECT_THAT(mine.body, ::testing::Not(HasSubstr(UnitName(zone_.unit_a))));
}

TEST_P(DashboardApiTest, TheOutlineIsCheckedVersionedAndScoped) {
  const std::string path = "/api/v1/regions/410171/outline";
  auto empty = Get(path, "t_unit_a");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(empty.json.at("outline").is_null());
  const std::int64_t version = empty.json.at("version").as_int64();

  EXPECT_EQ(Put(path, "t_unit_a", json::object{{"outline", Square()}, {"version", version}}).status, 403);
  EXPECT_EQ(Put(path, "t_other", json::object{{"outline", Square()}, {"version", version}}).status, 404)
      << "another zone's office";
  EXPECT_EQ(Get(path, "t_other").status, 404);

  Token("t_office");
  const std::int64_t audits = Count("audit_log");
  auto saved = Put(path, "t_office", json::object{{"outline", Square()}, {"version", version}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json.at("version").as_int64(), version + 1);
  EXPECT_EQ(saved.json.at("outline"), Square());
  EXPECT_EQ(Count("audit_log"), audits + 1);
  EXPECT_EQ(Get(path, "t_unit_b").json.at("outline"), Square());
  EXPECT_EQ(Dashboard("t_unit_b").json.at("map").at("outline"), Square()) << "the dashboard map draws it";

  auto stale = Put(path, "t_office", json::object{{"outline", Square(113.4)}, {"version", version}});
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.json.at("current").at("version").as_int64(), version + 1);

  // Bad outlines: 400 naming the member, in both languages; nothing written.
  auto bad = [&](const json::value& outline, const std::string& language = "zh-CN") {
    return Call("PUT", path, Token("t_office"), json::serialize(json::object{{"outline", outline}, {"version", version + 1}}),
                language);
  };
  auto open_ring = bad(json::parse(R"({"type":"Polygon","coordinates":[[[113,34],[114,34],[114,35],[113,35.5]]]})"));
  ASSERT_EQ(open_ring.status, 400) << open_ring.body;
  EXPECT_EQ(open_ring.FirstErrorField(), "outline.coordinates[0]");
  EXPECT_THAT(open_ring.body, HasSubstr("闭合"));
  auto english = bad(json::parse(R"({"type":"Polygon","coordinates":[[[113,34],[114,34],[114,35],[113,35.5]]]})"), "en");
  EXPECT_THAT(english.body, HasSubstr("closed"));
  auto point = bad(json::parse(R"({"type":"Point","coordinates":[113,34]})"));
  ASSERT_EQ(point.status, 400);
  EXPECT_EQ(point.FirstErrorField(), "outline.type");
  auto feature = bad(json::parse(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
      "geometry":{"type":"Polygon","coordinates":[[[113,34],[114,34],[200,35],[113,34]]]}}]})"));
  ASSERT_EQ(feature.status, 400);
  EXPECT_EQ(feature.FirstErrorField(), "outline.features[0].geometry.coordinates[0][2]");
  json::array ring;
  for (int i = 0; i < 100'001; ++i) ring.push_back(json::array{113, 34});  // small enough in bytes, too many points
  ring.push_back(ring.front());
  auto huge = bad(json::object{{"type", "Polygon"}, {"coordinates", json::array{ring}}});
  ASSERT_EQ(huge.status, 400) << huge.body.substr(0, 300);
  EXPECT_THAT(huge.body, HasSubstr("100000"));
  auto missing = Put(path, "t_office", json::object{{"version", version + 1}});
  EXPECT_EQ(missing.FirstErrorField(), "outline");
  EXPECT_EQ(Get(path, "t_office").json.at("version").as_int64(), version + 1) << "nothing written";

  auto cleared = Put(path, "t_office", json::object{{"outline", nullptr}, {"version", version + 1}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.json.at("outline").is_null());
}

SANPI_BOTH_BACKENDS(DashboardApiTest);

}  // namespace
}  // namespace sanpi::testing
