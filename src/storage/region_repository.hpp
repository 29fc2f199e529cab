#pragma once
// 区域: the region tree (GB/T 2260 codes). A region's path lists the codes from the top down,
// which is what "region and below" scopes match against.
#include <vector>

#include "core/access.hpp"
#include "core/organisation.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

class RegionRepository {
 public:
  explicit RegionRepository(Transaction& tx) : tx_(tx) {}
  // The caller's region, those below it when his scope reaches them, and the ones above it (so
  // a zone user can name his city and province).
  std::vector<core::Region> List(const core::Principal& caller);
  core::Result<core::Region> Get(const std::string& code);
  // For set-up and administrators: Invalid when the parent is unknown, Conflict when the code exists.
  core::Result<core::Region> Create(const core::Principal& caller, core::Region region);

 private:
  Transaction& tx_;
};

}  // namespace sanpi::storage
