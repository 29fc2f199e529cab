#include "support/zone_fixture.hpp"

#include <stdexcept>

#include "storage/org_unit_repository.hpp"
#include "storage/region_repository.hpp"
#include "storage/user_repository.hpp"

namespace sanpi::testing {
namespace {

using core::DataScope;
using core::Role;

template <class T>
T Must(core::Result<T> result) {
  if (!result.ok()) throw std::runtime_error("zone fixture: " + result.status().ToString());
  return std::move(result).value();
}

}  // namespace

Zone SeedZone(storage::Database& db) {
  Zone zone;
  auto tx = db.Begin(storage::Access::kWrite);
  core::Principal system;
  system.username = "fixture";
  system.roles = {Role::kAdmin};
  system.scope = DataScope::kRegionAndBelow;
  storage::RegionRepository regions(*tx);
  Must(regions.Create(system, {"410000", "河南省", "", "", 0}));
  Must(regions.Create(system, {"410100", "郑州市", "410000", "", 0}));
  Must(regions.Create(system, {"410171", "郑州高新区", "410100", "", 0}));
  Must(regions.Create(system, {"410172", "郑州经开区", "410100", "", 0}));

  auto in_zone = [&](std::string code, std::string path) {
    core::Principal p = system;
    p.region_code = std::move(code);
    p.region_path = std::move(path);
    return p;
  };
  core::Principal zone_system = in_zone("410171", "/410000/410100/410171/");
  core::Principal other_system = in_zone("410172", "/410000/410100/410172/");

  storage::OrgUnitRepository units(*tx);
  auto a = Must(units.Create(zone_system, {0, "", 0, "A", "单位A", "", 0, "", ""}));
  auto a1 = Must(units.Create(zone_system, {0, "", a.id, "A1", "单位A下属", "", 0, "", ""}));
  auto b = Must(units.Create(zone_system, {0, "", 0, "B", "单位B", "", 0, "", ""}));
  auto other = Must(units.Create(other_system, {0, "", 0, "A", "经开区单位", "", 0, "", ""}));
  zone.unit_a = a.id;
  zone.unit_a1 = a1.id;
  zone.unit_b = b.id;
  zone.unit_other_zone = other.id;

  storage::UserRepository users(*tx);
  // A real argon2id hash of "Sanpi2026", computed once with storage::HashPassword, so fixtures stay fast.
  const std::string hash =
      "$argon2id$v=19$m=65536,t=2,p=1$f7qDAMK9VA4ZoQzmB6m6dQ$BCtjy2FTx8J3JLzIk0EKuqklu1VGqPk5QOVcCkNTABQ";
  auto add = [&](core::Principal creator, const char* username, Role role, DataScope scope, std::int64_t unit_id,
                 const std::string& unit_path) {
    core::User user;
    user.username = username;
    user.display_name = username;
    user.roles = {role};
    user.scope = scope;
    user.unit_id = unit_id;
    auto created = Must(users.Create(creator, user, hash));
    core::Principal p = creator;
    p.user_id = created.id;
    p.username = username;
    p.roles = {role};
    p.scope = scope;
    p.unit_id = unit_id;
    p.unit_path = unit_path;
    return p;
  };
  zone.admin = add(zone_system, "t_admin", Role::kAdmin, DataScope::kRegionAndBelow, 0, "");
  zone.office = add(zone_system, "t_office", Role::kOffice, DataScope::kRegion, 0, "");
  zone.unit_a_user = add(zone_system, "t_unit_a", Role::kUnit, DataScope::kUnit, a.id, a.path);
  zone.unit_a_tree = add(zone_system, "t_unit_a_tree", Role::kUnit, DataScope::kUnitAndBelow, a.id, a.path);
  zone.unit_b_user = add(zone_system, "t_unit_b", Role::kUnit, DataScope::kUnit, b.id, b.path);
  zone.other_zone = add(other_system, "t_other", Role::kOffice, DataScope::kRegion, 0, "");
  core::Principal city = in_zone("410100", "/410000/410100/");
  zone.city_viewer = add(city, "t_city", Role::kViewer, DataScope::kRegionAndBelow, 0, "");
  tx->Commit();
  return zone;
}

}  // namespace sanpi::testing
