#include "codec/account_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace sanpi::codec {

namespace json = boost::json;

json::value ToJson(const core::Region& region) {
  return json::object{{"code", region.code},
                      {"name", region.name},
                      {"parent_code", region.parent_code},
                      {"version", region.version}};
}

json::value ToJson(const core::OrgUnit& unit) {
  return json::object{{"id", unit.id},           {"region_code", unit.region_code}, {"parent_id", unit.parent_id},
                      {"code", unit.code},       {"name", unit.name},               {"version", unit.version},
                      {"created_at", unit.created_at}, {"updated_at", unit.updated_at}};
}

json::value ToJson(const core::User& user) {
  json::array roles;
  for (auto role : user.roles) roles.emplace_back(core::ToString(role));
  return json::object{{"id", user.id},
                      {"region_code", user.region_code},
                      {"unit_id", user.unit_id},
                      {"enterprise_id", user.enterprise_id},
                      {"username", user.username},
                      {"display_name", user.display_name},
                      {"phone", user.phone},
                      {"roles", std::move(roles)},
                      {"scope", core::ToString(user.scope)},
                      {"active", user.active},
                      {"version", user.version},
                      {"created_at", user.created_at},
                      {"updated_at", user.updated_at}};
}

json::value ToJson(const core::Enterprise& enterprise) {
  json::array tags;
  for (const auto& tag : enterprise.tags) tags.emplace_back(tag);
  return json::object{{"id", enterprise.id},
                      {"region_code", enterprise.region_code},
                      {"unit_id", enterprise.unit_id},
                      {"name", enterprise.name},
                      {"uscc", enterprise.uscc},
                      {"industry", enterprise.industry},
                      {"tags", std::move(tags)},
                      {"address", enterprise.address},
                      {"contact", enterprise.contact},
                      {"phone", enterprise.phone},
                      {"version", enterprise.version},
                      {"created_at", enterprise.created_at},
                      {"updated_at", enterprise.updated_at}};
}

namespace {
void ReadVersion(JsonReader& reader, bool with_version, std::int64_t& version) {
  if (!with_version) return;
  version = reader.Int("version", true);
  if (reader.Has("version") && version < 1) reader.Fail("version", {"版本号应为正整数", "version must be a positive number"});
}
}  // namespace

core::Result<core::Region> RegionFromJson(const json::value& body) {
  JsonReader reader(body);
  core::Region region;
  region.code = reader.String("code", true);
  region.name = reader.String("name", true);
  region.parent_code = reader.String("parent_code");
  if (auto status = reader.Finish(); !status.ok()) return status;
  return region;
}

core::Result<core::OrgUnit> OrgUnitFromJson(const json::value& body, bool with_version) {
  JsonReader reader(body);
  core::OrgUnit unit;
  unit.code = reader.String("code", true);
  unit.name = reader.String("name", true);
  unit.parent_id = reader.Int("parent_id");
  ReadVersion(reader, with_version, unit.version);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return unit;
}

core::Result<core::User> UserFromJson(const json::value& body, bool with_version, std::string* password) {
  JsonReader reader(body);
  core::User user;
  user.username = reader.String("username", true);
  user.display_name = reader.String("display_name", true);
  user.phone = reader.String("phone");
  user.unit_id = reader.Int("unit_id");
  user.enterprise_id = reader.Int("enterprise_id");
  user.active = reader.Bool("active", false, true);
  for (const auto& name : reader.Strings("roles", true)) {
    auto role = core::ParseRole(name);
    if (!role) {
      reader.Fail("roles", {"未知角色：" + name, "unknown role: " + name});
    } else {
      user.roles.push_back(*role);
    }
  }
  std::string scope = reader.String("scope", true);
  if (auto parsed = core::ParseDataScope(scope)) {
    user.scope = *parsed;
  } else if (!scope.empty()) {
    reader.Fail("scope", {"数据范围应为 self、unit、unit_and_below、region 或 region_and_below",
                          "scope must be self, unit, unit_and_below, region or region_and_below"});
  }
  if (password) *password = reader.String("password", !with_version);
  ReadVersion(reader, with_version, user.version);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return user;
}

core::Result<core::Enterprise> EnterpriseFromJson(const json::value& body, bool with_version) {
  JsonReader reader(body);
  core::Enterprise enterprise;
  enterprise.name = reader.String("name", true);
  enterprise.uscc = reader.String("uscc", true);
  enterprise.industry = reader.String("industry");
  enterprise.tags = reader.Strings("tags");
  enterprise.address = reader.String("address");
  enterprise.contact = reader.String("contact");
  enterprise.phone = reader.String("phone");
  enterprise.unit_id = reader.Int("unit_id");
  ReadVersion(reader, with_version, enterprise.version);
  if (auto status = reader.Finish(); !status.ok()) return status;
  return enterprise;
}

}  // namespace sanpi::codec
