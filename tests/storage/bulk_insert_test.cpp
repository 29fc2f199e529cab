// Bulk loads (Transaction::BulkInsert, ReserveIds): what an import of 100,000 ledger rows writes through. The
// PostgreSQL path streams COPY text, so every value must survive its escaping; a failed or abandoned load must
// leave nothing behind.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/database.hpp"
#include "support/test_database.hpp"

namespace sanpi::testing {
namespace {

using storage::Access;
using storage::Params;
using storage::Value;

class BulkInsertTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    auto tx = db().Begin(Access::kWrite);
    tx->Execute("CREATE TABLE bulk_probe (id BIGINT PRIMARY KEY, label TEXT, amount BIGINT, ratio DOUBLE PRECISION)");
    tx->Commit();
  }

  std::int64_t Count() {
    auto tx = db().Begin(Access::kRead);
    return tx->Query("SELECT COUNT(*) FROM bulk_probe").front().Int(0);
  }
};

// Text that COPY's text format must escape, and text that it must not touch.
std::string Awkward(std::int64_t i) {
  return "第" + std::to_string(i) + "行\ttab\nnewline\r\\backslash \\N $1 '引号' \"quote\"";
}

TEST_P(BulkInsertTest, EveryRowReadsBackAsItWasGiven) {
  // 457 rows: whole statements of 200 and the 50/1-row remainders of the portable path, several COPY sends.
  const std::int64_t rows = 457;
  {
    auto tx = db().Begin(Access::kWrite);
    auto writer = tx->BulkInsert("bulk_probe", {"id", "label", "amount", "ratio"});
    for (std::int64_t i = 1; i <= rows; ++i) {
      writer->Add({Value{i}, i % 7 == 0 ? Value{nullptr} : Value{Awkward(i)},
                   i % 5 == 0 ? Value{nullptr} : Value{i * 1'000'000'007}, Value{i / 3.0}});
    }
    writer->Finish();
    tx->Commit();
  }
  auto tx = db().Begin(Access::kRead);
  const auto read = tx->Query("SELECT id, label, amount, ratio FROM bulk_probe ORDER BY id");
  ASSERT_EQ(read.size(), static_cast<size_t>(rows));
  for (std::int64_t i = 1; i <= rows; ++i) {
    auto row = read[static_cast<size_t>(i - 1)];
    EXPECT_EQ(row.Int(0), i);
    EXPECT_EQ(row.IsNull(1), i % 7 == 0) << i;
    if (i % 7 != 0) EXPECT_EQ(row.Text(1), Awkward(i));
    EXPECT_EQ(row.IsNull(2), i % 5 == 0) << i;
    if (i % 5 != 0) EXPECT_EQ(row.Int(2), i * 1'000'000'007);
    EXPECT_EQ(row.Real(3), i / 3.0);
  }
}

TEST_P(BulkInsertTest, ADuplicateFailsTheLoadAsADuplicateAndNothingIsWritten) {
  {
    auto tx = db().Begin(Access::kWrite);
    tx->Execute("INSERT INTO bulk_probe (id, label) VALUES (300, 'before')");
    tx->Commit();
  }
  {
    auto tx = db().Begin(Access::kWrite);
    try {
      auto writer = tx->BulkInsert("bulk_probe", {"id", "label"});
      for (std::int64_t i = 1; i <= 400; ++i) writer->Add({Value{i}, Value{std::string("new")}});
      writer->Finish();
      FAIL() << "the duplicate id 300 was accepted";
    } catch (const storage::DbError& e) {
      EXPECT_EQ(e.kind(), storage::DbError::Kind::kDuplicate) << e.what();
    }
  }
  EXPECT_EQ(Count(), 1);
}

TEST_P(BulkInsertTest, AnAbandonedLoadRollsBackAndTheConnectionServesOn) {
  for (int round = 0; round < 3; ++round) {  // each round's connection goes back to the pool and must serve on
    auto tx = db().Begin(Access::kWrite);
    auto writer = tx->BulkInsert("bulk_probe", {"id", "label"});
    for (std::int64_t i = 1; i <= 50; ++i) writer->Add({Value{i}, Value{std::string("half-way")}});
    // The caller failed here: the writer and its transaction are dropped without Finish or Commit.
  }
  EXPECT_EQ(Count(), 0);
  auto tx = db().Begin(Access::kWrite);
  tx->Execute("INSERT INTO bulk_probe (id, label) VALUES (1, 'after')");
  tx->Commit();
  EXPECT_EQ(Count(), 1);
}

TEST_P(BulkInsertTest, ReservedIdsAreFreshAndLaterRowsNumberOnPastTheOnesUsed) {
  // audit_log: an identity id and no references, as the tables an import fills.
  auto insert_one = [](storage::Transaction& tx) {
    return tx.Query("INSERT INTO audit_log (region_code, username, at, action, entity, entity_id) "
                    "VALUES ('410171', 'u', '2026-11-27 09:00:00', 'test', 'probe', 'x') RETURNING id")
        .front()
        .Int(0);
  };
  std::int64_t before = 0;
  std::vector<std::int64_t> ids;
  {
    auto tx = db().Begin(Access::kWrite);
    before = insert_one(*tx);
    ids = storage::ReserveIds(*tx, "audit_log", 5);
    ASSERT_EQ(ids.size(), 5u);
    for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], ids[0] + static_cast<std::int64_t>(i));
    EXPECT_GT(ids[0], before);
    auto writer = tx->BulkInsert("audit_log", {"id", "region_code", "username", "at", "action", "entity", "entity_id"});
    for (size_t i = 0; i < 3; ++i) {
      writer->Add({Value{ids[i]}, Value{std::string("410171")}, Value{std::string("u")},
                   Value{std::string("2026-11-27 09:00:00")}, Value{std::string("import")},
                   Value{std::string("probe")}, Value{std::to_string(i)}});
    }
    writer->Finish();
    tx->Commit();
  }
  auto tx = db().Begin(Access::kWrite);
  const std::int64_t after = insert_one(*tx);
  EXPECT_GT(after, ids[2]);  // never one of the rows written with reserved ids
  tx->Commit();
  EXPECT_TRUE(storage::ReserveIds(*db().Begin(Access::kWrite), "audit_log", 0).empty());
}

SANPI_BOTH_BACKENDS(BulkInsertTest);

}  // namespace
}  // namespace sanpi::testing
