#include "demo/demo_zone.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

#include <boost/json/parse.hpp>

#include "core/uscc.hpp"
#include "demo/demo_campaign.hpp"
#include "demo/demo_progress.hpp"
#include "storage/credentials.hpp"
#include "storage/enterprise_repository.hpp"
#include "storage/org_unit_repository.hpp"
#include "storage/region_repository.hpp"
#include "storage/region_outline.hpp"
#include "storage/user_repository.hpp"

namespace sanpi::demo {
namespace {

using core::DataScope;
using core::Role;

struct DemoUnit {
  const char* code;
  const char* name;
  const char* parent;  // code of the parent, "" for top level
};

constexpr DemoUnit kUnits[] = {
    {"XMB", "高新区项目办", ""},
    {"ZJJ", "住房和城乡建设局", ""},
    {"JFJ", "经济发展局", ""},
    {"ZRZY", "自然资源和规划分局", ""},
    {"YQ", "园区运营中心", ""},
    {"YQ-ZS", "园区运营中心招商科", "YQ"},
    {"SF", "石佛办事处", ""},
};

struct DemoUser {
  const char* username;
  const char* name;
  Role role;
  DataScope scope;
  const char* unit;  // "" for none
  const char* region;
};

constexpr DemoUser kUsers[] = {
    {"admin", "系统管理员", Role::kAdmin, DataScope::kRegionAndBelow, "", "410171"},
    {"office", "项目办 王主任", Role::kOffice, DataScope::kRegion, "XMB", "410171"},
    {"unit_zjj", "住建局 李科长", Role::kUnit, DataScope::kUnit, "ZJJ", "410171"},
    {"unit_yq", "园区运营中心 赵经理", Role::kUnit, DataScope::kUnitAndBelow, "YQ", "410171"},
    {"leader1", "刘副主任（包联领导）", Role::kLeader, DataScope::kRegion, "XMB", "410171"},
    {"leader2", "张副主任（包联领导）", Role::kLeader, DataScope::kRegion, "XMB", "410171"},
    {"leader3", "孙副主任（包联领导）", Role::kLeader, DataScope::kRegion, "XMB", "410171"},
    {"viewer", "党工委 陈书记", Role::kViewer, DataScope::kRegion, "", "410171"},
    {"city_viewer", "郑州市发改委 督导员", Role::kViewer, DataScope::kRegionAndBelow, "", "410100"},
};

// 区域边界 of the demo zone for the dashboard map: a simplified outline around the real zone's core
// (GeoJSON, [longitude, latitude]); demo projects are placed inside it (demo_campaign.cpp PlaceInZone).
constexpr const char* kZoneOutline = R"json({"type": "FeatureCollection", "features": [{"type": "Feature",
  "properties": {"name": "郑州高新技术产业开发区"}, "geometry": {"type": "Polygon", "coordinates": [[
  [113.470, 34.770], [113.530, 34.752], [113.600, 34.758], [113.635, 34.785], [113.628, 34.828], [113.605, 34.858],
  [113.555, 34.872], [113.500, 34.866], [113.468, 34.840], [113.455, 34.805], [113.470, 34.770]]]}}]})json";

struct DemoEnterprise {
  const char* name;
  const char* industry;
  std::vector<std::string> tags;
  const char* unit;
};

const std::vector<DemoEnterprise>& Enterprises() {
  static const std::vector<DemoEnterprise> list = {
      {"郑州芯微半导体有限公司", "集成电路", {"高新技术企业", "规上企业"}, "YQ"},
      {"河南智算云科技有限公司", "新一代信息技术", {"高新技术企业"}, "YQ-ZS"},
      {"中原北斗导航产业有限公司", "北斗与卫星应用", {"科技型中小企业"}, "YQ"},
      {"郑州氢能动力科技有限公司", "新能源", {"高新技术企业", "科技型中小企业"}, "JFJ"},
      {"河南生物医药研究院有限公司", "生物医药", {"高新技术企业", "规上企业"}, "JFJ"},
      {"郑州高新城市建设投资有限公司", "城市建设", {"规上企业"}, "ZJJ"},
      {"中建七局高新工程有限公司", "建筑业", {"规上企业"}, "ZJJ"},
      {"郑州超聚变数字技术有限公司", "新一代信息技术", {"高新技术企业", "规上企业"}, "YQ"},
      {"河南光电传感研究院有限公司", "智能传感器", {"科技型中小企业"}, "SF"},
      {"郑州数字文化产业园有限公司", "数字创意", {}, "SF"},
  };
  return list;
}

}  // namespace

std::string DemoUscc(long long n) {
  // 9141 0100 (Zhengzhou enterprise prefix) + 9 digits from n, then the check character.
  char first17[18];
  std::snprintf(first17, sizeof first17, "91410100%09lld", std::llabs(n) % 1000000000LL);
  return std::string(first17) + *core::UsccCheckCharacter(first17);
}

