#pragma once
// Turns a caller's data scope into a SQL predicate, so every list and every lookup of a scoped
// table filters in the database and a record outside the scope is simply not found.
#include <string>
#include <string_view>

#include "core/access.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

// The columns of a table that say where a row belongs.
struct ScopeColumns {
  std::string_view region = "t.region_code";
  std::string_view unit = "t.unit_id";
  std::string_view creator = "t.created_by";
};

// A predicate (in parentheses) restricting rows to what `principal` may see; appends its
// parameters to `params` and numbers them after those already there.
std::string ScopePredicate(const core::Principal& principal, const ScopeColumns& columns, Params& params);

// "$n" for the next parameter, after pushing `value`.
std::string Bind(Params& params, Value value);

}  // namespace sanpi::storage
