#include "storage/progress_settings_repository.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "storage/audit_log.hpp"
#include "storage/clock.hpp"

namespace sanpi::storage {
namespace {

std::string Snapshot(const core::ProgressSettings& settings) {
  boost::json::array weights;
  for (auto weight : settings.seasonal_weights) weights.push_back(weight);
  return boost::json::serialize(boost::json::object{{"due_day", settings.due_day},
                                                    {"seasonal_weights", std::move(weights)},
                                                    {"version", settings.version}});
}

core::Status Stale() {
  return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
}

}  // namespace

std::int64_t ProgressRevision(Transaction& tx, const std::string& region_code) {
  auto rows = tx.Query("SELECT revision FROM progress_revisions WHERE region_code = $1", {region_code});
  return rows.empty() ? 0 : rows.front().Int(0);
}

std::int64_t BumpProgressRevision(Transaction& tx, const std::string& region_code) {
  return tx.Query(
      "INSERT INTO progress_revisions (region_code, revision) VALUES ($1, 1) "
      "ON CONFLICT (region_code) DO UPDATE SET revision = progress_revisions.revision + 1 RETURNING revision",
      {region_code}).front().Int(0);
}

core::ProgressSettings ProgressSettingsRepository::Get(const std::string& region_code) {
  core::ProgressSettings settings;
  settings.region_code = region_code;
  auto rows = tx_.Query(
      "SELECT due_day, w01, w02, w03, w04, w05, w06, w07, w08, w09, w10, w11, w12, version "
      "FROM progress_settings WHERE region_code = $1",
      {region_code});
  if (rows.empty()) return settings;
  auto row = rows.front();
  settings.due_day = static_cast<unsigned>(row.Int(0));
  for (int m = 0; m < core::kMonthsPerYear; ++m) settings.seasonal_weights[m] = row.Int(1 + m);
  settings.version = row.Int(13);
  return settings;
}

core::Result<core::ProgressSettings> ProgressSettingsRepository::Save(const core::Principal& caller,
                                                                      core::ProgressSettings settings) {
  settings.region_code = caller.region_code;
  if (auto status = core::ValidateProgressSettings(settings); !status.ok()) return status;
  auto current = Get(caller.region_code);
  if (current.version != settings.version) return Stale();
  Params params{caller.region_code, static_cast<std::int64_t>(settings.due_day)};
  for (auto weight : settings.seasonal_weights) params.push_back(weight);
  params.push_back(NowLocal());
  if (current.version == 0) {
    tx_.Execute(
        "INSERT INTO progress_settings (region_code, due_day, w01, w02, w03, w04, w05, w06, w07, w08, w09, w10, "
        "w11, w12, version, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15)",
        params);
  } else {
    params.push_back(current.version);
    auto changed = tx_.Execute(
        "UPDATE progress_settings SET due_day = $2, w01 = $3, w02 = $4, w03 = $5, w04 = $6, w05 = $7, w06 = $8, "
        "w07 = $9, w08 = $10, w09 = $11, w10 = $12, w11 = $13, w12 = $14, updated_at = $15, version = version + 1 "
        "WHERE region_code = $1 AND version = $16",
        params);
    if (changed != 1) return Stale();
  }
  settings.version = current.version + 1;
  BumpProgressRevision(tx_, caller.region_code);
  AuditLog(tx_).Append(caller, current.version == 0 ? "create" : "update", "progress_settings", caller.region_code,
                       current.version == 0 ? "" : Snapshot(current), Snapshot(settings));
  return settings;
}

}  // namespace sanpi::storage
