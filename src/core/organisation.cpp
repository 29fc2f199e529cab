#include "core/organisation.hpp"

#include "core/validation.hpp"

namespace sanpi::core {

Status ValidateRegion(const Region& region) {
  FieldErrors errors;
  if (region.code.size() != 6 || !IsDigits(region.code)) {
    errors.Add("code", {"区域代码应为6位数字（GB/T 2260）", "region code must be six digits (GB/T 2260)"});
  }
  CheckName(errors, "name", region.name, 64);
  if (!region.parent_code.empty() && (region.parent_code.size() != 6 || !IsDigits(region.parent_code))) {
    errors.Add("parent_code", {"上级区域代码应为6位数字", "parent region code must be six digits"});
  }
  if (region.parent_code == region.code && !region.code.empty()) {
    errors.Add("parent_code", {"上级区域不能是自身", "a region cannot be its own parent"});
  }
  return errors.ToStatus();
}

Status ValidateOrgUnit(const OrgUnit& unit) {
  FieldErrors errors;
  CheckName(errors, "name", unit.name, 64);
  if (unit.code.empty() || unit.code.size() > 32 || !IsCodeText(unit.code)) {
    errors.Add("code", {"单位编码应为1至32位字母、数字、下划线或连字符",
                        "unit code must be 1 to 32 letters, digits, underscores or hyphens"});
  }
  if (unit.parent_id != 0 && unit.parent_id == unit.id) {
    errors.Add("parent_id", {"上级单位不能是自身", "a unit cannot be its own parent"});
  }
  return errors.ToStatus();
}

}  // namespace sanpi::core
