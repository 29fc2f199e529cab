// openapi.json names every route the router serves.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "support/api_harness.hpp"

namespace sanpi::testing {
namespace {

class OpenApiTest : public ApiTest {};

TEST_P(OpenApiTest, EveryRouteIsDocumentedWithItsMethodAndSchemas) {
  auto reply = Call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(reply.status, 200);
  const auto& paths = reply.json.at("paths").as_object();
  const auto& schemas = reply.json.at("components").at("schemas").as_object();
  for (const auto& route : api_->router().routes()) {
    std::string method = route.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    ASSERT_TRUE(paths.contains(route.pattern)) << route.pattern;
    EXPECT_TRUE(paths.at(route.pattern).as_object().contains(method)) << route.method << " " << route.pattern;
    if (!route.doc.request_schema.empty()) EXPECT_TRUE(schemas.contains(route.doc.request_schema)) << route.doc.request_schema;
    if (!route.doc.response_schema.empty()) EXPECT_TRUE(schemas.contains(route.doc.response_schema)) << route.doc.response_schema;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, OpenApiTest, ::testing::Values(Backend::kSqlite), BackendName);

}  // namespace
}  // namespace sanpi::testing
