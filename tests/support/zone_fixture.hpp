#pragma once
// A small zone for storage and API tests: province → city → two zones; in zone 410171 the units
// A (with a child A1) and B; principals of each kind. Users are stored with a fixed hash so no
// test pays for argon2id unless it logs in.
#include <cstdint>
#include <string>

#include "core/access.hpp"
#include "storage/database.hpp"

namespace sanpi::testing {

struct Zone {
  std::int64_t unit_a = 0, unit_a1 = 0, unit_b = 0, unit_other_zone = 0;
  core::Principal admin;        // admin, region_and_below at the zone
  core::Principal office;       // office, region scope at the zone
  core::Principal city_viewer;  // viewer, region_and_below at the city
  core::Principal unit_a_user;  // unit role, unit scope, unit A
  core::Principal unit_a_tree;  // unit role, unit_and_below, unit A
  core::Principal unit_b_user;  // unit role, unit scope, unit B
  core::Principal other_zone;   // office of the other zone 410172
};

// Creates the regions, units and users; the principals carry real user ids.
Zone SeedZone(storage::Database& db);

}  // namespace sanpi::testing
