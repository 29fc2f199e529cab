#include "core/access.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

Principal UnitUser(DataScope scope) {
  Principal p;
  p.user_id = 7;
  p.roles = {Role::kUnit};
  p.scope = scope;
  p.region_path = "/410000/410100/410171/";
  p.unit_path = "/1/4/";
  return p;
}

TEST(Access, UnitScopeSeesOnlyItsOwnUnit) {
  auto p = UnitUser(DataScope::kUnit);
  EXPECT_TRUE(InScope(p, {"/410000/410100/410171/", "/1/4/", 99}));
  EXPECT_FALSE(InScope(p, {"/410000/410100/410171/", "/1/4/9/", 99}));
  EXPECT_FALSE(InScope(p, {"/410000/410100/410171/", "/1/5/", 7}));
}

TEST(Access, UnitAndBelowIncludesChildrenButNotSiblingsWithSharedPrefix) {
  auto p = UnitUser(DataScope::kUnitAndBelow);
  EXPECT_TRUE(InScope(p, {"", "/1/4/9/", 0}));
  EXPECT_FALSE(InScope(p, {"", "/1/45/", 0}));
}

TEST(Access, RegionAndBelowReachesChildRegions) {
  auto p = UnitUser(DataScope::kRegionAndBelow);
  p.region_path = "/410000/410100/";
  EXPECT_TRUE(InScope(p, {"/410000/410100/410171/", "", 0}));
  EXPECT_FALSE(InScope(p, {"/410000/410200/", "", 0}));
  p.scope = DataScope::kRegion;
  EXPECT_FALSE(InScope(p, {"/410000/410100/410171/", "", 0}));
  EXPECT_TRUE(InScope(p, {"/410000/410100/", "", 0}));
}

TEST(Access, SelfScopeSeesWhatHeCreated) {
  auto p = UnitUser(DataScope::kSelf);
  EXPECT_TRUE(InScope(p, {"", "/1/5/", 7}));
  EXPECT_FALSE(InScope(p, {"", "/1/4/", 8}));
}

TEST(Access, RolesGrantPermissions) {
  Principal viewer;
  viewer.user_id = 1;
  viewer.roles = {Role::kViewer};
  EXPECT_TRUE(viewer.Can(Permission::kReadEnterprises));
  EXPECT_FALSE(viewer.Can(Permission::kWriteEnterprises));
  EXPECT_FALSE(viewer.Can(Permission::kManageUsers));
  Principal anonymous;
  EXPECT_FALSE(anonymous.Can(Permission::kAuthenticated));
  EXPECT_TRUE(anonymous.Can(Permission::kPublic));
}

}  // namespace
}  // namespace sanpi::core
