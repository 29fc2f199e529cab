// The ledger in and out of spreadsheets through the API, on both backends: dry run, all-or-nothing
// commit, only-valid commit, updates, the export → import round trip, roles and the body limit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include <boost/json/serialize.hpp>

#include "demo/demo_zone.hpp"
#include "support/api_harness.hpp"
#include "support/xlsx_sheet.hpp"
#include "transfer/ledger_sheet.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class LedgerTransferTest : public ApiTest {
 protected:
  Reply Import(const std::string& bytes, const std::string& mode, const std::string& user = "t_office") {
    return Call("POST", "/api/v1/imports/ledger?mode=" + mode + "&year=2023", Token(user), bytes, "zh-CN", kXlsx);
  }
  std::string Fingerprint() {
    auto tx = db().Begin(storage::Access::kRead);
    std::string out;
    for (const char* sql : {"SELECT COUNT(*) FROM projects", "SELECT COALESCE(SUM(version), 0) FROM projects",
                            "SELECT COUNT(*) FROM roster_entries", "SELECT COALESCE(SUM(version), 0) FROM roster_entries",
                            "SELECT COUNT(*) FROM enterprises"}) {
      out += tx->Query(sql).front().Text(0) + "/";
    }
    return out;
  }
  // Headers in an unusual order, with and without units, one valid row and one with three bad cells.
  XlsxRows Ledger() {
    return {
        {"台账（2023年）"},  // a title row above the header
        {"项目名称", "总投资（万元）", "当前阶段", "建设单位", "统一社会信用代码", "签约日期", "履约日期", "开工日期",
         "责任单位", "包联领导", "责任人", "产业领域", "期次", "批次", "计划开工日期", "年度计划投资", "是否入库", "入库日期",
         "项目经理微信"},
        {"新材料产业园", Wan{123'456'700}, "开工", "郑州新材料有限公司", demo::DemoUscc(7001), "2023/1/5",
         "2023年2月1日", core::Date(2023, 3, 1), "单位A", "t_office", "赵六", "新材料", 7, "开工一批", "2023-03-01",
         "2000.5", "是", "2023-04-01", "zhao6"},
        {"智能传感器项目", "12.345678", "在建", "", "", "2023-13-01", "", "", "单位A", "t_office", "钱七", "电子信息"},
    };
  }
  void CreatePeriod7() {
    auto reply = Post("/api/v1/periods", "t_office", json::object{{"number", 7}, {"name", ""}, {"held_on", "2023-01-28"}});
    ASSERT_EQ(reply.status, 201) << reply.body;
  }
};

TEST_P(LedgerTransferTest, ADryRunListsEveryProblemAndWritesNothing) {
  CreatePeriod7();
  std::string before = Fingerprint();
  auto reply = Import(MakeXlsx(Ledger()), "dry_run");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Fingerprint(), before);
  const auto& r = reply.json.as_object();
  EXPECT_EQ(r.at("sheet").as_string(), "台账");
  EXPECT_EQ(r.at("rows").as_int64(), 2);
  EXPECT_EQ(r.at("counts").at("create").as_int64(), 1);
  EXPECT_EQ(r.at("counts").at("invalid").as_int64(), 1);
  EXPECT_EQ(r.at("counts").at("roster_entries_created").as_int64(), 1);
  EXPECT_EQ(r.at("counts").at("enterprises_created").as_int64(), 1);
  EXPECT_FALSE(r.at("committed").as_bool());
  std::vector<std::string> columns;
  for (const auto& p : r.at("problems").as_array()) {
    EXPECT_EQ(p.at("sheet").as_string(), "台账");
    EXPECT_EQ(p.at("row").as_int64(), 4);
    EXPECT_FALSE(p.at("reason_zh").as_string().empty());
    EXPECT_FALSE(p.at("reason_en").as_string().empty());
    columns.emplace_back(p.at("column").as_string());
  }
  EXPECT_THAT(columns, ::testing::ElementsAre("总投资（万元）", "当前阶段", "签约日期"));
  EXPECT_EQ(r.at("problems").at(0).at("value").as_string(), "12.345678");
  ASSERT_EQ(r.at("warnings").as_array().size(), 1u);
  EXPECT_EQ(r.at("warnings").at(0).at("column").as_string(), "项目经理微信");
  EXPECT_EQ(r.at("row_actions").at(0).at("action").as_string(), "create");
}

