// Plans, monthly reports, the progress roll-up and milestones through the API, on both backends: the
// figures a unit and the office depend on, the workflow's rules, bad input that writes nothing, and
// scope (unit B never sees or files for unit A's projects).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <numeric>

#include "core/date.hpp"
#include "excel/cell.hpp"
#include "excel/workbook.hpp"
#include "support/api_harness.hpp"
#include "support/xlsx_sheet.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

// A year whose months have all begun, so every month can be reported.
const int kYear = core::Date::Today().year() - 1;

class ProgressApiTest : public ApiTest {
 protected:
  std::int64_t Project(const std::string& name, std::int64_t unit, std::int64_t total = 1'000'000'000) {
    json::object body{{"name", name},         {"industry", "装备制造"}, {"kind", "industry"},
                      {"total_investment", total}, {"leader_id", zone_.unit_a_user.user_id},
                      {"lead_unit_id", unit}, {"responsible_person", "王工"}};
    auto reply = Post("/api/v1/projects", "t_office", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? reply.json.at("id").as_int64() : 0;
  }
  std::string P(std::int64_t id, const std::string& tail) { return "/api/v1/projects/" + std::to_string(id) + tail; }
  std::string Y(const std::string& tail = "") { return "/" + std::to_string(kYear) + tail; }
  Reply Plan(std::int64_t id, json::object body, const std::string& user = "t_office") {
    return Put(P(id, "/plans" + Y()), user, body);
  }
  // Saves and submits a report; returns the submitted report.
  json::value File(std::int64_t id, int month, std::int64_t done, std::int64_t cumulative,
                   const std::string& user = "t_office") {
    auto path = P(id, "/reports" + Y("/" + std::to_string(month)));
    auto draft = Put(path, user, json::object{{"completed_this_month", done}, {"cumulative", cumulative},
                                               {"progress_text", "主体施工"}, {"progress_percent", 40}, {"version", 0}});
    EXPECT_EQ(draft.status, 200) << draft.body;
    auto submitted = Post(path + "/submit", user, json::object{{"version", draft.json.at("version")}});
    EXPECT_EQ(submitted.status, 200) << submitted.body;
    return submitted.json;
  }
  static std::int64_t Sum(const json::value& months) {
    std::int64_t sum = 0;
    for (const auto& m : months.as_array()) sum += m.as_int64();
    return sum;
  }
};

TEST_P(ProgressApiTest, APlansMonthsAlwaysAddUpToTheAnnualFigureAndEditsAreVersioned) {
  auto id = Project("智能装备产业园", zone_.unit_a);
  auto even = Plan(id, {{"annual", 1'000'003}, {"strategy", "even"}, {"version", 0}});
  ASSERT_EQ(even.status, 200) << even.body;
  EXPECT_EQ(Sum(even.json.at("months")), 1'000'003);
  // Largest remainder: 12 × 83,333 leaves 7 yuan, one each to the first seven months.
  EXPECT_EQ(even.json.at("months").at(6).as_int64(), 83'334);
  EXPECT_EQ(even.json.at("months").at(7).as_int64(), 83'333);

  auto seasonal = Plan(id, {{"annual", 12'000'000}, {"strategy", "seasonal"}, {"version", 1}});
  ASSERT_EQ(seasonal.status, 200) << seasonal.body;
  EXPECT_EQ(Sum(seasonal.json.at("months")), 12'000'000);
  EXPECT_LT(seasonal.json.at("months").at(1).as_int64(), seasonal.json.at("months").at(11).as_int64());
  EXPECT_EQ(seasonal.json.at("version").as_int64(), 2);

  // A stale version is refused with the plan as it stands; nothing changes.
  auto stale = Plan(id, {{"annual", 5}, {"strategy", "even"}, {"version", 1}});
  ASSERT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json.at("current").at("annual").as_int64(), 12'000'000);

  // Manual months that fall short name the field and the gap; nothing is written.
  const auto audits = Count("audit_log");
  json::array months;
  for (int m = 0; m < 12; ++m) months.push_back(100);
  auto short_by = Plan(id, {{"annual", 1'250}, {"strategy", "manual"}, {"months", months}, {"version", 2}});
  ASSERT_EQ(short_by.status, 400) << short_by.body;
  EXPECT_EQ(short_by.FirstErrorField(), "months");
  EXPECT_THAT(short_by.body, HasSubstr("50"));
  EXPECT_EQ(Count("audit_log"), audits);
  EXPECT_EQ(Get(P(id, "/plans" + Y()), "t_office").json.at("annual").as_int64(), 12'000'000);

  // The milestone strategy needs dated milestones.
  auto no_dates = Plan(id, {{"annual", 1'000}, {"strategy", "milestone"}, {"version", 2}});
  EXPECT_EQ(no_dates.status, 400);
  EXPECT_EQ(no_dates.FirstErrorField(), "strategy");

  // Unit B neither sees nor plans unit A's project.
  EXPECT_EQ(Get(P(id, "/plans" + Y()), "t_unit_b").status, 404);
  EXPECT_EQ(Plan(id, {{"annual", 1}, {"strategy", "even"}, {"version", 2}}, "t_unit_b").status, 404);
  EXPECT_EQ(Count("investment_plans"), 1);
}

TEST_P(ProgressApiTest, AReportGoesThroughSubmissionReturnAndAcceptanceKeepingEveryVersion) {
  auto id = Project("新材料项目", zone_.unit_a);
  auto path = P(id, "/reports" + Y("/3"));
  auto draft = Put(path, "t_unit_a", json::object{{"completed_this_month", 2'000'000}, {"cumulative", 5'000'000},
                                                   {"progress_percent", 20}, {"version", 0}});
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(draft.json.at("status").as_string(), "draft");
  EXPECT_EQ(draft.json.at("due_on").as_string(), std::to_string(kYear) + "-04-05");

  // Unit B may not file for unit A's project; a unit may not review.
  EXPECT_EQ(Put(path, "t_unit_b", json::object{{"completed_this_month", 1}, {"cumulative", 1}, {"version", 1}}).status, 404);
  auto submitted = Post(path + "/submit", "t_unit_a", json::object{{"version", 1}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json.at("status").as_string(), "submitted");
  EXPECT_FALSE(submitted.json.at("on_time").as_bool());  // filed long after the 5th of the next month
  EXPECT_GT(submitted.json.at("days_late").as_int64(), 300);
  EXPECT_EQ(Post(path + "/return", "t_unit_a", json::object{{"version", 2}, {"reason", "x"}}).status, 403);

  // Editing a submitted report is not allowed; a return needs a reason.
  EXPECT_EQ(Put(path, "t_unit_a", json::object{{"completed_this_month", 1}, {"cumulative", 1}, {"version", 2}}).status, 422);
  auto no_reason = Post(path + "/return", "t_office", json::object{{"version", 2}, {"reason", "  "}});
  EXPECT_EQ(no_reason.status, 400);
  auto returned = Post(path + "/return", "t_office", json::object{{"version", 2}, {"reason", "累计数与上月不符"}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.json.at("status").as_string(), "returned");

  auto fixed = Put(path, "t_unit_a", json::object{{"completed_this_month", 2'500'000}, {"cumulative", 5'500'000},
                                                   {"progress_percent", 22}, {"version", 3}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  auto resubmitted = Post(path + "/submit", "t_unit_a", json::object{{"version", 4}});
  ASSERT_EQ(resubmitted.status, 200) << resubmitted.body;
  EXPECT_EQ(resubmitted.json.at("status").as_string(), "resubmitted");
  auto accepted = Post(path + "/accept", "t_office", json::object{{"version", 5}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  const auto& versions = accepted.json.at("versions").as_array();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("completed_this_month").as_int64(), 2'000'000);
  EXPECT_EQ(versions[0].at("return_reason").as_string(), "累计数与上月不符");
  EXPECT_EQ(versions[1].at("completed_this_month").as_int64(), 2'500'000);
  EXPECT_FALSE(versions[1].at("accepted_on").is_null());
  EXPECT_EQ(Post(path + "/return", "t_office", json::object{{"version", 6}, {"reason", "晚了"}}).status, 422);

  // April must continue March's cumulative figure: 5.5 M + 1 M.
  auto april = P(id, "/reports" + Y("/4"));
  ASSERT_EQ(Put(april, "t_unit_a", json::object{{"completed_this_month", 1'000'000}, {"cumulative", 7'000'000},
                                                 {"version", 0}}).status, 200);
  auto wrong = Post(april + "/submit", "t_unit_a", json::object{{"version", 1}});
  ASSERT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_EQ(wrong.FirstErrorField(), "cumulative");
  EXPECT_THAT(wrong.body, HasSubstr("6500000"));

  // A month that has not begun cannot be reported.
  auto next_year = P(id, "/reports/" + std::to_string(kYear + 2) + "/1");
  EXPECT_EQ(Put(next_year, "t_unit_a", json::object{{"completed_this_month", 1}, {"cumulative", 1}, {"version", 0}}).status, 422);
  EXPECT_EQ(Count("report_versions"), 2);
}

TEST_P(ProgressApiTest, TheRollUpAddsUpByUnitFollowsNewReportsAndStaysInScope) {
  auto a = Project("A 单位项目", zone_.unit_a);
  auto b = Project("B 单位项目", zone_.unit_b);
  ASSERT_EQ(Plan(a, {{"annual", 12'000'000}, {"strategy", "even"}, {"version", 0}}).status, 200);
  ASSERT_EQ(Plan(b, {{"annual", 24'000'000}, {"strategy", "even"}, {"version", 0}}).status, 200);
  File(a, 1, 1'000'000, 1'000'000);
  File(a, 2, 1'000'000, 2'000'000);
  File(b, 1, 500'000, 500'000);

  const std::string query = "/api/v1/progress?year=" + std::to_string(kYear) + "&month=2&by=unit";
  auto table = Get(query, "t_office");
  ASSERT_EQ(table.status, 200) << table.body;
  const auto& rows = table.json.at("rows").as_array();
  ASSERT_EQ(rows.size(), 2u);
  const auto& total = table.json.at("total");
  EXPECT_EQ(total.at("planned_year").as_int64(), 36'000'000);
  EXPECT_EQ(total.at("planned_to_date").as_int64(), 6'000'000);
  EXPECT_EQ(total.at("completed_to_date").as_int64(), 2'500'000);
  EXPECT_NEAR(total.at("ytd_rate").as_double(), 2.5 / 6.0, 1e-9);
  EXPECT_NEAR(total.at("time_progress").as_double(), 2.0 / 12.0, 1e-9);
  // Neither project has started, so no report is owed yet: only the three filed ones count, all late.
  EXPECT_EQ(total.at("reports_due").as_int64(), 3);
  EXPECT_EQ(total.at("reports_on_time").as_int64(), 0);
  for (const auto& row : rows) {
    if (row.at("key").as_string() == std::to_string(zone_.unit_a)) EXPECT_EQ(row.at("completed_to_date").as_int64(), 2'000'000);
    else EXPECT_EQ(row.at("completed_to_date").as_int64(), 500'000);
  }

  // A new submission shows at once (the cache follows the progress revision).
  File(b, 2, 1'500'000, 2'000'000);
  EXPECT_EQ(Get(query, "t_office").json.at("total").at("completed_to_date").as_int64(), 4'000'000);

  // Unit A sees only its own row.
  auto own = Get(query, "t_unit_a");
  ASSERT_EQ(own.status, 200);
  ASSERT_EQ(own.json.at("rows").as_array().size(), 1u);
  EXPECT_EQ(own.json.at("total").at("planned_year").as_int64(), 12'000'000);

  // Forecast: A keeps pace (2 of 2 planned), B is behind (2 M of 4 M) and is forecast to miss by half.
  auto forecast = Get("/api/v1/progress/forecast?year=" + std::to_string(kYear) + "&month=2", "t_office");
  ASSERT_EQ(forecast.status, 200) << forecast.body;
  ASSERT_EQ(forecast.json.at("total").as_int64(), 1);
  EXPECT_EQ(forecast.json.at("items").at(0).at("project_id").as_int64(), b);
  EXPECT_EQ(forecast.json.at("items").at(0).at("forecast").as_int64(), 12'000'000);
  EXPECT_EQ(forecast.json.at("items").at(0).at("shortfall").as_int64(), 12'000'000);

  // The project's own figures agree, with earned value from the latest report.
  auto mine = Get(P(b, "/progress?year=" + std::to_string(kYear) + "&month=2"), "t_unit_b");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json.at("summary").at("completed_to_date").as_int64(), 2'000'000);
  EXPECT_EQ(mine.json.at("earned_value").at("actual_cost").as_int64(), 2'000'000);
  EXPECT_EQ(mine.json.at("earned_value").at("earned_value").as_int64(), 400'000'000);  // 40 % of 10 亿
  EXPECT_EQ(Get(P(b, "/progress"), "t_unit_a").status, 404);

  EXPECT_EQ(Get("/api/v1/progress?by=colour", "t_office").FirstErrorField(), "by");
  EXPECT_EQ(Get("/api/v1/progress?month=13", "t_office").FirstErrorField(), "month");
}

TEST_P(ProgressApiTest, TheExportedBriefingCarriesTheSameFigures) {
  auto a = Project("导出项目", zone_.unit_a);
  ASSERT_EQ(Plan(a, {{"annual", 12'000'000}, {"strategy", "even"}, {"version", 0}}).status, 200);
  File(a, 1, 1'234'500, 1'234'500);
  auto file = Get("/api/v1/progress/export.xlsx?year=" + std::to_string(kYear) + "&month=1", "t_office");
  ASSERT_EQ(file.status, 200);
  EXPECT_THAT(file.Header("Content-Disposition"), HasSubstr(".xlsx"));
  auto book = excel::Workbook::FromBytes(file.body);
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  auto sheet = book->ReadSheet(0);
  ASSERT_TRUE(sheet.ok());
  EXPECT_THAT(excel::AsText(sheet->Shown(1, 1)), HasSubstr("重点项目投资进度"));
  EXPECT_EQ(excel::AsText(sheet->Shown(2, 1)), "责任单位");
  EXPECT_EQ(excel::AsText(sheet->Shown(4, 1)), "合计");
  EXPECT_EQ(*excel::AsDecimalString(sheet->Shown(4, 5)), "123.45");  // 当月完成 in 万元
}

TEST_P(ProgressApiTest, SettingsMoveTheDueDayAndOnlyTheOfficeChangesThem) {
  auto settings = Get("/api/v1/progress/settings", "t_unit_a");
  ASSERT_EQ(settings.status, 200);
  EXPECT_EQ(settings.json.at("due_day").as_int64(), 5);
  json::array weights;
  for (int m = 1; m <= 12; ++m) weights.push_back(m == 2 ? 0 : 1);
  EXPECT_EQ(Put("/api/v1/progress/settings", "t_unit_a", json::object{{"due_day", 10}, {"seasonal_weights", weights}, {"version", 0}}).status, 403);
  EXPECT_EQ(Put("/api/v1/progress/settings", "t_office", json::object{{"due_day", 40}, {"seasonal_weights", weights}, {"version", 0}}).FirstErrorField(), "due_day");
  auto saved = Put("/api/v1/progress/settings", "t_office", json::object{{"due_day", 10}, {"seasonal_weights", weights}, {"version", 0}});
  ASSERT_EQ(saved.status, 200) << saved.body;

  auto id = Project("季节项目", zone_.unit_a);
  auto plan = Plan(id, {{"annual", 1'100}, {"strategy", "seasonal"}, {"version", 0}});
  ASSERT_EQ(plan.status, 200);
  EXPECT_EQ(plan.json.at("months").at(1).as_int64(), 0);  // February weighs nothing now
  EXPECT_EQ(plan.json.at("months").at(0).as_int64(), 100);
  auto report = Put(P(id, "/reports" + Y("/6")), "t_office",
                    json::object{{"completed_this_month", 0}, {"cumulative", 0}, {"version", 0}});
  EXPECT_EQ(report.json.at("due_on").as_string(), std::to_string(kYear) + "-07-10");
}

TEST_P(ProgressApiTest, MilestonesRefuseCyclesAndReverseSchedulingFlagsWhatIsAlreadyLate) {
  auto id = Project("节点项目", zone_.unit_a);
  auto made = Post(P(id, "/milestones/template"), "t_unit_a", json::object{{"kind", "industrial"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const auto& items = made.json.at("items").as_array();
  ASSERT_GE(items.size(), 4u);
  EXPECT_EQ(Post(P(id, "/milestones/template"), "t_unit_a", json::object{{"kind", "industrial"}}).status, 422);

  // Making the first milestone wait for the last closes a cycle: refused, naming it, nothing written.
  auto first = items.front().as_object();
  const auto last_id = items.back().at("id").as_int64();
  first["predecessors"] = json::array{last_id};
  first.erase("id");
  first.erase("project_id");
  auto cycle = Put(P(id, "/milestones/" + std::to_string(items.front().at("id").as_int64())), "t_unit_a", first);
  ASSERT_EQ(cycle.status, 422) << cycle.body;
  EXPECT_THAT(cycle.body, HasSubstr("循环"));
  EXPECT_THAT(cycle.body, HasSubstr(std::string(items.front().at("name").as_string())));
  EXPECT_EQ(Get(P(id, "/milestones"), "t_unit_a").json.at("items").at(0).at("predecessors").as_array().size(), 0u);

  // A milestone others wait for cannot be deleted.
  EXPECT_EQ(Call("DELETE", P(id, "/milestones/" + std::to_string(items.front().at("id").as_int64())) + "?version=1",
                 Token("t_unit_a")).status, 422);

  // A target a month away cannot be met: infeasible, naming the first milestone at fault.
  const auto soon = core::Date::Today().AddDays(30).ToString();
  auto tight = Post(P(id, "/milestones/schedule"), "t_unit_a", json::object{{"target", soon}});
  ASSERT_EQ(tight.status, 200) << tight.body;
  EXPECT_FALSE(tight.json.at("feasible").as_bool());
  EXPECT_THAT(std::string(tight.json.at("explanation").at("zh").as_string()), HasSubstr(std::string(items.front().at("name").as_string())));

  // Five years out it can; applying writes each latest finish as the planned date.
  const auto later = core::Date::Today().AddDays(5 * 365).ToString();
  auto applied = Post(P(id, "/milestones/schedule"), "t_unit_a", json::object{{"target", later}, {"apply", true}});
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_TRUE(applied.json.at("feasible").as_bool());
  auto listed = Get(P(id, "/milestones"), "t_unit_a").json.at("items").as_array();
  EXPECT_EQ(listed.back().at("planned").as_string(), later);
  EXPECT_EQ(Post(P(id, "/milestones/schedule"), "t_unit_b", json::object{{"target", later}}).status, 404);
  EXPECT_EQ(Post(P(id, "/milestones/schedule"), "t_office", json::object{{"target", "2026-13-01"}}).FirstErrorField(), "target");
}

TEST_P(ProgressApiTest, AMonthlyReportSheetIsFiledRowByRowOrNotAtAll) {
  auto id = Project("月报导入项目", zone_.unit_a);
  ASSERT_EQ(Plan(id, {{"annual", 12'000'000}, {"strategy", "even"}, {"version", 0}}).status, 200);
  const XlsxRows header = {{"项目名称", "年", "月", "本月完成投资(万元)", "累计完成投资(万元)", "形象进度"}};
  auto sheet_of = [&](XlsxRows rows) {
    XlsxRows all = header;
    all.insert(all.end(), rows.begin(), rows.end());
    return MakeXlsx(all, "月报");
  };
  auto import = [&](const std::string& bytes, const std::string& mode, const std::string& user = "t_unit_a") {
    return Call("POST", "/api/v1/imports/monthly-reports?mode=" + mode, Token(user), bytes, "zh-CN",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  };
  const XlsxRows good = {{"月报导入项目", kYear, 1, Wan{800'000}, Wan{800'000}, "基础施工"},
                         {"月报导入项目", kYear, 2, Wan{1'234'500}, Wan{2'034'500}, "主体施工"}};
  auto with_bad = good;
  with_bad.push_back({"月报导入项目", kYear, 13, Wan{1}, Wan{1}, ""});
  auto refused = import(sheet_of(with_bad), "commit");
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_FALSE(refused.json.at("committed").as_bool());
  EXPECT_EQ(refused.json.at("problems").at(0).at("row").as_int64(), 4);
  EXPECT_EQ(Count("monthly_reports"), 0);

  // Unit B does not see the project: a problem, nothing filed.
  auto foreign = import(sheet_of(good), "commit", "t_unit_b");
  EXPECT_FALSE(foreign.json.at("committed").as_bool());
  EXPECT_EQ(Count("monthly_reports"), 0);

  auto filed = import(sheet_of(good), "commit");
  ASSERT_TRUE(filed.json.at("committed").as_bool()) << filed.body;
  EXPECT_EQ(filed.json.at("submitted").as_int64(), 2);
  auto feb = Get(P(id, "/reports" + Y("/2")), "t_unit_a");
  EXPECT_EQ(feb.json.at("status").as_string(), "submitted");
  EXPECT_EQ(feb.json.at("completed_this_month").as_int64(), 1'234'500);
  auto table = Get("/api/v1/progress?year=" + std::to_string(kYear) + "&month=2", "t_office");
  EXPECT_EQ(table.json.at("total").at("completed_to_date").as_int64(), 2'034'500);

  // The same file again changes nothing; a submitted month with other figures is refused naming its row.
  auto again = import(sheet_of(good), "commit");
  EXPECT_TRUE(again.json.at("committed").as_bool());
  EXPECT_EQ(again.json.at("unchanged").as_int64(), 2);
  EXPECT_EQ(Count("report_versions"), 2);
  auto changed = import(sheet_of({{"月报导入项目", kYear, 2, Wan{1}, Wan{800'001}, "改"}}), "commit");
  EXPECT_FALSE(changed.json.at("committed").as_bool());
  EXPECT_THAT(changed.body, HasSubstr("第2行"));
  EXPECT_EQ(Count("report_versions"), 2);

  // A cumulative figure that does not follow the previous month is refused with the expected figure.
  auto broken = import(sheet_of({{"月报导入项目", kYear, 3, Wan{100'000}, Wan{100'000}, ""}}), "commit");
  EXPECT_FALSE(broken.json.at("committed").as_bool());
  EXPECT_THAT(broken.body, HasSubstr("2134500"));
  EXPECT_EQ(Count("monthly_reports"), 2);
}

SANPI_BOTH_BACKENDS(ProgressApiTest);

}  // namespace
}  // namespace sanpi::testing
