#include "core/access.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace sanpi::core {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 6> kRoleNames = {{
    {Role::kAdmin, "admin"},
    {Role::kOffice, "office"},
    {Role::kUnit, "unit"},
    {Role::kLeader, "leader"},
    {Role::kViewer, "viewer"},
    {Role::kEnterprise, "enterprise"},
}};

constexpr std::array<std::pair<DataScope, std::string_view>, 5> kScopeNames = {{
    {DataScope::kSelf, "self"},
    {DataScope::kUnit, "unit"},
    {DataScope::kUnitAndBelow, "unit_and_below"},
    {DataScope::kRegion, "region"},
    {DataScope::kRegionAndBelow, "region_and_below"},
}};

bool StartsWith(std::string_view text, std::string_view prefix) {
  return !prefix.empty() && text.substr(0, prefix.size()) == prefix;
}

// The region a path names is its last segment: "/410000/410100/" → "410100".
std::string_view LastSegment(std::string_view path) {
  if (path.size() < 2) return {};
  std::string_view trimmed = path.substr(0, path.size() - 1);
  return trimmed.substr(trimmed.rfind('/') + 1);
}

}  // namespace

std::string_view ToString(Role role) {
  for (const auto& [value, name] : kRoleNames)
    if (value == role) return name;
  return "";
}

std::optional<Role> ParseRole(std::string_view text) {
  for (const auto& [value, name] : kRoleNames)
    if (name == text) return value;
  return std::nullopt;
}

std::string_view ToString(DataScope scope) {
  for (const auto& [value, name] : kScopeNames)
    if (value == scope) return name;
  return "";
}

std::optional<DataScope> ParseDataScope(std::string_view text) {
  for (const auto& [value, name] : kScopeNames)
    if (name == text) return value;
  return std::nullopt;
}

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> roles = {Role::kAdmin, Role::kOffice, Role::kUnit,
                                          Role::kLeader, Role::kViewer, Role::kEnterprise};
  return roles;
}

bool Grants(Role role, Permission permission) {
  switch (permission) {
    case Permission::kPublic:
    case Permission::kAuthenticated:
      return true;
    case Permission::kReadRegions:
    case Permission::kReadOrgUnits:
      return role != Role::kEnterprise;
    case Permission::kManageRegions:
    case Permission::kManageUsers:
    case Permission::kReadMetrics:
      return role == Role::kAdmin;
    case Permission::kManageOrgUnits:
      return role == Role::kAdmin || role == Role::kOffice;
    case Permission::kReadUsers:
      return role == Role::kAdmin || role == Role::kOffice;
    case Permission::kReadEnterprises:
      return true;
    case Permission::kWriteEnterprises:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kUnit;
    case Permission::kReadAudit:
      return role == Role::kAdmin || role == Role::kOffice;
    case Permission::kReadProjects:
      return true;
    case Permission::kWriteProjects:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kUnit;
    case Permission::kReadCampaign:
      return role != Role::kEnterprise;
    case Permission::kManageCampaign:
      return role == Role::kAdmin || role == Role::kOffice;
    case Permission::kFileReports:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kUnit || role == Role::kEnterprise;
    case Permission::kReviewReports:
      return role == Role::kAdmin || role == Role::kOffice;
    case Permission::kReadWarnings:
      return role != Role::kEnterprise;
    case Permission::kHandleWarnings:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kUnit;
    case Permission::kSuperviseWarnings:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kLeader;
    case Permission::kManageWarningRules:
      return role == Role::kAdmin || role == Role::kOffice;
  }
  return false;
}

bool Principal::Has(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

bool Principal::Can(Permission permission) const {
  if (permission == Permission::kPublic) return true;
  if (user_id == 0) return false;
  return std::any_of(roles.begin(), roles.end(), [&](Role role) { return Grants(role, permission); });
}

bool InScope(const Principal& principal, const Ownership& record) {
  switch (principal.scope) {
    case DataScope::kSelf:
      return record.created_by == principal.user_id;
    case DataScope::kUnit:
      return !record.unit_path.empty() && record.unit_path == principal.unit_path;
    case DataScope::kUnitAndBelow:
      return StartsWith(record.unit_path, principal.unit_path);
    case DataScope::kRegion:
      return LastSegment(record.region_path) == LastSegment(principal.region_path) && !principal.region_path.empty();
    case DataScope::kRegionAndBelow:
      return StartsWith(record.region_path, principal.region_path);
  }
  return false;
}

}  // namespace sanpi::core
