#pragma once
// Real databases for tests: a fresh SQLite file, or a fresh schema in the throwaway PostgreSQL
// cluster named by SANPI_TEST_PG_URL (scripts/pg-test-cluster). Suites are parameterised on the
// backend so one contract runs on both. Without SANPI_TEST_PG_URL the PostgreSQL cases skip —
// unless SANPI_REQUIRE_PG=1 (as `make test` sets), where they fail.
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/access.hpp"
#include "storage/database.hpp"

namespace sanpi::testing {

enum class Backend { kSqlite, kPostgres };

std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

// A migrated, empty database that removes itself when destroyed.
class TestDatabase {
 public:
  explicit TestDatabase(Backend backend);
  ~TestDatabase();
  storage::Database& db() { return *db_; }
  const std::string& url() const { return url_; }
  bool available() const { return db_ != nullptr; }
  const std::string& why_unavailable() const { return why_; }

 private:
  Backend backend_;
  std::string url_;
  std::string schema_;
  std::string file_;
  std::string why_;
  std::unique_ptr<storage::Database> db_;
};

// A fixture with a migrated database per test and the demo zone's frame (regions, units, users).
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override { database_.reset(); }
  storage::Database& db() { return database_->db(); }
  const std::string& url() const { return database_->url(); }
  std::unique_ptr<TestDatabase> database_;
};

#define SANPI_BOTH_BACKENDS(Suite)                                                                            \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                                                   \
                           ::testing::Values(::sanpi::testing::Backend::kSqlite, ::sanpi::testing::Backend::kPostgres), \
                           ::sanpi::testing::BackendName)

// A principal as the API would build it, for tests that call repositories directly.
core::Principal MakePrincipal(std::int64_t user_id, core::Role role, core::DataScope scope, std::string region_code,
                              std::string region_path, std::int64_t unit_id = 0, std::string unit_path = "");

}  // namespace sanpi::testing
