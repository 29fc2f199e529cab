// Enterprises through the API: what a client sees for good and bad input, on both backends.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "demo/demo_zone.hpp"
#include "support/api_harness.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

class EnterpriseApiTest : public ApiTest {
 protected:
  json::object Valid(long long n = 1) {
    return json::object{{"name", "郑州测试科技有限公司"}, {"uscc", demo::DemoUscc(n)}, {"industry", "集成电路"},
                        {"tags", json::array{"高新技术企业"}}, {"phone", "0371-67990001"}};
  }
};

TEST_P(EnterpriseApiTest, CreateReturns201WithTheStoredRecord) {
  auto reply = Post("/api/v1/enterprises", "t_office", Valid());
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.json.at("name").as_string(), "郑州测试科技有限公司");
  EXPECT_EQ(reply.json.at("version").as_int64(), 1);
  auto id = reply.json.at("id").as_int64();
  auto read = Get("/api/v1/enterprises/" + std::to_string(id), "t_office");
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(read.json.at("uscc").as_string(), demo::DemoUscc(1));
}

TEST_P(EnterpriseApiTest, WrongUsccIs400NamingTheFieldInBothLanguagesAndWritesNothing) {
  auto body = Valid();
  body["uscc"] = "91350100M000100Y44";
  auto zh = Call("POST", "/api/v1/enterprises", Token("t_office"), json::serialize(body), "zh-CN");
  EXPECT_EQ(zh.status, 400);
  EXPECT_EQ(zh.json.at("error").at("code").as_string(), "invalid");
  EXPECT_EQ(zh.FirstErrorField(), "uscc");
  EXPECT_THAT(std::string(zh.json.at("error").at("fields").at(0).at("message").as_string()), HasSubstr("校验位"));
  auto en = Call("POST", "/api/v1/enterprises", Token("t_office"), json::serialize(body), "en-US,en;q=0.9");
  EXPECT_THAT(std::string(en.json.at("error").at("fields").at(0).at("message").as_string()), HasSubstr("check character"));
  EXPECT_EQ(Count("enterprises"), 0);
}

TEST_P(EnterpriseApiTest, AMessageForPeopleNamesNoPropertyAndCountsTheProblems) {
  auto body = Valid();
  body["uscc"] = "bad";
  body["phone"] = "12";
  auto reply = Post("/api/v1/enterprises", "t_office", body);
  std::string message(reply.json.at("error").at("message").as_string());
  EXPECT_EQ(message, "输入有误（共2处）");
  EXPECT_EQ(reply.json.at("error").at("fields").as_array().size(), 2u);
  ASSERT_EQ(Post("/api/v1/enterprises", "t_office", Valid(9)).status, 201);
  auto duplicate = Post("/api/v1/enterprises", "t_office", Valid(9));
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.FirstErrorField(), "uscc");
}

TEST_P(EnterpriseApiTest, MalformedJsonWrongTypesAndUnknownFieldsAreClearErrors) {
  auto token = Token("t_office");
  auto broken = Call("POST", "/api/v1/enterprises", token, "{\"name\": ");
  EXPECT_EQ(broken.status, 400);
  EXPECT_THAT(std::string(broken.json.at("error").at("message").as_string()), HasSubstr("JSON"));

  auto body = Valid();
  body["tags"] = "not-an-array";
  body["name"] = 42;
  body["colour"] = "red";
  auto typed = Post("/api/v1/enterprises", "t_office", body);
  EXPECT_EQ(typed.status, 400);
  std::vector<std::string> fields;
  for (const auto& f : typed.json.at("error").at("fields").as_array()) fields.emplace_back(f.at("field").as_string());
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("name", "tags", "colour"));

  auto not_object = Call("POST", "/api/v1/enterprises", token, "[1,2]");
  EXPECT_EQ(not_object.status, 400);
  auto wrong_type = Call("POST", "/api/v1/enterprises", token, json::serialize(Valid()), "zh-CN", "text/plain");
  EXPECT_EQ(wrong_type.status, 415);
  EXPECT_EQ(Count("enterprises"), 0);
}

