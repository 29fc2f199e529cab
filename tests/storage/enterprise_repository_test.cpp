// The enterprise repository's contract, on SQLite and on PostgreSQL alike.
#include "storage/enterprise_repository.hpp"

#include <gmock/gmock.h>
#include <algorithm>
#include <atomic>
#include <thread>
#include <gtest/gtest.h>

#include "demo/demo_zone.hpp"
#include "storage/audit_log.hpp"
#include "support/test_database.hpp"
#include "support/zone_fixture.hpp"

namespace sanpi::testing {
namespace {

using storage::Access;
using storage::EnterpriseRepository;

class EnterpriseRepositoryTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    zone_ = SeedZone(db());
  }

  core::Enterprise Sample(long long n, std::string name = "郑州测试科技有限公司") {
    core::Enterprise e;
    e.name = std::move(name);
    e.uscc = demo::DemoUscc(n);
    e.industry = "集成电路";
    e.tags = {"高新技术企业"};
    return e;
  }

  core::Enterprise Create(const core::Principal& who, core::Enterprise e) {
    auto tx = db().Begin(Access::kWrite);
    auto created = EnterpriseRepository(*tx).Create(who, std::move(e));
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    tx->Commit();
    return *created;
  }

  std::int64_t Count() {
    auto tx = db().Begin(Access::kRead);
    return tx->Query("SELECT COUNT(*) FROM enterprises").front().Int(0);
  }

  Zone zone_;
};

TEST_P(EnterpriseRepositoryTest, CreatesAndReadsBackEveryField) {
  auto created = Create(zone_.unit_a_user, Sample(1));
  auto tx = db().Begin(Access::kRead);
  auto read = EnterpriseRepository(*tx).Get(zone_.office, created.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->name, "郑州测试科技有限公司");
  EXPECT_EQ(read->uscc, demo::DemoUscc(1));
  EXPECT_EQ(read->tags, std::vector<std::string>{"高新技术企业"});
  EXPECT_EQ(read->unit_id, zone_.unit_a) << "a unit user's enterprise belongs to his unit";
  EXPECT_EQ(read->region_code, "410171");
  EXPECT_EQ(read->version, 1);
}

TEST_P(EnterpriseRepositoryTest, RefusesWrongUsccNamingTheFieldAndWritesNothing) {
  auto e = Sample(2);
  e.uscc.back() = e.uscc.back() == '0' ? '1' : '0';
  auto tx = db().Begin(Access::kWrite);
  auto created = EnterpriseRepository(*tx).Create(zone_.office, e);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), core::Code::kInvalid);
  ASSERT_EQ(created.status().fields().size(), 1u);
  EXPECT_EQ(created.status().fields()[0].field, "uscc");
  tx.reset();
  EXPECT_EQ(Count(), 0);
}

TEST_P(EnterpriseRepositoryTest, DuplicateUsccInTheRegionIsAConflict) {
  Create(zone_.office, Sample(3));
  auto tx = db().Begin(Access::kWrite);
  auto again = EnterpriseRepository(*tx).Create(zone_.office, Sample(3, "另一家公司"));
  EXPECT_EQ(again.status().code(), core::Code::kConflict);
  ASSERT_EQ(again.status().fields().size(), 1u) << "a form can mark the USCC field";
  EXPECT_EQ(again.status().fields()[0].field, "uscc");
  // The same company may be registered in another zone.
  auto elsewhere = EnterpriseRepository(*tx).Create(zone_.other_zone, Sample(3));
  EXPECT_TRUE(elsewhere.ok()) << elsewhere.status().ToString();
}

TEST_P(EnterpriseRepositoryTest, StaleVersionIsRefusedAndTheRecordKept) {
  auto created = Create(zone_.office, Sample(4));
  auto edit = created;
  edit.name = "第一次修改";
  {
    auto tx = db().Begin(Access::kWrite);
    auto updated = EnterpriseRepository(*tx).Update(zone_.office, created.id, edit);
    ASSERT_TRUE(updated.ok()) << updated.status().ToString();
    EXPECT_EQ(updated->version, 2);
    tx->Commit();
  }
  edit.name = "基于旧版本的修改";
  auto tx = db().Begin(Access::kWrite);
  auto stale = EnterpriseRepository(*tx).Update(zone_.office, created.id, edit);
  EXPECT_EQ(stale.status().code(), core::Code::kConflict);
  EXPECT_EQ(EnterpriseRepository(*tx).Get(zone_.office, created.id)->name, "第一次修改");
}

TEST_P(EnterpriseRepositoryTest, EveryWriteLeavesAnAuditRecordWithBeforeAndAfter) {
  auto created = Create(zone_.office, Sample(5));
  auto edit = created;
  edit.name = "改名后的公司";
  {
    auto tx = db().Begin(Access::kWrite);
    ASSERT_TRUE(EnterpriseRepository(*tx).Update(zone_.office, created.id, edit).ok());
    ASSERT_TRUE(EnterpriseRepository(*tx).Delete(zone_.office, created.id, 2).ok());
    tx->Commit();
  }
  auto tx = db().Begin(Access::kRead);
  auto history = storage::AuditLog(*tx).History("410171", "enterprise", std::to_string(created.id));
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].action, "create");
  EXPECT_TRUE(history[0].before_json.empty());
  EXPECT_THAT(history[1].before_json, ::testing::HasSubstr("郑州测试科技有限公司"));
  EXPECT_THAT(history[1].after_json, ::testing::HasSubstr("改名后的公司"));
  EXPECT_EQ(history[2].action, "delete");
  EXPECT_TRUE(history[2].after_json.empty());
  EXPECT_EQ(history[2].username, "t_office");
}

