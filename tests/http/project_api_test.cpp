// Projects through the API — the ledger, CRUD, stage actions, 入库, checklist and attachments — on
// both backends: what a client sees for good and bad input, and that bad input writes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>

#include "demo/demo_zone.hpp"
#include "storage/attachment_store.hpp"
#include "support/api_harness.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

class ProjectApiTest : public ApiTest {
 protected:
  json::object Valid(const std::string& name = "高端装备产业园项目") {
    return json::object{{"name", name},
                        {"industry", "装备制造"},
                        {"kind", "industry"},
                        {"total_investment", 1'500'000'000},
                        {"leader_id", zone_.unit_a_user.user_id},
                        {"lead_unit_id", zone_.unit_a},
                        {"cooperating_unit_ids", json::array{zone_.unit_b}},
                        {"responsible_person", "王工"},
                        {"responsible_phone", "13800138000"},
                        {"longitude", 113.55},
                        {"latitude", 34.82}};
  }
  std::int64_t Create(json::object body, const std::string& user = "t_office") {
    auto reply = Post("/api/v1/projects", user, body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? reply.json.at("id").as_int64() : 0;
  }
  std::string Path(std::int64_t id, const std::string& tail = "") { return "/api/v1/projects/" + std::to_string(id) + tail; }
  std::vector<std::string> Fields(const Reply& reply) {
    std::vector<std::string> out;
    for (const auto& f : reply.json.at("error").at("fields").as_array()) out.emplace_back(f.at("field").as_string());
    return out;
  }
};

TEST_P(ProjectApiTest, CreateStoresEveryFieldAndAUnitUserLeadsWithHisOwnUnit) {
  auto id = Create(Valid());
  auto read = Get(Path(id), "t_office");
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json.at("name").as_string(), "高端装备产业园项目");
  EXPECT_EQ(read.json.at("total_investment").as_int64(), 1'500'000'000);
  EXPECT_EQ(read.json.at("stage").as_string(), "reserve");
  EXPECT_EQ(read.json.at("cooperating_unit_ids").at(0).as_int64(), zone_.unit_b);
  EXPECT_DOUBLE_EQ(read.json.at("latitude").as_double(), 34.82);

  auto body = Valid("住建局自报项目");
  body.erase("lead_unit_id");
  body["cooperating_unit_ids"] = json::array{};
  auto own = Post("/api/v1/projects", "t_unit_b", body);
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(own.json.at("lead_unit_id").as_int64(), zone_.unit_b);
}

TEST_P(ProjectApiTest, BadFieldsAreBilingualFieldErrorsAndNothingIsWritten) {
  Token("t_office");
  const auto audit_before = Count("audit_log");
  auto body = Valid();
  body["code"] = "2022-41017-39-03-012345";
  body["total_investment"] = 0;
  body["longitude"] = 34.8;  // swapped with latitude
  body["leader_id"] = "王主任";
  body["colour"] = "red";
  auto zh = Post("/api/v1/projects", "t_office", body);
  EXPECT_EQ(zh.status, 400);
  EXPECT_THAT(Fields(zh), ::testing::IsSupersetOf({"leader_id", "colour"}));
  body["leader_id"] = zone_.unit_a_user.user_id;
  body.erase("colour");
  auto zh2 = Post("/api/v1/projects", "t_office", body);
  EXPECT_THAT(Fields(zh2), ::testing::UnorderedElementsAre("code", "total_investment", "longitude"));
  EXPECT_THAT(std::string(zh2.json.at("error").at("fields").at(0).at("message").as_string()), HasSubstr("项目代码"));
  auto en = Call("POST", "/api/v1/projects", Token("t_office"), json::serialize(body), "en");
  EXPECT_THAT(std::string(en.json.at("error").at("fields").at(0).at("message").as_string()), HasSubstr("project code"));
  // A leader or unit from another zone is refused as a field, not silently stored.
  auto foreign = Valid();
  foreign["lead_unit_id"] = zone_.unit_other_zone;
  foreign["leader_id"] = zone_.other_zone.user_id;
  EXPECT_THAT(Fields(Post("/api/v1/projects", "t_office", foreign)), ::testing::UnorderedElementsAre("lead_unit_id", "leader_id"));
  EXPECT_EQ(Count("projects"), 0);
  EXPECT_EQ(Count("audit_log"), audit_before);
}

TEST_P(ProjectApiTest, ProjectCodeIsUniqueInTheRegionOnlyWhenPresent) {
  auto first = Valid("甲");
  first["code"] = "2022-410171-39-03-000001";
  Create(first);
  Create(Valid("无代码一"));
  Create(Valid("无代码二"));  // empty codes never collide
  auto second = Valid("乙");
  second["code"] = "2022-410171-39-03-000001";
  auto taken = Post("/api/v1/projects", "t_office", second);
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.FirstErrorField(), "code");
  // Another zone may hold the same code.
  auto other = Valid("经开区项目");
  other["code"] = "2022-410171-39-03-000001";
  other["leader_id"] = zone_.other_zone.user_id;
  other["lead_unit_id"] = zone_.unit_other_zone;
  other["cooperating_unit_ids"] = json::array{};
  EXPECT_EQ(Post("/api/v1/projects", "t_other", other).status, 201);
}

TEST_P(ProjectApiTest, StagesAdvanceInOrderCorrectionsNeedAReasonAndAreAudited) {
  auto id = Create(Valid());
  auto sign = Post(Path(id, "/stage"), "t_office", json::object{{"to", "signed"}, {"on", "2024-03-01"}, {"version", 1}});
  ASSERT_EQ(sign.status, 400) << "a signed project needs its enterprise: " << sign.body;
  EXPECT_EQ(sign.FirstErrorField(), "enterprise_id");
  // Without signing (own investment) a project may start directly.
  auto start = Post(Path(id, "/stage"), "t_office", json::object{{"to", "started"}, {"on", "2024-03-10"}, {"version", 1}});
  ASSERT_EQ(start.status, 200) << start.body;
  EXPECT_EQ(start.json.at("stage").as_string(), "started");
  EXPECT_EQ(start.json.at("started_on").as_string(), "2024-03-10");
  EXPECT_EQ(start.json.at("version").as_int64(), 2);
  // Producing before the start date, or a step back, is refused with 422 and changes nothing.
  auto early = Post(Path(id, "/stage"), "t_office", json::object{{"to", "producing"}, {"on", "2024-03-01"}, {"version", 2}});
  EXPECT_EQ(early.status, 422) << early.body;
  auto back = Post(Path(id, "/stage"), "t_office", json::object{{"to", "reserve"}, {"on", "2024-04-01"}, {"version", 2}});
  EXPECT_EQ(back.status, 422) << back.body;
  auto stale = Post(Path(id, "/stage"), "t_office", json::object{{"to", "producing"}, {"on", "2024-05-01"}, {"version", 1}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json.at("current").at("version").as_int64(), 2);
  // A correction without a reason is a field error; with one it goes back and is in the audit log.
  auto silent = Post(Path(id, "/correction"), "t_office", json::object{{"stage", "reserve"}, {"reason", ""}, {"version", 2}});
  EXPECT_EQ(silent.status, 400);
  EXPECT_EQ(silent.FirstErrorField(), "reason");
  auto corrected = Post(Path(id, "/correction"), "t_office",
                        json::object{{"stage", "reserve"}, {"reason", "开工日期录入错误，项目尚未开工"}, {"version", 2}});
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(corrected.json.at("stage").as_string(), "reserve");
  EXPECT_TRUE(corrected.json.at("started_on").is_null());
  auto history = Get("/api/v1/audit?entity=project&entity_id=" + std::to_string(id), "t_office");
  ASSERT_EQ(history.status, 200);
  const auto& last = history.json.at("items").as_array().back();
  EXPECT_EQ(last.at("action").as_string(), "correct");
  EXPECT_EQ(last.at("after").at("reason").as_string(), "开工日期录入错误，项目尚未开工");
  EXPECT_EQ(last.at("before").at("stage").as_string(), "started");
}

TEST_P(ProjectApiTest, FulfilmentAndStatsDbFollowTheRules) {
  auto enterprise = Post("/api/v1/enterprises", "t_office",
                         json::object{{"name", "郑州测试有限公司"}, {"uscc", demo::DemoUscc(77)}});
  ASSERT_EQ(enterprise.status, 201) << enterprise.body;
  std::int64_t enterprise_id = enterprise.json.at("id").as_int64();
  auto body = Valid();
  body["enterprise_id"] = enterprise_id;
  auto id = Create(body);
  ASSERT_EQ(Post(Path(id, "/stage"), "t_office", json::object{{"to", "signed"}, {"on", "2024-01-05"}, {"version", 1}}).status, 200);
  auto fulfilled = Post(Path(id, "/fulfilment"), "t_office", json::object{{"on", "2024-02-01"}, {"version", 2}});
  ASSERT_EQ(fulfilled.status, 200) << fulfilled.body;
  EXPECT_EQ(fulfilled.json.at("fulfilled_on").as_string(), "2024-02-01");
  auto early_db = Post(Path(id, "/stats-db"), "t_office", json::object{{"in_stats_db", true}, {"in_stats_db_on", "2024-02-02"}, {"version", 3}});
  EXPECT_EQ(early_db.status, 400);
  EXPECT_EQ(early_db.FirstErrorField(), "in_stats_db");
  ASSERT_EQ(Post(Path(id, "/stage"), "t_office", json::object{{"to", "started"}, {"on", "2024-03-01"}, {"version", 3}}).status, 200);
  auto in_db = Post(Path(id, "/stats-db"), "t_office", json::object{{"in_stats_db", true}, {"in_stats_db_on", "2024-04-01"}, {"version", 4}});
  ASSERT_EQ(in_db.status, 200) << in_db.body;
  EXPECT_TRUE(in_db.json.at("in_stats_db").as_bool());
  // PUT never touches stages: a stage field is an unknown field there.
  auto put = Valid();
  put["version"] = 5;
  put["stage"] = "effective";
  auto refused = Put(Path(id), "t_office", put);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.FirstErrorField(), "stage");
}

TEST_P(ProjectApiTest, LedgerFiltersSortsPagesAndTotalsTheWholeFilteredSet) {
  auto add = [&](const std::string& name, long long yuan, const char* industry, std::int64_t unit, bool start) {
    auto body = Valid(name);
    body["total_investment"] = yuan;
    body["industry"] = industry;
    body["lead_unit_id"] = unit;
    body["cooperating_unit_ids"] = json::array{};
    auto id = Create(body);
    if (start) Post(Path(id, "/stage"), "t_office", json::object{{"to", "started"}, {"on", "2024-03-10"}, {"version", 1}});
  };
  add("芯片一期", 300'000'000, "集成电路", zone_.unit_a, true);
  add("芯片二期", 500'000'000, "集成电路", zone_.unit_a, true);
  add("芯片三期", 900'000'000, "集成电路", zone_.unit_b, true);
  add("芯片四期", 700'000'000, "集成电路", zone_.unit_a, false);
  add("医药园", 800'000'000, "生物医药", zone_.unit_a, true);
  std::string target = "/api/v1/projects?stage=started&industry=%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF&unit_id=" +
                       std::to_string(zone_.unit_a) + "&min_investment=100000000&sort=-total_investment&page_size=1";
  auto page = Get(target, "t_office");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json.at("total").as_int64(), 2);
  EXPECT_EQ(page.json.at("totals").at("count").as_int64(), 2);
  EXPECT_EQ(page.json.at("totals").at("total_investment").as_int64(), 800'000'000) << "both rows, not the page";
  ASSERT_EQ(page.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(page.json.at("items").at(0).at("name").as_string(), "芯片二期");
  auto text = Get("/api/v1/projects?q=%E4%B8%89%E6%9C%9F&max_investment=1000000000", "t_office");  // q=三期
  EXPECT_EQ(text.json.at("total").as_int64(), 1);
  // A unit user's ledger and totals cover only the projects his unit leads.
  auto unit_b = Get("/api/v1/projects", "t_unit_b");
  EXPECT_EQ(unit_b.json.at("totals").at("count").as_int64(), 1);
  EXPECT_EQ(unit_b.json.at("totals").at("total_investment").as_int64(), 900'000'000);
  auto bad = Get("/api/v1/projects?stage=done&sort=colour&min_investment=abc&batch=x", "t_office");
  EXPECT_EQ(bad.status, 400);
}

TEST_P(ProjectApiTest, ChecklistItemsBelongToTheirProject) {
  auto id = Create(Valid());
  auto item = Post(Path(id, "/checklist"), "t_office",
                   json::object{{"item", "办理施工许可证"}, {"owner_unit_id", zone_.unit_b}, {"deadline", "2030-06-30"}});
  ASSERT_EQ(item.status, 201) << item.body;
  auto item_id = std::to_string(item.json.at("id").as_int64());
  auto missing = Post(Path(id, "/checklist"), "t_office", json::object{{"item", "无时限"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_THAT(Fields(missing), ::testing::UnorderedElementsAre("deadline"));
  auto done = Put(Path(id, "/checklist/" + item_id), "t_office",
                  json::object{{"item", "办理施工许可证"}, {"owner", "李工"}, {"deadline", "2030-06-30"},
                               {"done_on", "2024-01-02"}, {"version", 1}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("done_on").as_string(), "2024-01-02");
  auto list = Get(Path(id, "/checklist"), "t_office");
  EXPECT_EQ(list.json.at("total").as_int64(), 1);
  EXPECT_EQ(Call("DELETE", Path(id, "/checklist/" + item_id + "?version=2"), Token("t_office")).status, 204);
  EXPECT_EQ(Count("checklist_items"), 0);
}

class AttachmentApiTest : public ProjectApiTest {
 protected:
  void SetUp() override {
    ProjectApiTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    dir_ = std::filesystem::temp_directory_path() / ("sanpi-attach-" + std::to_string(::getpid()) + "-" +
                                                     std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    api_ = std::make_unique<http::Api>(db(), http::ApiOptions{"", false, dir_.string()});
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    ProjectApiTest::TearDown();
  }
  Reply Upload(std::int64_t id, const std::string& type, const std::string& name, const std::string& bytes) {
    http::Request request;
    request.method = "POST";
    request.target = Path(id, "/attachments?category=photo");
    http::ParseTarget(request.target, request.path, request.query);
    request.headers["authorization"] = "Bearer " + Token("t_office");
    request.headers["content-type"] = type;
    request.headers["x-filename"] = name;
    request.body = bytes;
    auto response = api_->Handle(request);
    Reply reply{response.status, nullptr, response.body, response.headers};
    boost::system::error_code error;
    reply.json = boost::json::parse(response.body, error);
    return reply;
  }
  std::filesystem::path dir_;
};

TEST_P(AttachmentApiTest, AnUploadIsSniffedChecksummedStoredUnderARandomNameAndDownloadedIntact) {
  auto id = Create(Valid());
  std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR-progress-photo", 29);
  auto saved = Upload(id, "image/png", "%E5%BD%A2%E8%B1%A1%E8%BF%9B%E5%BA%A6.png", png);  // 形象进度.png
  ASSERT_EQ(saved.status, 201) << saved.body;
  EXPECT_EQ(saved.json.at("file_name").as_string(), "形象进度.png");
  EXPECT_EQ(saved.json.at("sha256").as_string(), storage::Sha256Hex(png));
  EXPECT_EQ(saved.json.at("size_bytes").as_int64(), 29);
  // On disk: one file, not named after the upload, with the same bytes.
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    EXPECT_EQ(entry.path().string().find("png"), std::string::npos) << entry.path();
  }
  EXPECT_EQ(files, 1);
  auto download = Get(Path(id, "/attachments/" + std::to_string(saved.json.at("id").as_int64())), "t_office");
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, png);
  EXPECT_THAT(download.Header("Content-Disposition"), HasSubstr("filename*=UTF-8''%E5%BD%A2"));
  EXPECT_EQ(Get(Path(id, "/attachments"), "t_office").json.at("total").as_int64(), 1);
}

TEST_P(AttachmentApiTest, AMismatchedOrUnknownTypeOrBadNameIsRefusedAndNothingIsWritten) {
  auto id = Create(Valid());
  EXPECT_EQ(Upload(id, "image/png", "photo.png", "%PDF-1.7 not a png").status, 415);
  EXPECT_EQ(Upload(id, "image/jpeg", "photo.jpg", "<script>alert(1)</script>").status, 415);
  EXPECT_EQ(Upload(id, "text/html", "a.html", "<html>").status, 415);
  auto traversal = Upload(id, "application/pdf", "..%2F..%2Fetc%2Fpasswd", "%PDF-1.7");
  EXPECT_EQ(traversal.status, 400);
  EXPECT_EQ(traversal.FirstErrorField(), "X-Filename");
  EXPECT_EQ(Upload(id, "application/pdf", "empty.pdf", "").status, 400);
  EXPECT_EQ(Count("attachments"), 0);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "attachments"));
}

SANPI_BOTH_BACKENDS(ProjectApiTest);
SANPI_BOTH_BACKENDS(AttachmentApiTest);

}  // namespace
}  // namespace sanpi::testing