core::Status SeedDemoZone(storage::Database& db, const DemoOptions& options) {
  auto tx = db.Begin(storage::Access::kWrite);
  storage::RegionRepository regions(*tx);
  if (regions.Get(kZoneCode).ok()) {
    return core::Status::RuleBroken({"演示数据已存在", "the demo zone already exists in this database"});
  }
  core::Principal system;
  system.username = "demo";
  system.roles = {Role::kAdmin};
  system.scope = DataScope::kRegionAndBelow;
  for (auto [code, name, parent] : {std::tuple{"410000", "河南省", ""}, std::tuple{"410100", "郑州市", "410000"},
                                    std::tuple{"410171", "郑州高新技术产业开发区", "410100"}}) {
    system.region_code = code;
    if (auto r = regions.Create(system, {code, name, parent, "", 0}); !r.ok()) return r.status();
  }
  system.region_code = kZoneCode;
  system.region_path = "/410000/410100/410171/";
  if (auto outline = storage::RegionOutlineRepository(*tx).Save(system, kZoneCode, boost::json::parse(kZoneOutline), 1);
      !outline.ok()) {
    return outline.status();
  }

  std::map<std::string, std::int64_t> unit_ids;
  storage::OrgUnitRepository units(*tx);
  for (const auto& u : kUnits) {
    core::OrgUnit unit;
    unit.code = u.code;
    unit.name = u.name;
    unit.parent_id = *u.parent ? unit_ids.at(u.parent) : 0;
    auto created = units.Create(system, unit);
    if (!created.ok()) return created.status();
    unit_ids[u.code] = created->id;
  }

  storage::EnterpriseRepository enterprises(*tx);
  std::int64_t first_enterprise = 0;
  long long serial = 1;
  for (const auto& e : Enterprises()) {
    core::Enterprise enterprise;
    enterprise.name = e.name;
    enterprise.uscc = DemoUscc(700000000 + serial++);
    enterprise.industry = e.industry;
    enterprise.tags = e.tags;
    enterprise.unit_id = unit_ids.at(e.unit);
    enterprise.address = "郑州高新区科学大道";
    enterprise.contact = "联系人";
    enterprise.phone = "0371-6799" + std::to_string(1000 + serial);
    auto created = enterprises.Create(system, enterprise);
    if (!created.ok()) return created.status();
    if (!first_enterprise) first_enterprise = created->id;
  }
  const char* industries[] = {"集成电路", "新一代信息技术", "生物医药", "新能源", "智能装备", "数字创意"};
  for (int i = 0; i < options.extra_enterprises; ++i) {
    core::Enterprise enterprise;
    enterprise.name = "高新区样本企业" + std::to_string(i + 1) + "有限公司";
    enterprise.uscc = DemoUscc(100000000 + i);
    enterprise.industry = industries[i % 6];
    enterprise.unit_id = unit_ids.at(i % 2 ? "YQ" : "JFJ");
    if (i % 3 == 0) enterprise.tags = {"科技型中小企业"};
    auto created = enterprises.Create(system, enterprise);
    if (!created.ok()) return created.status();
  }

  storage::UserRepository users(*tx);
  std::string hash = storage::HashPassword(kDemoPassword);
  for (const auto& u : kUsers) {
    core::User user;
    user.username = u.username;
    user.display_name = u.name;
    user.roles = {u.role};
    user.scope = u.scope;
    user.unit_id = *u.unit ? unit_ids.at(u.unit) : 0;
    core::Principal placed = system;
    placed.region_code = u.region;
    if (auto created = users.Create(placed, user, hash); !created.ok()) return created.status();
  }
  core::User contact;
  contact.username = "ent1";
  contact.display_name = "芯微半导体 张工";
  contact.roles = {Role::kEnterprise};
  contact.scope = DataScope::kSelf;
  contact.enterprise_id = first_enterprise;
  contact.phone = "13800138000";
  if (auto created = users.Create(system, contact, hash); !created.ok()) return created.status();
  if (auto status = SeedDemoCampaign(*tx, system); !status.ok()) return status;
  if (options.projects > 0) {
    if (auto status = GenerateProjects(*tx, system, options.projects); !status.ok()) return status;
  }
  if (auto status = GenerateProgress(*tx, system, LastThirtySixMonths()); !status.ok()) return status;
  if (auto status = SeedDemoMilestones(*tx, system, 12); !status.ok()) return status;
  tx->Commit();
  // Generated data sets are large enough for the planner to matter (see RefreshStatistics).
  if (options.extra_enterprises > 0 || options.projects > 0) storage::RefreshStatistics(db);
  return core::Status::Ok();
}

}  // namespace sanpi::demo
