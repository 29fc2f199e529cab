#pragma once
// The campaign's records in a region: periods (期次), roster entries and their recorded adjustments
// (动态调整及转化), and the rosters, statistics and bulletin computed from them by core. Periods and
// rosters are the region's published lists: every internal user of the region reads them; only
// the project office writes. A roster entry names a project the writer can see.
#include <map>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/campaign.hpp"
#include "core/campaign_statistics.hpp"
#include "core/project.hpp"
#include "core/roster.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

enum class RosterView { kPublished, kOriginal, kAdjusted };
std::optional<RosterView> ParseRosterView(std::string_view text);  // published | original | adjusted

// A roster with the facts of its projects, ready for core's statistics and bulletin.
struct RosterSnapshot {
  int period = 0;
  RosterView view = RosterView::kAdjusted;
  std::vector<core::RosterLine> lines;
  std::vector<core::ProjectFacts> facts;  // one per project on the lines
};

class CampaignRepository {
 public:
  explicit CampaignRepository(Transaction& tx) : tx_(tx) {}

  std::vector<core::Period> ListPeriods(const std::string& region_code);
  // NotFound when the region has no such period.
  core::Result<core::Period> GetPeriod(const std::string& region_code, int number);
  // Invalid on bad fields; Conflict when the number is taken or the dates do not rise with numbers.
  core::Result<core::Period> CreatePeriod(const core::Principal& caller, core::Period period);
  core::Result<core::Period> UpdatePeriod(const core::Principal& caller, int number, core::Period changes);

  // Puts a project on a batch's roster of `entry.period`. NotFound when the period or (in the
  // caller's scope) the project is missing; Invalid/Conflict per core CheckNewEntry.
  core::Result<core::RosterEntry> AddEntry(const core::Principal& caller, core::RosterEntry entry);
  // Records an adjustment of an entry of the caller's region; core CheckAdjustment decides.
  core::Result<core::RosterAdjustment> AddAdjustment(const core::Principal& caller, core::RosterAdjustment adjustment);
  // The project's entries and their adjustments, for its roster history.
  void History(const std::string& region_code, std::int64_t project_id, std::vector<core::RosterEntry>& entries,
               std::vector<core::RosterAdjustment>& adjustments);

  // Every entry and adjustment of the region (of every region when `region_code` is empty).
  void AllEntries(const std::string& region_code, std::vector<core::RosterEntry>& entries,
                  std::vector<core::RosterAdjustment>& adjustments);

  // The roster of period `number` in the given view, with the facts of its projects.
  core::Result<RosterSnapshot> LoadRoster(const std::string& region_code, int number, RosterView view);
  // Names of the region's units and of its users (leaders), for the breakdowns.
  std::map<std::int64_t, std::string> UnitNames(const std::string& region_code);
  std::map<std::int64_t, std::string> UserNames(const std::string& region_code);

 private:
  void ProjectEntries(std::int64_t project_id, std::vector<core::RosterEntry>& entries,
                      std::vector<core::RosterAdjustment>& adjustments);
  // Keeps projects.roster_batch (the batch it is in now) in step, for the ledger's batch filter.
  void RefreshRosterBatch(std::int64_t project_id);
  Transaction& tx_;
};

}  // namespace sanpi::storage
