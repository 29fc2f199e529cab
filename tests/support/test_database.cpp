#include "support/test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

namespace sanpi::testing {
namespace {

std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  std::random_device device;
  return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(device() % 100000);
}

const char* Env(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  if (backend == Backend::kSqlite) {
    file_ = (std::filesystem::temp_directory_path() / ("sanpi_test_" + UniqueSuffix() + ".db")).string();
    url_ = "sqlite:" + file_;
  } else {
    const char* base = Env("SANPI_TEST_PG_URL");
    if (!base) {
      why_ = "SANPI_TEST_PG_URL is not set (start one with scripts/pg-test-cluster start)";
      return;
    }
    schema_ = "t_" + UniqueSuffix();
    auto admin = storage::Connect(std::string(base));  // never migrate the shared database itself
    if (!admin.ok()) {
      why_ = admin.status().ToString();
      return;
    }
    {
      auto tx = (*admin)->Begin(storage::Access::kWrite);
      tx->Execute("CREATE SCHEMA " + schema_);
      tx->Commit();
    }
    std::string separator = std::string(base).find('?') == std::string::npos ? "?" : "&";
    url_ = std::string(base) + separator + "options=-csearch_path%3D" + schema_;
  }
  auto opened = storage::Open(url_);
  if (!opened.ok()) {
    why_ = opened.status().ToString();
    return;
  }
  db_ = std::move(opened).value();
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (backend_ == Backend::kSqlite) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file_ + suffix);
  } else if (!schema_.empty()) {
    auto admin = storage::Connect(std::string(Env("SANPI_TEST_PG_URL")));
    if (!admin.ok()) return;
    try {
      auto tx = (*admin)->Begin(storage::Access::kWrite);
      tx->Execute("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      tx->Commit();
    } catch (const storage::DbError&) {  // a destructor must not throw; a leftover schema is harmless
    }
  }
}

void BackendTest::SetUp() {
  database_ = std::make_unique<TestDatabase>(GetParam());
  if (!database_->available()) {
    if (GetParam() == Backend::kPostgres && !Env("SANPI_REQUIRE_PG") && !Env("SANPI_TEST_PG_URL")) {
      GTEST_SKIP() << database_->why_unavailable();
    }
    FAIL() << "test database unavailable: " << database_->why_unavailable();
  }
}

core::Principal MakePrincipal(std::int64_t user_id, core::Role role, core::DataScope scope, std::string region_code,
                              std::string region_path, std::int64_t unit_id, std::string unit_path) {
  core::Principal p;
  p.user_id = user_id;
  p.username = "u" + std::to_string(user_id);
  p.roles = {role};
  p.scope = scope;
  p.region_code = std::move(region_code);
  p.region_path = std::move(region_path);
  p.unit_id = unit_id;
  p.unit_path = std::move(unit_path);
  return p;
}

}  // namespace sanpi::testing
