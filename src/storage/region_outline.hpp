#pragma once
// 区域边界: a region's outline as GeoJSON, kept under "outline" in regions.settings (a JSON text column that other
// region settings may share) and versioned with the region row, so two people editing it meet a 409, not a lost
// update. The shape is checked by codec::CheckOutline before it reaches here.
#include <cstdint>
#include <optional>
#include <string>

#include <boost/json/value.hpp>

#include "core/access.hpp"
#include "core/status.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

struct RegionOutline {
  std::string region_code;
  std::optional<boost::json::value> outline;  // nullopt: none stored yet
  std::int64_t version = 0;                   // the region row's version
};

class RegionOutlineRepository {
 public:
  explicit RegionOutlineRepository(Transaction& tx) : tx_(tx) {}

  // NotFound when the region does not exist or the caller may not read it (RegionRepository::List's reach).
  core::Result<RegionOutline> Get(const core::Principal& caller, const std::string& region_code);
  // The caller's own region, or one below it with the region_and_below scope (NotFound otherwise); Conflict on a
  // stale `version`. `outline` null removes it. Audited with a summary (points, bytes), not the coordinates.
  core::Result<RegionOutline> Save(const core::Principal& caller, const std::string& region_code,
                                   std::optional<boost::json::value> outline, std::int64_t version);
  // Without a scope check, for the dashboard (its caller's own region).
  std::optional<boost::json::value> OutlineOf(const std::string& region_code);

 private:
  Transaction& tx_;
};

}  // namespace sanpi::storage
