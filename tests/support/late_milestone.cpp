#include "support/late_milestone.hpp"

#include <stdexcept>

#include "core/date.hpp"
#include "core/project.hpp"
#include "storage/project_repository.hpp"

namespace sanpi::testing {

void AddLateMilestone(storage::Database& db, const std::string& region_code, std::int64_t project_id, int days_late) {
  auto tx = db.Begin(storage::Access::kWrite);
  tx->Execute(
      "INSERT INTO milestones (region_code, project_id, name, planned, created_at, updated_at) "
      "VALUES ($1, $2, '主体封顶', $3, '2024-01-01 00:00:00', '2024-01-01 00:00:00')",
      {region_code, project_id, core::Date::Today().AddDays(-days_late).ToString()});
  tx->Commit();
}

std::int64_t SeedLateProject(storage::Database& db, const Zone& zone) {
  core::Project project;
  project.name = "智能装备产业园";
  project.industry = "装备制造";
  project.total_investment = 1'000'000'000;
  project.leader_id = zone.unit_b_user.user_id;
  project.lead_unit_id = zone.unit_a;
  project.responsible_person = "王工";
  std::int64_t id = 0;
  {
    auto tx = db.Begin(storage::Access::kWrite);
    auto created = storage::ProjectRepository(*tx).Create(zone.office, project);
    if (!created.ok()) throw std::runtime_error("late project: " + created.status().ToString());
    id = created->id;
    tx->Commit();
  }
  AddLateMilestone(db, zone.office.region_code, id);
  return id;
}

}  // namespace sanpi::testing
