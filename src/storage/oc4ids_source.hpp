#pragma once
// Gathers what codec/oc4ids_json.hpp maps to OC4IDS: a project with its enterprise, lead unit,
// roster entries and adjustments — one in the caller's scope (the API), or every project of a
// region in id order (the export, which streams them instead of holding 100,000 in memory).
#include <functional>
#include <string>

#include "codec/oc4ids_json.hpp"
#include "core/access.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

// NotFound when absent or outside the caller's scope, as ProjectRepository::Get.
core::Result<codec::Oc4idsSource> LoadOc4idsSource(Transaction& tx, const core::Principal& caller, std::int64_t id);

// Calls `each` for every project of `region_code` (every region when empty), in id order.
// Returns how many projects were visited.
std::int64_t ForEachOc4idsSource(Transaction& tx, const std::string& region_code,
                                 const std::function<void(const codec::Oc4idsSource&)>& each);

}  // namespace sanpi::storage
