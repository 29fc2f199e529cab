#include "demo/demo_campaign.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/project.hpp"
#include "storage/campaign_repository.hpp"
#include "storage/checklist_repository.hpp"
#include "storage/project_repository.hpp"

namespace sanpi::demo {
namespace {

using core::Batch;
constexpr Batch S = Batch::kSign, K = Batch::kStart, P = Batch::kProduction;
constexpr const char* _ = nullptr;

// The seed report's roster (shared/seed/000_fc5a1628770a1cd4.txt), as tests/core/seed_period7_fixture.hpp
// reads it: names, periods and batches are the report's; amounts, dates, units and leaders invented
// to give its totals and counts. Units: the demo's unit codes; leaders: leader1…leader3.
struct SeedRow {
  const char* name;
  int period;
  Batch batch;
  std::int64_t wan;
  const char* industry;
  const char* unit;
  int leader;
  const char *signed_on, *fulfilled_on, *started_on, *producing_on, *effective_on;
  const char* commitment_on;
  std::int64_t year_plan_wan;
};

const std::vector<SeedRow>& SeedRows() {
  static const std::vector<SeedRow> rows{
      {"北斗产业园孵化基地项目", 4, S, 300000, "数字经济", "YQ", 1, "2022-04-28", "2022-08-15", _, _, _, "2022-04-28", 0},
      {"优必选人工智能自主创新基地项目", 5, S, 200000, "人工智能", "JFJ", 2, "2022-06-29", "2022-10-20", _, _, _, "2022-06-29", 0},
      {"深圳雄韬电源科技股份有限公司氢燃料电池全国总部项目", 6, S, 350000, "新能源", "ZJJ", 1, "2022-09-28", "2022-12-20", _, _, _, "2022-09-28", 0},
      {"天集产城人工智能基地项目", 7, S, 260000, "人工智能", "YQ", 2, "2023-01-28", _, _, _, _, "2023-01-28", 0},
      {"高新国际企业港项目", 7, S, 400000, "现代服务业", "JFJ", 3, "2023-01-28", _, _, _, _, "2023-01-28", 0},
      {"肿瘤检测体外诊断试剂及仪器研发生产项目", 7, S, 150000, "生物医药", "SF", 3, "2023-01-28", _, _, _, _, "2023-01-28", 0},
      {"新能源汽车热管理系统生产基地项目", 3, S, 120000, "新能源", "ZJJ", 1, "2022-03-29", _, _, _, _, "2022-03-29", 0},
      {"创新科区域总部基地及大数据中心项目", 2, K, 120000, "数字经济", "YQ", 1, _, _, "2021-12-28", "2022-11-30", _, "2021-12-28", 0},
      {"安徽爱组牧铝业有限公司研发生产基地项目", 4, K, 85000, "新材料", "ZJJ", 2, _, _, "2022-05-10", "2022-12-15", _, "2022-05-10", 0},
      {"河南盛鼎建筑科技产业园（一期）", 5, K, 68000, "建筑科技", "SF", 3, _, _, "2022-06-25", _, _, "2022-06-30", 0},
      {"郑州机械研究所有限公司高端装备制造产业园项目", 5, K, 150000, "装备制造", "ZJJ", 1, _, _, "2022-07-14", _, _, "2022-07-15", 0},
      {"新开普智慧教育研发产业基地项目", 5, K, 102000, "数字经济", "ZJJ", 2, _, _, "2022-07-14", _, _, "2022-07-15", 0},
      {"云杰新材料智能传感产品生产生产基地项目", 5, S, 56000, "智能传感器", "JFJ", 1, "2022-06-29", "2022-08-10", "2022-09-05", "2022-12-28", _, "2022-06-29", 0},
      {"台湾茂丞总部项目", 5, S, 120000, "智能传感器", "JFJ", 2, "2022-06-29", "2022-07-20", "2022-08-18", "2022-12-20", _, "2022-06-29", 0},
      {"生物智能装置研发及产业化基地项目", 5, S, 65000, "生物医药", "SF", 3, "2022-06-29", "2022-08-01", "2022-09-15", _, _, "2022-06-29", 0},
      {"航天宏图信息技术股份有限公司中原智慧地球数据工厂项目", 5, S, 100000, "数字经济", "YQ", 1, "2022-06-29", "2022-08-20", "2022-09-26", _, _, "2022-06-29", 0},
      {"艾格莱德汽车传感及控制器研发生产基地项目", 5, S, 73000, "智能传感器", "JFJ", 2, "2022-06-29", "2022-08-25", "2022-09-20", _, _, "2022-06-29", 0},
      {"郑州高新区核心板块中部智慧港项目（一期）", 6, K, 200000, "现代服务业", "YQ", 3, _, _, "2022-10-18", _, _, "2022-10-15", 0},
      {"英维克中部地区研发生产基地项目（二期）", 6, K, 50000, "装备制造", "ZJJ", 2, _, _, "2022-10-28", _, _, "2022-10-31", 0},
      {"河南省智能传感器MEMS中试平台（一期）", 6, K, 45000, "智能传感器", "JFJ", 1, _, _, "2022-11-08", _, _, "2022-11-15", 0},
      {"新建年产150万只气体传感器生产线项目", 6, K, 32000, "智能传感器", "JFJ", 2, _, _, _, _, _, "2022-11-30", 0},
      {"格力智慧物流中心项目", 6, K, 125000, "现代物流", "SF", 3, _, _, "2022-11-20", _, _, "2022-11-30", 0},
      {"中国联通河南郑州数据中心（中原基地）三期土建工程项目", 7, K, 180000, "数字经济", "YQ", 1, _, _, "2023-01-28", _, _, "2023-01-28", 0},
      {"基于物联网的柔性智能焊接共享车间技术研究与产业化项目", 7, K, 28000, "装备制造", "ZJJ", 2, _, _, _, _, _, "2023-03-31", 0},
      {"珠海艾派克微电子有限公司极海微电子郑州研发中心项目", 7, K, 60000, "集成电路", "JFJ", 3, _, _, _, _, _, "2023-03-31", 0},
      {"郑州清智机器人创新中心项目", 7, K, 35000, "人工智能", "JFJ", 1, _, _, _, _, _, "2023-02-28", 0},
      {"中建西部建设绿色建材研发中心项目", 7, K, 40000, "新材料", "SF", 2, _, _, _, _, _, "2023-03-15", 0},
      {"继元物联科技总部项目", 7, K, 55000, "数字经济", "YQ", 3, _, _, _, _, _, "2023-02-28", 0},
      {"郑州天健湖生命健康科技园（西区）项目", 7, K, 250000, "生物医药", "SF", 1, _, _, _, _, _, "2023-02-15", 0},
      {"郑州第三电缆有限公司电缆智能制造项目", 7, K, 80000, "装备制造", "ZJJ", 2, _, _, _, _, _, "2023-03-31", 0},
      {"河南省农用微生物创新中心项目", 7, K, 164500, "生物医药", "SF", 3, _, _, _, _, _, "2023-03-31", 0},
      {"智慧产业园二期项目", 1, P, 150000, "数字经济", "YQ", 1, _, _, "2020-08-01", "2021-10-15", "2022-06-30", "2021-10-15", 30000},
      {"河南省大学科技园东区（三期）", 3, P, 120000, "现代服务业", "YQ", 2, _, _, "2020-06-01", "2022-03-20", "2022-12-20", "2022-03-31", 25000},
      {"深圳智微智能物联网终端产品研发生产基地项目", 3, P, 80000, "电子信息", "JFJ", 3, _, _, "2021-03-01", "2022-03-29", "2022-11-30", "2022-03-31", 18000},
      {"上海电气新能源示范应用项目", 3, P, 64000, "新能源", "ZJJ", 1, _, _, "2021-05-10", "2022-03-29", "2022-10-31", "2022-03-31", 12000},
      {"中南大学粉末冶金国家工程研究中心联合研发中心暨钻石长晶设备制造和产业化项目", 5, P, 100000, "新材料", "ZJJ", 2, _, _, "2021-07-01", "2022-06-29", "2022-12-31", "2022-06-30", 26000},
      {"重塑科技郑州燃料电池有限公司项目", 5, P, 110000, "新能源", "JFJ", 3, _, _, "2021-06-15", "2022-06-29", "2022-12-28", "2022-06-30", 29000},
      {"年产1500万双皮鞋深加工项目（一期）", 5, P, 80000, "轻工制造", "SF", 1, _, _, "2021-09-01", "2022-06-29", _, "2022-06-30", 18000},
  };
  return rows;
}

const char* kPeriodDays[] = {"2021-09-28", "2021-12-28", "2022-03-29", "2022-04-28", "2022-06-29", "2022-09-28", "2023-01-28"};

std::optional<core::Date> D(const char* text) { return text ? core::Date::Parse(text) : std::nullopt; }

// A position inside the demo zone's outline (demo_zone.cpp kZoneOutline), spread evenly by the Halton sequence
// (bases 2 and 3) over the box 113.50–113.60 E × 34.78–34.845 N that the outline contains, to six decimals.
double RadicalInverse(int n, int base) {
  double result = 0, fraction = 1.0 / base;
  for (; n > 0; n /= base, fraction /= base) result += (n % base) * fraction;
  return result;
}
void PlaceInZone(core::Project& p, int serial) {
  auto six = [](double v) { return static_cast<double>(static_cast<long long>(v * 1e6 + 0.5)) / 1e6; };
  p.longitude = six(113.50 + 0.10 * RadicalInverse(serial + 1, 2));
  p.latitude = six(34.78 + 0.065 * RadicalInverse(serial + 1, 3));
}

struct Frame {
  std::map<std::string, std::int64_t> units;
  std::vector<std::int64_t> leaders;      // leader1, leader2, leader3
  std::vector<std::int64_t> enterprises;  // the demo companies, in id order
};

core::Result<Frame> LoadFrame(storage::Transaction& tx, const std::string& region) {
  Frame frame;
  for (auto row : tx.Query("SELECT code, id FROM org_units WHERE region_code = $1", {region})) frame.units[row.Text(0)] = row.Int(1);
  for (const char* name : {"leader1", "leader2", "leader3"}) {
    auto rows = tx.Query("SELECT id FROM users WHERE username = $1", {std::string(name)});
    if (rows.empty()) return core::Status::Internal({"演示数据缺少包联领导账号", std::string("demo user missing: ") + name});
    frame.leaders.push_back(rows.front().Int(0));
  }
  for (auto row : tx.Query("SELECT id FROM enterprises WHERE region_code = $1 ORDER BY id LIMIT 10", {region}))
    frame.enterprises.push_back(row.Int(0));
  if (frame.enterprises.empty() || frame.units.size() < 4) {
    return core::Status::Internal({"演示数据缺少单位或企业", "demo units or enterprises missing"});
  }
  return frame;
}

template <class T>
core::Status Check(const core::Result<T>& result, const std::string& what) {
  if (result.ok()) return core::Status::Ok();
  return core::Status::Internal({"演示数据写入失败：" + what, "demo data failed: " + what + ": " + result.status().ToString()});
}

}  // namespace

core::Status SeedDemoCampaign(storage::Transaction& tx, const core::Principal& office) {
  auto frame = LoadFrame(tx, office.region_code);
  if (!frame.ok()) return frame.status();
  storage::CampaignRepository campaign(tx);
  for (int number = 1; number <= 7; ++number) {
    core::Period period;
    period.number = number;
    period.name = core::PeriodOrdinal(number) + "“三个一批”项目建设活动";
    period.held_on = *core::Date::Parse(kPeriodDays[number - 1]);
    if (auto s = Check(campaign.CreatePeriod(office, period), period.name); !s.ok()) return s;
  }
  storage::ProjectRepository projects(tx);
  std::map<std::string, std::int64_t> entry_of;  // project name → roster entry id
  int serial = 0;
  for (const SeedRow& row : SeedRows()) {
    core::Project p;
    p.name = row.name;
    p.industry = row.industry;
    p.total_investment = row.wan * core::kYuanPerWan;
    p.lead_unit_id = frame->units.at(row.unit);
    p.leader_id = frame->leaders[static_cast<size_t>(row.leader - 1)];
    p.enterprise_id = frame->enterprises[static_cast<size_t>(serial) % frame->enterprises.size()];
    p.address = "郑州高新区";
    p.construction_content = "详见项目建设方案";
    p.responsible_person = "项目负责人";
    p.responsible_phone = "0371-6799" + std::to_string(2000 + serial);
    PlaceInZone(p, serial);
    auto& r = p.progress;
    r.signed_on = D(row.signed_on);
    r.fulfilled_on = D(row.fulfilled_on);
    r.started_on = D(row.started_on);
    r.producing_on = D(row.producing_on);
    r.effective_on = D(row.effective_on);
    r.stage = r.effective_on ? core::Stage::kEffective : r.producing_on ? core::Stage::kProducing
              : r.started_on ? core::Stage::kStarted : r.signed_on ? core::Stage::kSigned : core::Stage::kReserve;
    if (std::string(row.name) == "新能源汽车热管理系统生产基地项目") {
      r.stage = core::Stage::kWithdrawn;
      r.withdrawn_on = core::Date(2022, 5, 20);
      r.withdrawal_reason = "企业调整投资计划，项目终止";
    }
    if (r.started_on) {
      char code[32];
      std::snprintf(code, sizeof code, "%d-410171-39-03-%06d", r.started_on->year(), 100 + serial);
      p.code = code;
      if (serial % 2 == 0) {  // half of the started projects are already in the statistics database
        p.in_stats_db = true;
        p.in_stats_db_on = r.started_on->AddDays(20);
      }
    }
    ++serial;
    auto created = projects.Create(office, p);
    if (auto s = Check(created, p.name); !s.ok()) return s;

    core::RosterEntry entry;
    entry.period = row.period;
    entry.project_id = created->id;
    entry.batch = row.batch;
    if (row.batch == S) entry.commitment.sign_date = D(row.commitment_on);
    if (row.batch == K) entry.commitment.planned_start_date = D(row.commitment_on);
    if (row.batch == P) {
      entry.commitment.planned_production_date = D(row.commitment_on);
      entry.commitment.year_planned_investment = row.year_plan_wan * core::kYuanPerWan;
      entry.commitment.plan_year = 2022;
    }
    auto added = campaign.AddEntry(office, entry);
    if (auto s = Check(added, p.name); !s.ok()) return s;
    entry_of[row.name] = added->id;

    if (created->id % 3 == 0) {
      storage::ChecklistRepository checklist(tx);
      for (auto [item, days] : {std::pair{"落实项目用地", 30}, std::pair{"办理施工许可证", 90}}) {
        core::ChecklistItem c;
        c.item = item;
        c.owner_unit_id = p.lead_unit_id;
        c.owner = "项目负责人";
        c.deadline = core::Date(2023, 3, 1).AddDays(days);
        if (auto s = Check(checklist.Create(office, created->id, c), item); !s.ok()) return s;
      }
    }
  }

  // The adjustments the seed implies: a withdrawal after period 3, five signed projects converted to
  // the start batch after period 5, a delayed start after period 6.
  core::RosterAdjustment withdraw;
  withdraw.entry_id = entry_of.at("新能源汽车热管理系统生产基地项目");
  withdraw.kind = core::AdjustmentKind::kWithdraw;
  withdraw.after_period = 3;
  withdraw.decided_on = core::Date(2022, 5, 25);
  withdraw.reason = "企业调整投资计划，项目终止";
  if (auto s = Check(campaign.AddAdjustment(office, withdraw), "withdraw"); !s.ok()) return s;
  for (const SeedRow& row : SeedRows()) {
    if (row.batch != S || !row.started_on) continue;
    core::RosterAdjustment move;
    move.entry_id = entry_of.at(row.name);
    move.kind = core::AdjustmentKind::kMove;
    move.after_period = 5;
    move.decided_on = core::Date(2022, 9, 26);
    move.reason = "签约项目已开工，转入开工一批";
    move.to_batch = K;
    move.commitment.sign_date = D(row.signed_on);
    move.commitment.planned_start_date = D(row.started_on);
    if (auto s = Check(campaign.AddAdjustment(office, move), row.name); !s.ok()) return s;
  }
  core::RosterAdjustment delay;
  delay.entry_id = entry_of.at("新建年产150万只气体传感器生产线项目");
  delay.kind = core::AdjustmentKind::kChangeCommitment;
  delay.after_period = 6;
  delay.decided_on = core::Date(2022, 12, 5);
  delay.reason = "设备到货推迟，计划开工调整至2023年3月";
  delay.commitment.planned_start_date = core::Date(2023, 3, 31);
  if (auto s = Check(campaign.AddAdjustment(office, delay), "delay"); !s.ok()) return s;

  // 谋划储备: reserve projects not yet on any roster.
  const char* reserve[] = {"高新区智能网联汽车测试场项目", "中原算力中心二期项目", "郑州量子信息产业园项目", "高新区人才公寓（三期）"};
  const char* kinds[] = {"infrastructure", "industry", "industry", "livelihood"};
  for (int i = 0; i < 4; ++i) {
    core::Project p;
    p.name = reserve[i];
    p.industry = i == 3 ? "社会民生" : "数字经济";
    p.kind = *core::ParseProjectKind(kinds[i]);
    p.total_investment = (i + 2) * 500'000'000LL;
    p.lead_unit_id = frame->units.at(i % 2 ? "YQ" : "ZJJ");
    p.leader_id = frame->leaders[static_cast<size_t>(i % 3)];
    p.responsible_person = "谋划专班";
    PlaceInZone(p, 100 + i);
    if (auto s = Check(projects.Create(office, p), p.name); !s.ok()) return s;
  }
  return core::Status::Ok();
}

}  // namespace sanpi::demo
