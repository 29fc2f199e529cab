#include "storage/progress_cache.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/campaign.hpp"
#include "storage/progress_settings_repository.hpp"
#include "storage/roster_cache.hpp"
#include "storage/scope_sql.hpp"

namespace sanpi::storage {
namespace {

// Numbers the distinct keys of one dimension in the order met; labels kept beside.
class Grouper {
 public:
  explicit Grouper(GroupLabels& labels) : labels_(labels) {}
  std::uint32_t Of(const std::string& key, const std::string& label) {
    auto [slot, inserted] = numbers_.try_emplace(key, static_cast<std::uint32_t>(labels_.entries.size()));
    if (inserted) labels_.entries.emplace_back(key, label);
    return slot->second;
  }

 private:
  GroupLabels& labels_;
  std::unordered_map<std::string, std::uint32_t> numbers_;
};

std::string BatchLabel(const std::string& code) {
  if (code.empty()) return "未上榜";
  auto batch = core::ParseBatch(code);
  return batch ? std::string(core::BatchName(*batch)) : code;
}

constexpr const char* kSelect =
    "SELECT t.id, t.code, t.name, t.unit_id, COALESCE(u.path, ''), COALESCE(u.name, ''), t.leader_id, "
    "COALESCE(t.created_by, 0), COALESCE(t.enterprise_id, 0), t.industry, t.roster_batch, "
    "(SELECT MIN(e.period) FROM roster_entries e WHERE e.project_id = t.id), "
    "ip.m01, ip.m02, ip.m03, ip.m04, ip.m05, ip.m06, ip.m07, ip.m08, ip.m09, ip.m10, ip.m11, ip.m12, "
    "rt.c01, rt.c02, rt.c03, rt.c04, rt.c05, rt.c06, rt.c07, rt.c08, rt.c09, rt.c10, rt.c11, rt.c12, "
    "rt.submitted_mask, rt.on_time_mask, t.started_on "
    "FROM projects t "
    "LEFT JOIN investment_plans ip ON ip.project_id = t.id AND ip.year = $2 "
    "LEFT JOIN report_year_totals rt ON rt.project_id = t.id AND rt.year = $2 "
    "LEFT JOIN org_units u ON u.id = t.unit_id "
    "WHERE t.region_code = $1 AND ";

// Beyond this many rows written since the cached load, a full load is as cheap as the patch.
constexpr size_t kMaxPatchRows = 2'000;

// The plan months, completions and report bits of one row of kSelect.
void ReadNumbers(const Row& row, int year, core::ProjectYearFigures& figures, ProjectYearFacts& facts) {
  std::optional<core::Date> started;
  if (!row.IsNull(38)) started = core::Date::Parse(row.Text(38));
  facts.owed_mask = core::ReportsOwedMask(started, !row.IsNull(12), year);
  for (int m = 0; m < core::kMonthsPerYear; ++m) {
    figures.planned[m] = row.IsNull(12 + m) ? 0 : row.Int(12 + m);
    figures.completed[m] = row.IsNull(24 + m) ? 0 : row.Int(24 + m);
  }
  facts.submitted_mask = row.IsNull(36) ? 0 : row.Int(36);
  facts.on_time_mask = row.IsNull(37) ? 0 : row.Int(37);
}

void ReadHeader(Transaction& tx, ProgressYear& out) {
  out.revision = ProgressRevision(tx, out.region_code);
  out.due_day = ProgressSettingsRepository(tx).Get(out.region_code).due_day;
}

}  // namespace

ProgressYear LoadProgressYear(Transaction& tx, const std::string& region_code, int year) {
  ProgressYear out;
  out.region_code = region_code;
  out.year = year;
  ReadHeader(tx, out);
  if (auto rows = tx.Query("SELECT name FROM regions WHERE code = $1", {region_code}); !rows.empty())
    out.region_name = rows.front().Text(0);
  Grouper units(out.units), industries(out.industries), batches(out.batches), periods(out.periods);
  auto rows = tx.Query(std::string(kSelect) + "(ip.id IS NOT NULL OR rt.project_id IS NOT NULL) ORDER BY t.id",
                       {region_code, std::int64_t{year}});
  out.figures.reserve(rows.size());
  out.facts.reserve(rows.size());
  for (auto row : rows) {
    core::ProjectYearFigures figures;
    figures.project_id = row.Int(0);
    ProjectYearFacts facts;
    facts.code = row.Text(1);
    facts.name = row.Text(2);
    facts.unit_id = row.Int(3);
    facts.unit_path = row.Text(4);
    facts.leader_id = row.Int(6);
    facts.created_by = row.Int(7);
    facts.enterprise_id = row.Int(8);
    ReadNumbers(row, year, figures, facts);
    facts.unit_group = units.Of(std::to_string(facts.unit_id), row.Text(5));
    const std::string industry = row.Text(9);
    facts.industry_group = industries.Of(industry, industry.empty() ? "未分类" : industry);
    const std::string batch = row.Text(10);
    facts.batch_group = batches.Of(batch, BatchLabel(batch));
    if (row.IsNull(11)) {
      facts.period_group = periods.Of("", "未上榜");
    } else {
      const std::string number = std::to_string(row.Int(11));
      facts.period_group = periods.Of(number, "第" + number + "期");
    }
    out.figures.push_back(std::move(figures));
    out.facts.push_back(std::move(facts));
  }
  return out;
}

std::optional<ProgressYear> PatchProgressYear(Transaction& tx, const ProgressYear& cached) {
  // The revision is read before the rows: rows written meanwhile are newer than the label, never older.
  ProgressYear out = cached;
  ReadHeader(tx, out);
  const Params keys{cached.region_code, std::int64_t{cached.year}, cached.revision};
  auto changed = tx.Query(
      "SELECT project_id FROM investment_plans WHERE region_code = $1 AND year = $2 AND revision > $3 UNION "
      "SELECT project_id FROM report_year_totals WHERE region_code = $1 AND year = $2 AND revision > $3",
      keys);
  if (changed.size() > kMaxPatchRows) return std::nullopt;
  if (changed.empty()) return out;
  Params params{cached.region_code, std::int64_t{cached.year}};
  std::string ids;
  for (auto row : changed) ids += (ids.empty() ? "" : ", ") + Bind(params, row.Int(0));
  for (auto row : tx.Query(std::string(kSelect) + "t.id IN (" + ids + ")", params)) {
    const std::int64_t id = row.Int(0);
    auto at = std::lower_bound(out.figures.begin(), out.figures.end(), id,
                               [](const core::ProjectYearFigures& f, std::int64_t key) { return f.project_id < key; });
    if (at == out.figures.end() || at->project_id != id) return std::nullopt;  // new to the year: load it all
    ReadNumbers(row, out.year, *at, out.facts[static_cast<size_t>(at - out.figures.begin())]);
  }
  return out;
}

core::Result<std::shared_ptr<const ProgressYear>> ProgressCache::Load(Transaction& tx, const std::string& region_code,
                                                                      int year) {
  // Labels are read before the figures: a write committing in between makes the loaded figures newer
  // than their label, never older, and the next request reloads.
  const Label label{RegionRevision(tx, region_code), ProgressRevision(tx, region_code)};
  const auto key = std::make_pair(region_code, year);
  std::shared_ptr<const ProgressYear> stale;
  Label stale_label;
  {
    std::lock_guard lock(mutex_);
    if (auto found = entries_.find(key); found != entries_.end()) {
      if (found->second.label == label) {
        ++hits_;
        return found->second.year;
      }
      stale = found->second.year;
      stale_label = found->second.label;
    }
  }
  // Only plans or reports changed since the cached year: reload just their rows.
  std::shared_ptr<const ProgressYear> loaded;
  if (stale && stale_label.first == label.first) {
    if (auto patched = PatchProgressYear(tx, *stale)) {
      loaded = std::make_shared<const ProgressYear>(std::move(*patched));
      std::lock_guard lock(mutex_);
      ++patches_;
    }
  }
  if (!loaded) {
    loaded = std::make_shared<const ProgressYear>(LoadProgressYear(tx, region_code, year));
    std::lock_guard lock(mutex_);
    ++misses_;
  }
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries && !entries_.count(key)) entries_.clear();
  entries_[key] = {label, loaded};
  return loaded;
}

std::int64_t ProgressCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

std::int64_t ProgressCache::patches() const {
  std::lock_guard lock(mutex_);
  return patches_;
}

std::int64_t ProgressCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace sanpi::storage
