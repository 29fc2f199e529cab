#pragma once
// The administrative frame every record hangs in: regions (区域, GB/T 2260 codes, nested province →
// city → zone) and the org units (单位) inside a region, themselves a tree.
#include <cstdint>
#include <string>

#include "core/status.hpp"

namespace sanpi::core {

struct Region {
  std::string code;         // six digits, GB/T 2260
  std::string name;
  std::string parent_code;  // empty for a top-level region
  std::string path;         // "/410000/410100/" — the codes from the top down to this one
  std::int64_t version = 0;
};

struct OrgUnit {
  std::int64_t id = 0;
  std::string region_code;
  std::int64_t parent_id = 0;  // 0 for a unit at the top of its region
  std::string code;            // short code unique in the region, e.g. "ZJJ" for 住建局
  std::string name;
  std::string path;            // "/1/4/" — ids from the top down to this unit
  std::int64_t version = 0;
  std::string created_at;      // set by storage
  std::string updated_at;
};

Status ValidateRegion(const Region& region);
Status ValidateOrgUnit(const OrgUnit& unit);

}  // namespace sanpi::core
