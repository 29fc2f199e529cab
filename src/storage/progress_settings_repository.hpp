#pragma once
// The region's progress settings (due day, seasonal profile): read by everyone who plans or reports,
// written by the project office. A region that never saved any reads the defaults (version 0).
#include <string>

#include "core/access.hpp"
#include "core/progress_settings.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

class ProgressSettingsRepository {
 public:
  explicit ProgressSettingsRepository(Transaction& tx) : tx_(tx) {}

  core::ProgressSettings Get(const std::string& region_code);
  // Saves the caller's region's settings; `settings.version` must be the version read (0 the first
  // time). Invalid on a bad field, Conflict on a stale version. Audited.
  core::Result<core::ProgressSettings> Save(const core::Principal& caller, core::ProgressSettings settings);

 private:
  Transaction& tx_;
};

// Raised with every write a region's progress figures are computed from (plans, reports, settings) —
// the label of ProgressCache, beside RegionRevision for the projects themselves.
std::int64_t ProgressRevision(Transaction& tx, const std::string& region_code);
// Returns the new revision, which the plan and totals rows written in the same transaction carry.
std::int64_t BumpProgressRevision(Transaction& tx, const std::string& region_code);

}  // namespace sanpi::storage