TEST_P(EnterpriseApiTest, StaleUpdateIs409CarryingTheCurrentRecord) {
  auto created = Post("/api/v1/enterprises", "t_office", Valid());
  auto id = std::to_string(created.json.at("id").as_int64());
  auto first = Valid();
  first["name"] = "甲的修改";
  first["version"] = 1;
  ASSERT_EQ(Put("/api/v1/enterprises/" + id, "t_office", first).status, 200);
  auto second = Valid();
  second["name"] = "乙基于旧版本的修改";
  second["version"] = 1;
  auto stale = Put("/api/v1/enterprises/" + id, "t_office", second);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json.at("current").at("name").as_string(), "甲的修改");
  EXPECT_EQ(stale.json.at("current").at("version").as_int64(), 2);
  auto missing_version = Valid();
  EXPECT_EQ(Put("/api/v1/enterprises/" + id, "t_office", missing_version).FirstErrorField(), "version");
}

TEST_P(EnterpriseApiTest, ListAnswersItemsAndTotalAndRejectsBadPaging) {
  for (int i = 0; i < 3; ++i) {
    auto body = Valid(10 + i);
    body["name"] = "企业" + std::to_string(i);
    ASSERT_EQ(Post("/api/v1/enterprises", "t_office", body).status, 201);
  }
  auto page = Get("/api/v1/enterprises?page=1&page_size=2&sort=-name", "t_office");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.json.at("total").as_int64(), 3);
  EXPECT_EQ(page.json.at("items").as_array().size(), 2u);
  EXPECT_EQ(page.json.at("items").at(0).at("name").as_string(), "企业2");
  EXPECT_EQ(Get("/api/v1/enterprises?sort=password", "t_office").FirstErrorField(), "sort");
  EXPECT_EQ(Get("/api/v1/enterprises?page_size=0", "t_office").FirstErrorField(), "page_size");
  EXPECT_EQ(Get("/api/v1/enterprises?page=abc", "t_office").FirstErrorField(), "page");
  EXPECT_EQ(Get("/api/v1/enterprises?q=%E4%BC%81%E4%B8%9A1", "t_office").json.at("total").as_int64(), 1);
}

TEST_P(EnterpriseApiTest, BadIdsAndMissingRecordsAreNeverServerErrors) {
  EXPECT_EQ(Get("/api/v1/enterprises/abc", "t_office").status, 400);
  EXPECT_EQ(Get("/api/v1/enterprises/-1", "t_office").status, 400);
  EXPECT_EQ(Get("/api/v1/enterprises/99999999999999999999", "t_office").status, 400);
  EXPECT_EQ(Get("/api/v1/enterprises/424242", "t_office").status, 404);
  EXPECT_EQ(Call("DELETE", "/api/v1/enterprises/1", Token("t_office")).FirstErrorField(), "version");
  EXPECT_EQ(Call("PATCH", "/api/v1/enterprises/1", Token("t_office")).status, 405);
  EXPECT_EQ(Get("/api/v1/nothing-here", "t_office").status, 404);
}

TEST_P(EnterpriseApiTest, DeleteRemovesAndTheAuditHistoryTellsTheStory) {
  auto created = Post("/api/v1/enterprises", "t_office", Valid());
  auto id = std::to_string(created.json.at("id").as_int64());
  EXPECT_EQ(Call("DELETE", "/api/v1/enterprises/" + id + "?version=1", Token("t_office")).status, 204);
  EXPECT_EQ(Get("/api/v1/enterprises/" + id, "t_office").status, 404);
  auto history = Get("/api/v1/audit?entity=enterprise&entity_id=" + id, "t_office");
  ASSERT_EQ(history.status, 200) << history.body;
  ASSERT_EQ(history.json.at("items").as_array().size(), 2u);
  EXPECT_EQ(history.json.at("items").at(0).at("action").as_string(), "create");
  EXPECT_EQ(history.json.at("items").at(1).at("action").as_string(), "delete");
  EXPECT_EQ(history.json.at("items").at(1).at("before").at("name").as_string(), "郑州测试科技有限公司");
}

SANPI_BOTH_BACKENDS(EnterpriseApiTest);

}  // namespace
}  // namespace sanpi::testing
