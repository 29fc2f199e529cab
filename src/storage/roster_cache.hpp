#pragma once
// A period's roster with the facts of its projects is what statistics, the bulletin and the roster
// page compute from; at province scale (100,000 projects, ~11,500 on a roster) loading it costs far
// more than the figures. RosterCache keeps the loaded input per (region, period, view), labelled
// with the region's revision: a counter every write to the region's projects, periods, roster
// entries or adjustments raises in its own transaction (BumpRegionRevision). A request reads the
// revision first and uses the cached input only when the label matches, so figures are never
// staler than the request's own transaction would be.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "core/status.hpp"
#include "storage/campaign_repository.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

// The region's current revision, 0 before its first recorded write. One indexed row.
std::int64_t RegionRevision(Transaction& tx, const std::string& region_code);
// Raises the region's revision; call inside every write transaction that changes what a roster is
// computed from. Serialises concurrent writers of one region on PostgreSQL (they update one row).
void BumpRegionRevision(Transaction& tx, const std::string& region_code);

// A loaded roster and its facts index (which points into `snapshot.facts`, so it is not movable).
struct CachedRoster {
  explicit CachedRoster(RosterSnapshot loaded) : snapshot(std::move(loaded)), index(snapshot.facts) {}
  CachedRoster(const CachedRoster&) = delete;
  CachedRoster& operator=(const CachedRoster&) = delete;
  const RosterSnapshot snapshot;
  const core::ProjectFactsIndex index;
};

class RosterCache {
 public:
  // The roster through `tx` (CampaignRepository::LoadRoster's results and failures), from the cache
  // when the region has not been written since it was loaded. Thread-safe; the loading itself runs
  // outside the lock, so two requests missing at once both load (the later one is kept).
  core::Result<std::shared_ptr<const CachedRoster>> Load(Transaction& tx, const std::string& region_code, int number,
                                                         RosterView view);
  // For tests and metrics: loads served from the cache, loads that went to the database.
  std::int64_t hits() const;
  std::int64_t misses() const;

 private:
  // Enough for every period of a few regions in all three views; beyond it the cache starts over.
  static constexpr size_t kMaxEntries = 96;
  using Key = std::tuple<std::string, int, RosterView>;
  struct Entry {
    std::int64_t revision = 0;
    std::shared_ptr<const CachedRoster> roster;
  };
  mutable std::mutex mutex_;
  std::map<Key, Entry> entries_;
  std::int64_t hits_ = 0;
  std::int64_t misses_ = 0;
};

}  // namespace sanpi::storage
