#include "storage/region_outline.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/region_repository.hpp"

namespace sanpi::storage {
namespace {

namespace json = boost::json;
constexpr const char* kOutlineKey = "outline";

core::Status NoRegion() { return core::Status::NotFound({"区域不存在", "region not found"}); }

// regions.settings as an object; a damaged or non-object text reads as empty rather than failing every dashboard.
json::object Settings(const std::string& text) {
  boost::system::error_code error;
  json::value value = json::parse(text, error);
  if (error || !value.is_object()) return {};
  return std::move(value.as_object());
}

std::string Summary(const std::optional<json::value>& outline, std::int64_t version) {
  json::object summary{{"version", version}};
  if (outline) summary["outline_bytes"] = static_cast<std::int64_t>(json::serialize(*outline).size());
  else summary["outline"] = nullptr;
  return json::serialize(summary);
}

}  // namespace

core::Result<RegionOutline> RegionOutlineRepository::Get(const core::Principal& caller, const std::string& region_code) {
  bool reachable = false;
  for (const auto& region : RegionRepository(tx_).List(caller)) reachable = reachable || region.code == region_code;
  if (!reachable) return NoRegion();
  auto rows = tx_.Query("SELECT settings, version FROM regions WHERE code = $1", {region_code});
  if (rows.empty()) return NoRegion();
  RegionOutline out{region_code, std::nullopt, rows.front().Int(1)};
  json::object settings = Settings(rows.front().Text(0));
  if (auto* outline = settings.if_contains(kOutlineKey); outline && !outline->is_null()) out.outline = std::move(*outline);
  return out;
}

core::Result<RegionOutline> RegionOutlineRepository::Save(const core::Principal& caller, const std::string& region_code,
                                                          std::optional<json::value> outline, std::int64_t version) {
  auto rows = tx_.Query("SELECT settings, version, path FROM regions WHERE code = $1", {region_code});
  if (rows.empty()) return NoRegion();
  const std::string path = rows.front().Text(2);
  const bool own = region_code == caller.region_code;
  const bool below = caller.scope == core::DataScope::kRegionAndBelow && !caller.region_path.empty() &&
                     path.starts_with(caller.region_path);
  if (!own && !below) return NoRegion();
  const std::int64_t current = rows.front().Int(1);
  if (current != version) {
    return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
  }
  json::object settings = Settings(rows.front().Text(0));
  const std::optional<json::value> before =
      settings.contains(kOutlineKey) && !settings.at(kOutlineKey).is_null() ? std::optional(settings.at(kOutlineKey))
                                                                            : std::nullopt;
  if (outline) settings[kOutlineKey] = *outline;
  else settings.erase(kOutlineKey);
  auto changed = tx_.Execute(
      "UPDATE regions SET settings = $1, version = version + 1, updated_at = $2 WHERE code = $3 AND version = $4",
      {json::serialize(settings), NowLocal(), region_code, version});
  if (changed != 1) {
    return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
  }
  AuditLog(tx_).Append(caller, "update", "region_outline", region_code, Summary(before, current),
                       Summary(outline, current + 1));
  return RegionOutline{region_code, std::move(outline), current + 1};
}

std::optional<json::value> RegionOutlineRepository::OutlineOf(const std::string& region_code) {
  auto rows = tx_.Query("SELECT settings FROM regions WHERE code = $1", {region_code});
  if (rows.empty()) return std::nullopt;
  json::object settings = Settings(rows.front().Text(0));
  if (auto* outline = settings.if_contains(kOutlineKey); outline && !outline->is_null()) return std::move(*outline);
  return std::nullopt;
}

}  // namespace sanpi::storage
