#pragma once
// The year's investment figures of every project of a region — plan months, submitted completions and
// report timeliness bits, with what the roll-ups group by and what the scope check needs — loaded in one
// query (100,000 projects) and kept per (region, year). The label is the pair (RegionRevision,
// ProgressRevision), so figures are never staler than the request's own transaction:
//  - a write to the region's projects (RegionRevision) makes the next request load everything again;
//  - a plan or a report submission (ProgressRevision only) makes it reload just the rows written since —
//    they carry the revision of their write — and patch a copy of the cached year (a month's filing
//    season is thousands of submissions; each must not cost a full load).
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/investment_progress.hpp"
#include "core/status.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

// What a project is grouped and scoped by; index-aligned with ProgressYear::figures.
struct ProjectYearFacts {
  std::string code;
  std::string name;
  std::int64_t unit_id = 0;
  std::string unit_path;
  std::int64_t leader_id = 0;
  std::int64_t created_by = 0;
  std::int64_t enterprise_id = 0;
  std::int64_t submitted_mask = 0;  // bit m−1: month m submitted
  std::int64_t on_time_mask = 0;    // bit m−1: month m first submitted by its due date
  // Months of the year a report is owed for: from the month the project started (January when it started in
  // an earlier year) through December, for projects in the year's plan; bit m−1 for month m.
  std::int64_t owed_mask = 0;
  // Group numbers into ProgressYear::groups[dimension].
  std::uint32_t unit_group = 0, industry_group = 0, batch_group = 0, period_group = 0;
};

// Labels of one grouping dimension: group number → (key, label).
struct GroupLabels {
  std::vector<std::pair<std::string, std::string>> entries;
};

struct ProgressYear {
  std::string region_code;
  std::string region_name;
  int year = 0;
  std::int64_t revision = 0;  // the ProgressRevision the rows were read at (or after)
  unsigned due_day = 5;
  std::vector<core::ProjectYearFigures> figures;  // key left empty; project_id set
  std::vector<ProjectYearFacts> facts;
  GroupLabels units, industries, batches, periods;
};

class ProgressCache {
 public:
  // Thread-safe; loading runs outside the lock (two simultaneous misses both load; the later is kept).
  core::Result<std::shared_ptr<const ProgressYear>> Load(Transaction& tx, const std::string& region_code, int year);
  std::int64_t hits() const;
  std::int64_t misses() const;   // full loads
  std::int64_t patches() const;  // refreshed by reloading only the rows written since

 private:
  static constexpr size_t kMaxEntries = 16;
  using Label = std::pair<std::int64_t, std::int64_t>;
  struct Entry {
    Label label;
    std::shared_ptr<const ProgressYear> year;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, Entry> entries_;
  std::int64_t hits_ = 0;
  std::int64_t misses_ = 0;
  std::int64_t patches_ = 0;
};

// Loads without caching (the CLI and tests).
ProgressYear LoadProgressYear(Transaction& tx, const std::string& region_code, int year);
// `cached` brought up to date by the plan and totals rows written after its revision; nullopt when a
// project entered the year's figures since (a new row, whose groups need a full load).
std::optional<ProgressYear> PatchProgressYear(Transaction& tx, const ProgressYear& cached);

}  // namespace sanpi::storage
