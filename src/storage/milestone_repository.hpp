#pragma once
// 节点 records of a project, as visible and writable as the project. Every write re-checks the whole
// graph (core::ValidateMilestones), so a change that would close a dependency cycle is refused naming
// the cycle, and nothing is written.
#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/milestone.hpp"
#include "core/reverse_schedule.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

class MilestoneRepository {
 public:
  explicit MilestoneRepository(Transaction& tx) : tx_(tx) {}

  // NotFound when the project is absent or outside the caller's scope. In wall-chart order.
  core::Result<std::vector<core::Milestone>> List(const core::Principal& caller, std::int64_t project_id);
  core::Result<core::Milestone> Create(const core::Principal& caller, std::int64_t project_id, core::Milestone milestone);
  // Conflict on a stale version.
  core::Result<core::Milestone> Update(const core::Principal& caller, std::int64_t project_id, std::int64_t id,
                                       core::Milestone changes);
  // RuleBroken while another milestone waits for this one (naming it).
  core::Status Delete(const core::Principal& caller, std::int64_t project_id, std::int64_t id, std::int64_t version);
  // The standard template of a project kind ("industrial", "infrastructure", "livelihood"); RuleBroken when
  // the project already has milestones, NotFound for an unknown kind.
  core::Result<std::vector<core::Milestone>> ApplyTemplate(const core::Principal& caller, std::int64_t project_id,
                                                           const std::string& kind);
  // The backward pass from `target` as of today; with `apply`, also writes each latest finish date as the
  // planned date of milestones not done yet (audited) — `applied` then holds the milestones as saved.
  core::Result<core::ReverseSchedule> Schedule(const core::Principal& caller, std::int64_t project_id,
                                               core::Date target, bool apply,
                                               std::vector<core::Milestone>* applied = nullptr);

  // Without a scope check, for callers that already made one (warnings, demo, OC4IDS).
  std::vector<core::Milestone> ListOf(std::int64_t project_id);

 private:
  core::Result<std::string> RegionOf(const core::Principal& caller, std::int64_t project_id);
  void Write(const core::Milestone& milestone);
  Transaction& tx_;
};

}  // namespace sanpi::storage
