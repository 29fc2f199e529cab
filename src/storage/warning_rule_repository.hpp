#pragma once
// 预警规则设置: a region's early-warning rules — domain.md's defaults with the rules the office replaced — and
// the 督办单 reply deadline. Read by the sweep and everyone who sees warnings; written by the office or an admin.
#include <cstdint>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/warning_rule.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

struct WarningRuleSettings {
  core::RuleSet rules = core::RuleSet::Defaults();  // defaults merged with `overrides`
  std::vector<core::WarningRule> overrides;         // the rules the region replaced
  std::int64_t version = 0;                         // 0: never saved
};

class WarningRuleRepository {
 public:
  explicit WarningRuleRepository(Transaction& tx) : tx_(tx) {}

  // The region's settings; the defaults (version 0) when it never saved any. Stored settings that no longer
  // validate (a hand-edited row) read as the defaults rather than stopping the sweep.
  WarningRuleSettings Get(const std::string& region_code);
  // Replaces the caller's region's rules: `settings.rules` are the rules it replaces (whole rules; the others
  // keep their defaults). `version` must be the version read. Invalid naming every bad field
  // ("rules.report_late.orange"), Conflict on a stale version. Audited.
  core::Result<WarningRuleSettings> Save(const core::Principal& caller, core::RegionRuleSettings settings,
                                         std::int64_t version);

 private:
  Transaction& tx_;
};

}  // namespace sanpi::storage