TEST_P(LedgerTransferTest, ACommitWritesNothingWhileARowIsInvalidUnlessOnlyValidRowsAreAskedFor) {
  CreatePeriod7();
  std::string before = Fingerprint();
  auto refused = Import(MakeXlsx(Ledger()), "commit");
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_FALSE(refused.json.at("committed").as_bool());
  EXPECT_EQ(Fingerprint(), before);

  auto partial = Import(MakeXlsx(Ledger()), "commit_valid");
  ASSERT_EQ(partial.status, 200) << partial.body;
  EXPECT_TRUE(partial.json.at("committed").as_bool());
  EXPECT_EQ(partial.json.at("written").at("created").as_int64(), 1);
  EXPECT_EQ(partial.json.at("written").at("enterprises_created").as_int64(), 1);
  auto list = Get("/api/v1/projects?q=" "%E6%96%B0%E6%9D%90%E6%96%99", "t_office");  // 新材料
  ASSERT_EQ(list.json.at("total").as_int64(), 1) << list.body;
  const auto& project = list.json.at("items").at(0);
  EXPECT_EQ(project.at("total_investment").as_int64(), 123'456'700);
  EXPECT_EQ(project.at("stage").as_string(), "started");
  EXPECT_EQ(project.at("in_stats_db").as_bool(), true);
  auto roster = Get("/api/v1/projects/" + std::to_string(project.at("id").as_int64()) + "/roster", "t_office");
  ASSERT_EQ(roster.json.at("entries").as_array().size(), 1u) << roster.body;
  const auto& commitment = roster.json.at("entries").at(0).at("commitment");
  EXPECT_EQ(commitment.at("year_planned_investment").as_int64(), 20'005'000);
  EXPECT_EQ(commitment.at("plan_year").as_int64(), 2023);
  EXPECT_EQ(Count("audit_log") > 0, true);
}

// A commit writes each new project as soon as its row is planned, while the sheet is still being read;
// one whose enterprise the import registers waits for the end. A bad row after written ones (enough of
// them to have reached the database: PostgreSQL's copy sends every 256 KB, SQLite inserts 200 rows at a
// time) still leaves everything as it was, and the ids handed out leave room for the projects entered
// next, after many new projects and after one.
TEST_P(LedgerTransferTest, RowsWrittenWhileTheSheetIsReadAreStillAllOrNothing) {
  constexpr int kWritten = 1500;
  XlsxRows rows = {{"项目名称", "总投资(万元)", "当前阶段", "建设单位", "统一社会信用代码", "责任单位", "包联领导", "责任人",
                    "产业领域", "建设内容"}};
  const std::string content(150, 'x');  // rows of some size, so that the copy fills its buffer
  for (int i = 1; i <= kWritten; ++i)
    rows.push_back({"边读边写项目" + std::to_string(i), "100", "", "", "", "A", "t_office", "赵六", "装备制造", content});
  rows.push_back({"新登记企业的项目", "200", "", "郑州新材料有限公司", demo::DemoUscc(7002), "A", "t_office", "赵六", "新材料"});
  rows.push_back({"阶段写错的项目", "100", "在建", "", "", "A", "t_office", "赵六", "装备制造"});
  rows.push_back({"最后一个项目", "100", "", "", "", "A", "t_office", "赵六", "装备制造"});
  Token("t_office");  // signing in is audited too
  const std::string before = Fingerprint();
  const std::int64_t audit_before = Count("audit_log");

  auto refused = Import(MakeXlsx(rows), "commit");
  ASSERT_EQ(refused.status, 200) << refused.body.substr(0, 2000);
  EXPECT_FALSE(refused.json.at("committed").as_bool());
  EXPECT_EQ(refused.json.at("counts").at("create").as_int64(), kWritten + 2);
  EXPECT_EQ(refused.json.at("counts").at("invalid").as_int64(), 1);
  EXPECT_EQ(Fingerprint(), before);
  EXPECT_EQ(Count("audit_log"), audit_before);

  auto partial = Import(MakeXlsx(rows), "commit_valid");
  ASSERT_EQ(partial.status, 200) << partial.body.substr(0, 2000);
  ASSERT_TRUE(partial.json.at("committed").as_bool());
  EXPECT_EQ(partial.json.at("written").at("created").as_int64(), kWritten + 2);
  EXPECT_EQ(partial.json.at("written").at("enterprises_created").as_int64(), 1);
  std::set<std::int64_t> ids;
  {
    auto tx = db().Begin(storage::Access::kRead);
    for (auto row : tx->Query("SELECT p.id, p.name, COALESCE(e.name, ''), "
                              "(SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'project' AND a.entity_id = "
                              "CAST(p.id AS TEXT)) FROM projects p LEFT JOIN enterprises e ON e.id = p.enterprise_id "
                              "WHERE p.name LIKE '%项目%' ORDER BY p.id")) {
      ids.insert(row.Int(0));
      EXPECT_EQ(row.Int(3), 1) << row.Text(1) << " has one audit record of its creation";
      if (row.Text(1) == "新登记企业的项目") EXPECT_EQ(row.Text(2), "郑州新材料有限公司");
    }
  }
  EXPECT_EQ(ids.size(), static_cast<size_t>(kWritten + 2));

  json::object body{{"name", "导入之后录入的项目"}, {"industry", "装备制造"}, {"kind", "industry"},
                    {"total_investment", 1'000'000}, {"leader_id", zone_.unit_a_user.user_id},
                    {"lead_unit_id", zone_.unit_a}, {"responsible_person", "王工"}};
  auto next = Post("/api/v1/projects", "t_office", body);
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_GT(next.json.at("id").as_int64(), *ids.rbegin());

  XlsxRows one = {rows[0], {"单独导入的项目", "100", "", "", "", "A", "t_office", "赵六", "装备制造"}};
  ASSERT_EQ(Import(MakeXlsx(one), "commit").json.at("written").at("created").as_int64(), 1);
  body["name"] = "又一个录入的项目";
  auto after_one = Post("/api/v1/projects", "t_office", body);
  ASSERT_EQ(after_one.status, 201) << after_one.body;
  EXPECT_GT(after_one.json.at("id").as_int64(), next.json.at("id").as_int64() + 1);
}

