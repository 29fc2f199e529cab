// The backend seam itself: migrations, transactions, sessions, backup.
#include "storage/database.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "storage/migrations.hpp"
#include "storage/page.hpp"
#include "storage/session_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/test_database.hpp"
#include "support/zone_fixture.hpp"

namespace sanpi::testing {
namespace {

using storage::Access;

class DatabaseTest : public BackendTest {};

TEST_P(DatabaseTest, MigrationsRunOnceAndOpeningAgainChangesNothing) {
  auto count = [&] {
    auto tx = db().Begin(Access::kRead);
    return tx->Query("SELECT COUNT(*) FROM schema_migrations").front().Int(0);
  };
  EXPECT_EQ(count(), static_cast<std::int64_t>(storage::MigrationSources().size()));
  ASSERT_TRUE(storage::Migrate(db()).ok());
  EXPECT_EQ(count(), static_cast<std::int64_t>(storage::MigrationSources().size()));
}

TEST_P(DatabaseTest, ADoubleReadsBackExactlyAsItWasWritten) {
  // PostgreSQL got doubles as std::to_string text (six decimals): 62.123456789 came back as 62.123457,
  // so a figure stored and compared again always looked changed.
  auto tx = db().Begin(Access::kRead);
  for (double figure : {62.123456789, 1.0 / 3.0, 1e-9, 123456789.125}) {
    EXPECT_EQ(tx->Query("SELECT CAST($1 AS DOUBLE PRECISION)", {figure}).front().Real(0), figure);
  }
}


TEST_P(DatabaseTest, NumberedParametersBindByNumberAndQuotedDollarsStayText) {
  // SQLite gets "$N" rewritten to "?N" (prepared in linear time); text in quotes must not be touched,
  // and a parameter used twice or out of order still binds by its number.
  auto tx = db().Begin(Access::kRead);
  const auto rows = tx->Query("SELECT CAST($2 AS TEXT), '$1 ''$2''', CAST($1 AS BIGINT) + CAST($1 AS BIGINT)",
                              {std::int64_t{21}, std::string("二")});
  auto row = rows.front();
  EXPECT_EQ(row.Text(0), "二");
  EXPECT_EQ(row.Text(1), "$1 '$2'");
  EXPECT_EQ(row.Int(2), 42);
  // One statement with thousands of parameters, as the bulk import writes them.
  std::string sql = "SELECT SUM(column1) FROM (VALUES (CAST($1 AS BIGINT))";
  storage::Params params{std::int64_t{0}};
  for (std::int64_t k = 1; k < 3000; ++k) {
    sql += ", (CAST($" + std::to_string(k + 1) + " AS BIGINT))";
    params.push_back(k);
  }
  sql += ") AS v";
  EXPECT_EQ(tx->Query(sql, params).front().Int(0), std::int64_t{2999} * 3000 / 2);
}
TEST_P(DatabaseTest, AFailedStatementLeavesTheTransactionToRollBack) {
  SeedZone(db());
  {
    auto tx = db().Begin(Access::kWrite);
    tx->Execute("UPDATE regions SET name = 'changed' WHERE code = '410171'");
    EXPECT_THROW(tx->Execute("INSERT INTO regions (code, name, path, created_at, updated_at) VALUES ('410000', 'x', '/', '', '')"),
                 storage::DbError);
  }
  auto tx = db().Begin(Access::kRead);
  EXPECT_EQ(tx->Query("SELECT name FROM regions WHERE code = '410171'").front().Text(0), "郑州高新区");
}

TEST_P(DatabaseTest, DuplicateKeysAreReportedAsDuplicates) {
  SeedZone(db());
  auto tx = db().Begin(Access::kWrite);
  try {
    tx->Execute("INSERT INTO regions (code, name, path, created_at, updated_at) VALUES ('410000', 'x', '/', '', '')");
    FAIL() << "no error";
  } catch (const storage::DbError& e) {
    EXPECT_EQ(e.kind(), storage::DbError::Kind::kDuplicate);
  }
}

// A committed transaction that is still in scope once held SQLite's write lock until destroyed,
// so the next write in the same thread waited for ever.
TEST_P(DatabaseTest, ACommittedTransactionGivesItsConnectionBackAtOnce) {
  auto first = db().Begin(Access::kWrite);
  first->Execute("CREATE TABLE scratch (n BIGINT)");
  first->Commit();
  auto second = db().Begin(Access::kWrite);
  second->Execute("INSERT INTO scratch (n) VALUES (1)");
  second->Commit();
  EXPECT_THROW(first->Query("SELECT n FROM scratch"), storage::DbError) << "a finished transaction cannot be used";
}

TEST_P(DatabaseTest, SessionsExpireAndArePruned) {
  auto zone = SeedZone(db());
  auto tx = db().Begin(Access::kWrite);
  storage::SessionRepository sessions(*tx);
  sessions.Create("live", zone.office.user_id, 3600, "127.0.0.1");
  sessions.Create("dead", zone.office.user_id, -1, "127.0.0.1");
  EXPECT_EQ(sessions.FindUser("live"), zone.office.user_id);
  EXPECT_FALSE(sessions.FindUser("dead"));
  EXPECT_EQ(sessions.Prune(), 1);
  EXPECT_TRUE(sessions.FindUser("live"));
}

TEST_P(DatabaseTest, LoadPrincipalCarriesThePathsScopesNeed) {
  auto zone = SeedZone(db());
  auto tx = db().Begin(Access::kRead);
  auto p = storage::UserRepository(*tx).LoadPrincipal(zone.unit_a_tree.user_id);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->region_path, "/410000/410100/410171/");
  EXPECT_EQ(p->unit_path, zone.unit_a_tree.unit_path);
  EXPECT_EQ(p->scope, core::DataScope::kUnitAndBelow);
}

TEST_P(DatabaseTest, BackupIsAConsistentCopyOnSqliteAndRefusedWithAdviceOnPostgres) {
  SeedZone(db());
  auto file = std::filesystem::temp_directory_path() / ("sanpi_backup_" + std::to_string(::getpid()) + ".db");
  auto status = db().Backup(file.string());
  if (GetParam() == Backend::kPostgres) {
    EXPECT_EQ(status.code(), core::Code::kRuleBroken);
    EXPECT_NE(status.message().en.find("pg_dump"), std::string::npos);
    return;
  }
  ASSERT_TRUE(status.ok()) << status.ToString();
  auto copy = storage::Open("sqlite:" + file.string());
  ASSERT_TRUE(copy.ok());
  auto tx = (*copy)->Begin(Access::kRead);
  EXPECT_EQ(tx->Query("SELECT COUNT(*) FROM users").front().Int(0), 7);
  tx.reset();
  copy->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
}

SANPI_BOTH_BACKENDS(DatabaseTest);

}  // namespace
}  // namespace sanpi::testing

