#pragma once
// 项目 records: scoped lookups, validated and audited writes with optimistic versions, and the stage
// actions (advance, 履约, audited correction, 入库) that run core/project_stage.hpp's rules.
//
// Scope: a project belongs to its lead unit 牵头单位 (column unit_id), so a unit user sees and
// writes the projects his unit leads; an enterprise contact reads his own company's projects; a
// leader with a "self" scope reads the projects he is in charge of.
#include <string>

#include "core/access.hpp"
#include "core/project.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

class ProjectRepository {
 public:
  explicit ProjectRepository(Transaction& tx) : tx_(tx) {}

  // NotFound when absent or outside the caller's scope (indistinguishable on purpose).
  core::Result<core::Project> Get(const core::Principal& caller, std::int64_t id);
  // Invalid on a bad field or reference (enterprise, leader, units outside the region, a lead unit
  // outside the caller's scope); Conflict (on "code") when the 项目代码 is taken in the region.
  core::Result<core::Project> Create(const core::Principal& caller, core::Project project);
  // Changes the descriptive and accountability fields; stages go through the actions below.
  core::Result<core::Project> Update(const core::Principal& caller, std::int64_t id, core::Project changes);
  // RuleBroken while the project is on a roster.
  core::Status Delete(const core::Principal& caller, std::int64_t id, std::int64_t version);

  // Stage actions; each checks `version`, applies the core rule and audits before/after.
  core::Result<core::Project> Advance(const core::Principal& caller, std::int64_t id, std::int64_t version,
                                      const core::StageChange& change);
  core::Result<core::Project> RecordFulfilment(const core::Principal& caller, std::int64_t id, std::int64_t version,
                                               const core::Date& on);
  core::Result<core::Project> Correct(const core::Principal& caller, std::int64_t id, std::int64_t version,
                                      const core::StageRecord& corrected, const std::string& reason);
  core::Result<core::Project> SetStatsDb(const core::Principal& caller, std::int64_t id, std::int64_t version,
                                         bool in_stats_db, std::optional<core::Date> on);

  // The SQL restricting "t" (projects) to what `caller` may see; shared with the ledger query.
  static std::string VisibleTo(const core::Principal& caller, Params& params);
  static core::Project FromRow(const Row& row);
  static const char* Columns();

 private:
  core::Status CheckReferences(const core::Principal& caller, const core::Project& project,
                               const core::Project* current);
  core::Result<core::Project> SaveStage(const core::Principal& caller, const core::Project& current,
                                        std::int64_t version, core::Project next, const std::string& action,
                                        const std::string& reason);
  Transaction& tx_;
};

}  // namespace sanpi::storage
