#pragma once
// Who may do what: roles (domain.md "Who uses it"), data scopes, and the permission table.
// Every HTTP route names one Permission; a caller passes when one of his roles grants it, and then
// sees only the records inside his data scope.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sanpi::core {

enum class Role { kAdmin, kOffice, kUnit, kLeader, kViewer, kEnterprise };

// How far a user's sight reaches (数据范围).
enum class DataScope { kSelf, kUnit, kUnitAndBelow, kRegion, kRegionAndBelow };

enum class Permission {
  kPublic,             // no login needed (health, login)
  kAuthenticated,      // any logged-in user (own profile, logout, password change)
  kReadRegions,
  kManageRegions,
  kReadOrgUnits,
  kManageOrgUnits,
  kReadUsers,
  kManageUsers,
  kReadEnterprises,
  kWriteEnterprises,
  kReadAudit,
  kReadMetrics,
  kReadProjects,    // the ledger: every role, each inside his scope (a contact: his company's projects)
  kWriteProjects,   // office in its region, a unit for the projects it leads
  kReadCampaign,    // periods, rosters, statistics, the bulletin: every role but enterprise contacts
  kManageCampaign,  // periods, roster entries and adjustments: the project office
  kFileReports,     // monthly reports: units and enterprise contacts for their own projects, the office for all
  kReviewReports,   // return or accept a monthly report: the project office
  kReadWarnings,        // warnings and supervision orders: every internal role, each inside his scope
  kHandleWarnings,      // acknowledge, assign, reply to a 督办单: admin, office, units
  kSuperviseWarnings,   // return a 督办单 reply or sign it off: admin, office, leaders
  kManageWarningRules,  // the region's warning rules and running the sweep: admin, office
};

std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view text);
std::string_view ToString(DataScope scope);
std::optional<DataScope> ParseDataScope(std::string_view text);
const std::vector<Role>& AllRoles();

bool Grants(Role role, Permission permission);

// The logged-in caller, as every request sees him.
struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::vector<Role> roles;
  DataScope scope = DataScope::kSelf;
  std::string region_code;   // his region
  std::string region_path;   // "/410000/410100/410171/"
  std::int64_t unit_id = 0;  // his org unit (0 when none)
  std::string unit_path;     // "/1/4/"
  std::int64_t enterprise_id = 0;  // for enterprise contacts

  bool Has(Role role) const;
  bool Can(Permission permission) const;
};

// Where a record sits, for the data-scope check of one record already loaded.
struct Ownership {
  std::string region_path;
  std::string unit_path;  // empty when the record belongs to no unit
  std::int64_t created_by = 0;
};

bool InScope(const Principal& principal, const Ownership& record);

}  // namespace sanpi::core