namespace sanpi::testing {
namespace {

TEST(PageTotal, CountsOnlyWhenThePageCannotTell) {
  int counted = 0;
  auto count = [&] { ++counted; return std::int64_t{999}; };
  EXPECT_EQ(storage::TotalOf({1, 20, ""}, 7, count), 7);
  EXPECT_EQ(storage::TotalOf({3, 20, ""}, 5, count), 45);
  EXPECT_EQ(storage::TotalOf({1, 20, ""}, 0, count), 0);
  EXPECT_EQ(counted, 0);
  EXPECT_EQ(storage::TotalOf({1, 20, ""}, 20, count), 999) << "a full page may have more after it";
  EXPECT_EQ(storage::TotalOf({4, 20, ""}, 0, count), 999) << "past the end: the total is not known from the page";
  EXPECT_EQ(counted, 2);
}

}  // namespace
}  // namespace sanpi::testing

namespace sanpi::testing {
namespace {

// The test support once opened the shared PostgreSQL database with Open, which migrates it, so
// parallel test processes raced to create tables in its public schema. Connect must not migrate.
TEST(Connect, LeavesTheSchemaAlone) {
  auto file = std::filesystem::temp_directory_path() / ("sanpi_connect_" + std::to_string(::getpid()) + ".db");
  {
    auto db = storage::Connect("sqlite:" + file.string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    auto tx = (*db)->Begin(storage::Access::kRead);
    EXPECT_TRUE(tx->Query("SELECT name FROM sqlite_master WHERE name = 'schema_migrations'").empty());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
}

}  // namespace
}  // namespace sanpi::testing
