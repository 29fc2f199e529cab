#pragma once
// The quickest red warning for warning and notification tests: a milestone long past its planned date and not
// done, written straight into the table (so no write re-evaluates it: the test sweeps when it wants to).
#include <cstdint>
#include <string>

#include "storage/database.hpp"
#include "support/zone_fixture.hpp"

namespace sanpi::testing {

// A milestone of `project_id` planned `days_late` days ago and not done (40 days: red under the default rule).
void AddLateMilestone(storage::Database& db, const std::string& region_code, std::int64_t project_id,
                      int days_late = 40);

// Unit A's project, led by unit B's user (the copied leader), with a milestone 40 days late; its id.
std::int64_t SeedLateProject(storage::Database& db, const Zone& zone);

}  // namespace sanpi::testing