TEST_P(EnterpriseRepositoryTest, AWriteRolledBackLeavesNeitherRecordNorAudit) {
  {
    auto tx = db().Begin(Access::kWrite);
    ASSERT_TRUE(EnterpriseRepository(*tx).Create(zone_.office, Sample(6)).ok());
    // no Commit
  }
  EXPECT_EQ(Count(), 0);
  auto tx = db().Begin(Access::kRead);
  EXPECT_EQ(tx->Query("SELECT COUNT(*) FROM audit_log WHERE entity = 'enterprise'").front().Int(0), 0);
}

TEST_P(EnterpriseRepositoryTest, DataScopeHidesOtherUnitsAndZones) {
  auto of_a = Create(zone_.unit_a_user, Sample(10, "A的企业"));
  auto of_b = Create(zone_.unit_b_user, Sample(11, "B的企业"));
  core::Enterprise child = Sample(12, "A1的企业");
  child.unit_id = zone_.unit_a1;
  auto of_a1 = Create(zone_.office, child);
  auto of_other = Create(zone_.other_zone, Sample(13, "经开区企业"));

  auto tx = db().Begin(Access::kRead);
  EnterpriseRepository repo(*tx);
  auto names = [&](const core::Principal& who) {
    std::vector<std::string> out;
    for (const auto& e : repo.List(who, {}).items) out.push_back(e.name);
    std::sort(out.begin(), out.end());
    return out;
  };
  using ::testing::ElementsAre;
  using ::testing::UnorderedElementsAre;
  EXPECT_THAT(names(zone_.unit_a_user), ElementsAre("A的企业"));
  EXPECT_THAT(names(zone_.unit_a_tree), UnorderedElementsAre("A的企业", "A1的企业"));
  EXPECT_THAT(names(zone_.unit_b_user), ElementsAre("B的企业"));
  EXPECT_THAT(names(zone_.office), UnorderedElementsAre("A的企业", "A1的企业", "B的企业"));
  EXPECT_THAT(names(zone_.city_viewer), UnorderedElementsAre("A的企业", "A1的企业", "B的企业", "经开区企业"));
  EXPECT_EQ(repo.Get(zone_.unit_b_user, of_a.id).status().code(), core::Code::kNotFound);
  EXPECT_EQ(repo.Get(zone_.unit_a_user, of_a1.id).status().code(), core::Code::kNotFound);
  EXPECT_EQ(repo.Get(zone_.office, of_other.id).status().code(), core::Code::kNotFound);
  EXPECT_TRUE(repo.Get(zone_.unit_a_tree, of_a1.id).ok());
  EXPECT_TRUE(repo.Get(zone_.unit_b_user, of_b.id).ok());
}

TEST_P(EnterpriseRepositoryTest, ListFiltersPagesAndSorts) {
  for (int i = 0; i < 25; ++i) {
    auto e = Sample(100 + i, "企业" + std::string(i < 10 ? "0" : "") + std::to_string(i));
    e.industry = i % 2 ? "生物医药" : "集成电路";
    e.tags = i % 5 == 0 ? std::vector<std::string>{"规上企业"} : std::vector<std::string>{};
    Create(zone_.office, e);
  }
  auto tx = db().Begin(Access::kRead);
  EnterpriseRepository repo(*tx);
  storage::EnterpriseQuery query;
  query.page = {2, 10, "name"};
  auto page = repo.List(zone_.office, query);
  EXPECT_EQ(page.total, 25);
  ASSERT_EQ(page.items.size(), 10u);
  EXPECT_EQ(page.items.front().name, "企业10");
  query.page = {1, 5, "-name"};
  EXPECT_EQ(repo.List(zone_.office, query).items.front().name, "企业24");
  query = {};
  query.industry = "生物医药";
  EXPECT_EQ(repo.List(zone_.office, query).total, 12);
  query = {};
  query.tag = "规上企业";
  EXPECT_EQ(repo.List(zone_.office, query).total, 5);
  query = {};
  query.text = "企业2";
  EXPECT_EQ(repo.List(zone_.office, query).total, 5);  // 企业20 … 企业24 (企业02 does not contain it)
  query = {};
  query.text = demo::DemoUscc(103).substr(8);
  EXPECT_EQ(repo.List(zone_.office, query).total, 1) << "search by USCC";
}

TEST_P(EnterpriseRepositoryTest, OfTwoConcurrentEditsOfOneVersionExactlyOneWins) {
  auto created = Create(zone_.office, Sample(7));
  std::atomic<int> wins{0}, conflicts{0};
  auto edit = [&](std::string name) {
    auto changes = created;
    changes.name = std::move(name);
    auto tx = db().Begin(Access::kWrite);
    auto result = EnterpriseRepository(*tx).Update(zone_.office, created.id, changes);
    if (result.ok()) {
      tx->Commit();
      ++wins;
    } else if (result.status().code() == core::Code::kConflict) {
      ++conflicts;
    }
  };
  std::thread first(edit, "甲"), second(edit, "乙");
  first.join();
  second.join();
  EXPECT_EQ(wins, 1);
  EXPECT_EQ(conflicts, 1);
}

SANPI_BOTH_BACKENDS(EnterpriseRepositoryTest);

}  // namespace
}  // namespace sanpi::testing