TEST_P(LedgerTransferTest, ImportingAnExportChangesNothing) {
  CreatePeriod7();
  ASSERT_TRUE(Import(MakeXlsx(Ledger()), "commit_valid").json.at("committed").as_bool());
  auto exported = Call("GET", "/api/v1/projects/export.xlsx", Token("t_office"));
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_THAT(exported.Header("Content-Disposition"), ::testing::HasSubstr(".xlsx"));
  std::string before = Fingerprint();
  auto again = Import(exported.body, "commit");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json.at("problems").as_array().size(), 0u) << again.body;
  EXPECT_EQ(again.json.at("counts").at("unchanged").as_int64(), 1) << again.body;
  EXPECT_EQ(again.json.at("counts").at("update").as_int64(), 0);
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(LedgerTransferTest, ARowMatchedByCodeUpdatesTheProject) {
  XlsxRows first = {{"项目代码", "项目名称", "总投资(万元)", "责任单位", "包联领导", "责任人", "产业领域"},
                    {"2023-410171-39-03-000777", "旧名称", "100", "A", "t_office", "赵六", "装备制造"}};
  ASSERT_EQ(Import(MakeXlsx(first), "commit").json.at("written").at("created").as_int64(), 1);
  first[1][1] = "新名称";
  first[1][2] = Wan{12'345'670'000};  // 1234567 万元
  auto reply = Import(MakeXlsx(first), "commit");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json.at("counts").at("update").as_int64(), 1);
  EXPECT_THAT(reply.json.at("row_actions").at(0).at("changes").as_array(), ::testing::SizeIs(2));
  auto list = Get("/api/v1/projects?q=2023-410171-39-03-000777", "t_office");
  EXPECT_EQ(list.json.at("items").at(0).at("name").as_string(), "新名称");
  EXPECT_EQ(list.json.at("items").at(0).at("total_investment").as_int64(), 12'345'670'000);
  EXPECT_EQ(list.json.at("items").at(0).at("version").as_int64(), 2);
}

TEST_P(LedgerTransferTest, OnlyTheProjectOfficeImportsAndTheBodyIsBounded) {
  EXPECT_EQ(Import(MakeXlsx(Ledger()), "dry_run", "t_unit_a").status, 403);
  EXPECT_EQ(Import("not a spreadsheet", "dry_run").status, 400);
  EXPECT_EQ(Import(std::string(2 * 1024 * 1024, 'x'), "dry_run").status, 400) << "above the JSON limit, below its own";
  EXPECT_EQ(Import(std::string(32 * 1024 * 1024 + 1, 'x'), "dry_run").status, 413);
  EXPECT_EQ(api_->BodyLimit("POST", "/api/v1/imports/ledger?mode=commit"), 32u * 1024 * 1024);
  EXPECT_EQ(api_->BodyLimit("POST", "/api/v1/projects"), 1024u * 1024);
  EXPECT_EQ(Import(MakeXlsx(Ledger()), "later").status, 400);
}

TEST_P(LedgerTransferTest, TheTemplateAndTheStatisticsDownload) {
  auto tmpl = Call("GET", "/api/v1/imports/ledger/template.xlsx", Token("t_office"));
  ASSERT_EQ(tmpl.status, 200);
  auto sheet = transfer::ReadLedgerSheet(tmpl.body);
  ASSERT_TRUE(sheet.ok());
  EXPECT_TRUE(sheet->problems.empty());
  EXPECT_TRUE(sheet->layout.unknown_headers.empty());
  EXPECT_TRUE(sheet->rows.empty());
  CreatePeriod7();
  auto stats = Call("GET", "/api/v1/periods/7/statistics.xlsx?as_of=2023-12-31", Token("t_unit_a"));
  ASSERT_EQ(stats.status, 200) << stats.body;
  EXPECT_THAT(stats.Header("Content-Disposition"), ::testing::HasSubstr("statistics"));
  EXPECT_EQ(Call("GET", "/api/v1/periods/8/statistics.xlsx", Token("t_office")).status, 404);
}

SANPI_BOTH_BACKENDS(LedgerTransferTest);

}  // namespace
}  // namespace sanpi::testing
