// The org unit tree: paths, moving a subtree, refusing cycles, refusing to delete a unit in use.
#include "storage/org_unit_repository.hpp"

#include <gtest/gtest.h>

#include "storage/enterprise_repository.hpp"
#include "support/test_database.hpp"
#include "support/zone_fixture.hpp"

namespace sanpi::testing {
namespace {

using storage::Access;
using storage::OrgUnitRepository;

class OrgUnitRepositoryTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    zone_ = SeedZone(db());
  }
  core::OrgUnit Unit(std::int64_t id) {
    auto tx = db().Begin(Access::kRead);
    return *OrgUnitRepository(*tx).Get(zone_.office, id);
  }
  Zone zone_;
};

TEST_P(OrgUnitRepositoryTest, PathsFollowTheTree) {
  auto a = Unit(zone_.unit_a), a1 = Unit(zone_.unit_a1);
  EXPECT_EQ(a.path, "/" + std::to_string(a.id) + "/");
  EXPECT_EQ(a1.path, a.path + std::to_string(a1.id) + "/");
  EXPECT_EQ(a1.parent_id, a.id);
}

TEST_P(OrgUnitRepositoryTest, MovingAUnitMovesItsWholeSubtree) {
  core::OrgUnit grandchild;
  {
    auto tx = db().Begin(Access::kWrite);
    grandchild = *OrgUnitRepository(*tx).Create(zone_.office, {0, "", zone_.unit_a1, "A11", "A1的下级", "", 0, "", ""});
    tx->Commit();
  }
  auto a1 = Unit(zone_.unit_a1);
  a1.parent_id = zone_.unit_b;
  {
    auto tx = db().Begin(Access::kWrite);
    auto moved = OrgUnitRepository(*tx).Update(zone_.office, a1.id, a1);
    ASSERT_TRUE(moved.ok()) << moved.status().ToString();
    tx->Commit();
  }
  auto b = Unit(zone_.unit_b);
  EXPECT_EQ(Unit(zone_.unit_a1).path, b.path + std::to_string(zone_.unit_a1) + "/");
  EXPECT_EQ(Unit(grandchild.id).path, b.path + std::to_string(zone_.unit_a1) + "/" + std::to_string(grandchild.id) + "/");
}

TEST_P(OrgUnitRepositoryTest, AUnitCannotMoveUnderItsOwnDescendant) {
  auto a = Unit(zone_.unit_a);
  a.parent_id = zone_.unit_a1;
  auto tx = db().Begin(Access::kWrite);
  auto moved = OrgUnitRepository(*tx).Update(zone_.office, a.id, a);
  EXPECT_EQ(moved.status().code(), core::Code::kRuleBroken);
  a.parent_id = a.id;
  EXPECT_EQ(OrgUnitRepository(*tx).Update(zone_.office, a.id, a).status().fields().at(0).field, "parent_id");
}

TEST_P(OrgUnitRepositoryTest, AUnitInUseIsNotDeleted) {
  auto tx = db().Begin(Access::kWrite);
  OrgUnitRepository repo(*tx);
  EXPECT_EQ(repo.Delete(zone_.office, zone_.unit_a, 1).code(), core::Code::kRuleBroken) << "it has a child";
  EXPECT_EQ(repo.Delete(zone_.office, zone_.unit_b, 1).code(), core::Code::kRuleBroken) << "it has users";
  auto empty = *repo.Create(zone_.office, {0, "", 0, "EMPTY", "空单位", "", 0, "", ""});
  EXPECT_EQ(repo.Delete(zone_.office, empty.id, 2).code(), core::Code::kConflict) << "stale version";
  EXPECT_TRUE(repo.Delete(zone_.office, empty.id, 1).ok());
  EXPECT_EQ(repo.Get(zone_.office, empty.id).status().code(), core::Code::kNotFound);
}

TEST_P(OrgUnitRepositoryTest, CodesAreUniqueInARegionOnly) {
  auto tx = db().Begin(Access::kWrite);
  OrgUnitRepository repo(*tx);
  auto again = repo.Create(zone_.office, {0, "", 0, "B", "重复编码", "", 0, "", ""});
  EXPECT_EQ(again.status().code(), core::Code::kConflict);
  EXPECT_EQ(again.status().fields().at(0).field, "code");
  EXPECT_TRUE(repo.Create(zone_.other_zone, {0, "", 0, "B", "经开区的B", "", 0, "", ""}).ok());
}

TEST_P(OrgUnitRepositoryTest, ScopeLimitsWhatAUnitUserSees) {
  auto tx = db().Begin(Access::kRead);
  OrgUnitRepository repo(*tx);
  EXPECT_EQ(repo.List(zone_.unit_a_user, {}).total, 1);
  EXPECT_EQ(repo.List(zone_.unit_a_tree, {}).total, 2);
  EXPECT_EQ(repo.List(zone_.office, {}).total, 3);
  EXPECT_EQ(repo.Get(zone_.unit_a_user, zone_.unit_b).status().code(), core::Code::kNotFound);
}

SANPI_BOTH_BACKENDS(OrgUnitRepositoryTest);

}  // namespace
}  // namespace sanpi::testing
