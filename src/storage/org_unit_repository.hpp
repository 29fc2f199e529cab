#pragma once
// 单位: the tree of org units inside a region. Moving a unit moves its subtree; a unit that still
// has children, users or enterprises is not deleted.
#include <string>

#include "core/access.hpp"
#include "core/organisation.hpp"
#include "storage/database.hpp"
#include "storage/page.hpp"

namespace sanpi::storage {

struct OrgUnitQuery {
  std::string text;
  PageRequest page;
};

class OrgUnitRepository {
 public:
  explicit OrgUnitRepository(Transaction& tx) : tx_(tx) {}
  // NotFound when absent or outside the caller's scope.
  core::Result<core::OrgUnit> Get(const core::Principal& caller, std::int64_t id);
  Page<core::OrgUnit> List(const core::Principal& caller, const OrgUnitQuery& query);
  core::Result<core::OrgUnit> Create(const core::Principal& caller, core::OrgUnit unit);
  // Conflict on a stale version; RuleBroken when the new parent lies inside the unit's own subtree.
  core::Result<core::OrgUnit> Update(const core::Principal& caller, std::int64_t id, core::OrgUnit changes);
  core::Status Delete(const core::Principal& caller, std::int64_t id, std::int64_t version);

 private:
  Transaction& tx_;
};

}  // namespace sanpi::storage
