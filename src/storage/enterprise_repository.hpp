#pragma once
// 企业 records: scoped lookups and lists, validated and audited writes with optimistic versions.
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/enterprise.hpp"
#include "storage/database.hpp"
#include "storage/page.hpp"

namespace sanpi::storage {

struct EnterpriseQuery {
  std::string text;      // part of the name or the USCC
  std::string industry;  // exact
  std::string tag;       // exact
  PageRequest page;
};

class EnterpriseRepository {
 public:
  explicit EnterpriseRepository(Transaction& tx) : tx_(tx) {}

  // NotFound when absent or outside the caller's scope (the two are indistinguishable on purpose).
  core::Result<core::Enterprise> Get(const core::Principal& caller, std::int64_t id);
  Page<core::Enterprise> List(const core::Principal& caller, const EnterpriseQuery& query);
  // Invalid on a bad field, Conflict on a USCC already registered in the region.
  core::Result<core::Enterprise> Create(const core::Principal& caller, core::Enterprise enterprise);
  // Many at once (an import's), each with the id the caller took from an IdRun on enterprises and a
  // USCC not registered yet: the rules of Create, one bulk insert, one audit record each.
  core::Status CreateMany(const core::Principal& caller, std::vector<core::Enterprise>& enterprises);
  // Conflict when `changes.version` is stale; the caller fetches the current record to show it.
  core::Result<core::Enterprise> Update(const core::Principal& caller, std::int64_t id, core::Enterprise changes);
  // RuleBroken while users or projects still refer to it.
  core::Status Delete(const core::Principal& caller, std::int64_t id, std::int64_t version);

 private:
  // The caller's region and unit on `e`, then its fields and unit checked.
  core::Status Prepare(const core::Principal& caller, core::Enterprise& e);
  core::Status CheckUnit(const core::Principal& caller, std::int64_t unit_id);
  Transaction& tx_;
};

}  // namespace sanpi::storage
