#include "storage/scope_sql.hpp"

namespace sanpi::storage {

std::string Bind(Params& params, Value value) {
  params.push_back(std::move(value));
  return "$" + std::to_string(params.size());
}

std::string ScopePredicate(const core::Principal& principal, const ScopeColumns& columns, Params& params) {
  using core::DataScope;
  switch (principal.scope) {
    case DataScope::kSelf:
      return "(" + std::string(columns.creator) + " = " + Bind(params, principal.user_id) + ")";
    case DataScope::kUnit:
      return "(" + std::string(columns.unit) + " = " + Bind(params, principal.unit_id) + ")";
    case DataScope::kUnitAndBelow:
      return "(" + std::string(columns.unit) + " IN (SELECT id FROM org_units WHERE path LIKE " +
             Bind(params, principal.unit_path + "%") + "))";
    case DataScope::kRegion:
      return "(" + std::string(columns.region) + " = " + Bind(params, principal.region_code) + ")";
    case DataScope::kRegionAndBelow:
      return "(" + std::string(columns.region) + " IN (SELECT code FROM regions WHERE path LIKE " +
             Bind(params, principal.region_path + "%") + "))";
  }
  return "(1 = 0)";
}

}  // namespace sanpi::storage
