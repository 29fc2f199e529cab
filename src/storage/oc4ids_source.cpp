#include "storage/oc4ids_source.hpp"

#include <map>
#include <unordered_map>

#include "storage/campaign_repository.hpp"
#include "storage/project_repository.hpp"

namespace sanpi::storage {
namespace {

constexpr std::int64_t kChunk = 2000;  // projects per query when exporting all

void AddNames(Transaction& tx, codec::Oc4idsSource& source) {
  const auto& p = source.project;
  if (p.enterprise_id != 0) {
    auto rows = tx.Query("SELECT name, uscc FROM enterprises WHERE id = $1", {p.enterprise_id});
    if (!rows.empty()) {
      source.enterprise_name = rows.front().Text(0);
      source.enterprise_uscc = rows.front().Text(1);
    }
  }
  auto rows = tx.Query("SELECT name FROM org_units WHERE id = $1", {p.lead_unit_id});
  if (!rows.empty()) source.lead_unit_name = rows.front().Text(0);
}

}  // namespace

core::Result<codec::Oc4idsSource> LoadOc4idsSource(Transaction& tx, const core::Principal& caller, std::int64_t id) {
  auto project = ProjectRepository(tx).Get(caller, id);
  if (!project.ok()) return project.status();
  codec::Oc4idsSource source;
  source.project = std::move(*project);
  CampaignRepository(tx).History(source.project.region_code, id, source.entries, source.adjustments);
  AddNames(tx, source);
  return source;
}

std::int64_t ForEachOc4idsSource(Transaction& tx, const std::string& region_code,
                                 const std::function<void(const codec::Oc4idsSource&)>& each) {
  // The campaign's records and the names are small beside the projects: load them once.
  std::vector<core::RosterEntry> entries;
  std::vector<core::RosterAdjustment> adjustments;
  CampaignRepository(tx).AllEntries(region_code, entries, adjustments);
  std::unordered_map<std::int64_t, std::vector<const core::RosterEntry*>> entries_of;
  std::unordered_map<std::int64_t, std::int64_t> project_of_entry;
  for (const auto& e : entries) {
    entries_of[e.project_id].push_back(&e);
    project_of_entry[e.id] = e.project_id;
  }
  std::unordered_map<std::int64_t, std::vector<const core::RosterAdjustment*>> adjustments_of;
  for (const auto& a : adjustments) adjustments_of[project_of_entry[a.entry_id]].push_back(&a);
  std::unordered_map<std::int64_t, std::pair<std::string, std::string>> enterprises;
  for (auto row : tx.Query("SELECT id, name, uscc FROM enterprises")) enterprises[row.Int(0)] = {row.Text(1), row.Text(2)};
  std::unordered_map<std::int64_t, std::string> units;
  for (auto row : tx.Query("SELECT id, name FROM org_units")) units[row.Int(0)] = row.Text(1);

  std::int64_t visited = 0;
  std::int64_t after = 0;
  for (;;) {
    Params params{after, kChunk};
    std::string sql = std::string("SELECT ") + ProjectRepository::Columns() + " FROM projects t WHERE t.id > $1";
    if (!region_code.empty()) {
      params.push_back(region_code);
      sql += " AND t.region_code = $3";
    }
    sql += " ORDER BY t.id LIMIT $2";
    auto rows = tx.Query(sql, params);
    if (rows.empty()) break;
    for (auto row : rows) {
      codec::Oc4idsSource source;
      source.project = ProjectRepository::FromRow(row);
      const auto& p = source.project;
      after = p.id;
      if (auto found = enterprises.find(p.enterprise_id); found != enterprises.end()) {
        source.enterprise_name = found->second.first;
        source.enterprise_uscc = found->second.second;
      }
      if (auto found = units.find(p.lead_unit_id); found != units.end()) source.lead_unit_name = found->second;
      if (auto found = entries_of.find(p.id); found != entries_of.end())
        for (const auto* e : found->second) source.entries.push_back(*e);
      if (auto found = adjustments_of.find(p.id); found != adjustments_of.end())
        for (const auto* a : found->second) source.adjustments.push_back(*a);
      each(source);
      ++visited;
    }
  }
  return visited;
}

}  // namespace sanpi::storage
