#pragma once
// 清单: the checklist items of one project ("one project, one checklist"). An item is as visible and
// as writable as its project: every call first finds the project in the caller's scope.
#include <vector>

#include "core/access.hpp"
#include "core/project.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

class ChecklistRepository {
 public:
  explicit ChecklistRepository(Transaction& tx) : tx_(tx) {}

  // NotFound when the project is absent or outside the caller's scope. Ordered by deadline.
  core::Result<std::vector<core::ChecklistItem>> List(const core::Principal& caller, std::int64_t project_id);
  core::Result<core::ChecklistItem> Get(const core::Principal& caller, std::int64_t project_id, std::int64_t item_id);
  // Invalid on a bad field or an owner unit outside the region.
  core::Result<core::ChecklistItem> Create(const core::Principal& caller, std::int64_t project_id,
                                           core::ChecklistItem item);
  // Conflict on a stale version.
  core::Result<core::ChecklistItem> Update(const core::Principal& caller, std::int64_t project_id,
                                           std::int64_t item_id, core::ChecklistItem changes);
  core::Status Delete(const core::Principal& caller, std::int64_t project_id, std::int64_t item_id,
                      std::int64_t version);

 private:
  core::Status CheckOwner(const std::string& region_code, const core::ChecklistItem& item);
  Transaction& tx_;
};

}  // namespace sanpi::storage
