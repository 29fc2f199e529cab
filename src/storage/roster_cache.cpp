#include "storage/roster_cache.hpp"

namespace sanpi::storage {

std::int64_t RegionRevision(Transaction& tx, const std::string& region_code) {
  auto rows = tx.Query("SELECT revision FROM region_revisions WHERE region_code = $1", {region_code});
  return rows.empty() ? 0 : rows.front().Int(0);
}

void BumpRegionRevision(Transaction& tx, const std::string& region_code) {
  tx.Execute(
      "INSERT INTO region_revisions (region_code, revision) VALUES ($1, 1) "
      "ON CONFLICT (region_code) DO UPDATE SET revision = region_revisions.revision + 1",
      {region_code});
}

core::Result<std::shared_ptr<const CachedRoster>> RosterCache::Load(Transaction& tx, const std::string& region_code,
                                                                    int number, RosterView view) {
  // The revision is read before the roster: should a write commit in between, the roster loaded
  // is newer than its label, never older, and the next request (seeing the new revision) reloads.
  const std::int64_t revision = RegionRevision(tx, region_code);
  Key key{region_code, number, view};
  {
    std::lock_guard lock(mutex_);
    if (auto found = entries_.find(key); found != entries_.end() && found->second.revision == revision) {
      ++hits_;
      return found->second.roster;
    }
    ++misses_;
  }
  auto loaded = CampaignRepository(tx).LoadRoster(region_code, number, view);
  if (!loaded.ok()) return loaded.status();
  auto roster = std::make_shared<const CachedRoster>(std::move(*loaded));
  std::lock_guard lock(mutex_);
  // Entries of older revisions of this region can never be served again.
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (std::get<0>(it->first) == region_code && it->second.revision < revision) it = entries_.erase(it);
    else ++it;
  }
  if (entries_.size() >= kMaxEntries) entries_.clear();
  auto& entry = entries_[key];
  if (entry.roster == nullptr || entry.revision <= revision) entry = Entry{revision, roster};
  return std::shared_ptr<const CachedRoster>(roster);
}

std::int64_t RosterCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

std::int64_t RosterCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace sanpi::storage
