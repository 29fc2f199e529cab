#include "storage/region_repository.hpp"

#include <boost/json/serialize.hpp>

#include "codec/account_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"

namespace sanpi::storage {
namespace {
core::Region FromRow(const Row& row) {
  return core::Region{row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Int(4)};
}
}  // namespace

std::vector<core::Region> RegionRepository::List(const core::Principal& caller) {
  bool below = caller.scope == core::DataScope::kRegionAndBelow;
  auto rows = tx_.Query(
      "SELECT code, name, COALESCE(parent_code, ''), path, version FROM regions "
      "WHERE code = $1 OR ($2 = 1 AND path LIKE $3) OR $4 LIKE path || '%' ORDER BY path",
      {caller.region_code, std::int64_t{below ? 1 : 0}, caller.region_path + "%", caller.region_path});
  std::vector<core::Region> out;
  for (auto row : rows) out.push_back(FromRow(row));
  return out;
}

core::Result<core::Region> RegionRepository::Get(const std::string& code) {
  auto rows = tx_.Query("SELECT code, name, COALESCE(parent_code, ''), path, version FROM regions WHERE code = $1", {code});
  if (rows.empty()) return core::Status::NotFound({"区域不存在", "region not found"});
  return FromRow(rows.front());
}

core::Result<core::Region> RegionRepository::Create(const core::Principal& caller, core::Region region) {
  if (auto status = core::ValidateRegion(region); !status.ok()) return status;
  std::string parent_path = "/";
  if (!region.parent_code.empty()) {
    auto parent = Get(region.parent_code);
    if (!parent.ok()) return core::Status::InvalidField("parent_code", {"上级区域不存在", "no such parent region"});
    parent_path = parent->path;
  }
  if (Get(region.code).ok()) return core::Status::Conflict({"区域代码已存在", "a region with this code already exists"});
  region.path = parent_path + region.code + "/";
  region.version = 1;
  std::string now = NowLocal();
  tx_.Execute("INSERT INTO regions (code, name, parent_code, path, version, created_at, updated_at) "
              "VALUES ($1, $2, $3, $4, 1, $5, $5)",
              {region.code, region.name, region.parent_code.empty() ? Value{nullptr} : Value{region.parent_code},
               region.path, now});
  core::Principal actor = caller;
  if (actor.region_code.empty()) actor.region_code = region.code;
  AuditLog(tx_).Append(actor, "create", "region", region.code, "", boost::json::serialize(codec::ToJson(region)));
  return region;
}

}  // namespace sanpi::storage
