#pragma once
// The seed report's campaign (shared/seed/000_fc5a1628770a1cd4.txt): Zhengzhou High-tech Zone's
// roster in force at period 7 (2023-01-28), 37 projects, as the report gives it:
//   签约一批 6, 总投资166亿元, 3 of them from period 7, the 3 earlier ones all fulfilled;
//   开工一批 24, 总投资228.35亿元, at the end of 2022 14 started and 4 producing;
//   投产一批 7, 总投资70.4亿元, 年度计划投资15.8亿元, 6 effective (85.7%);
//   overall 464.75亿元 (约465亿元).
// Names and groups ("(第五期签约开工项目)" …) are the report's. The report prints the production
// list as six names, one of them two run together ("重塑科技郑州燃料电池有限公司年产1500万双皮鞋
// 深加工项目(一期)"); with that split the list has the seven projects it counts, so it is split here
// and the first half completed as "重塑科技郑州燃料电池有限公司项目". Parentheses are full-width, as
// a ledger would enter them.
//
// Invented where the report says nothing: period dates other than 2023-01-28; every amount per
// project (chosen to keep the report's totals); all stage dates (chosen to give its counts); which
// sign projects are period 7's; units, leaders and industries; and, to exercise the original view,
// one period-3 sign project that withdrew and a period-6 start project whose planned start moved.
// Two dates sit on edges on purpose: 中南大学… became effective on 2022-12-31 itself, and the
// 中国联通 data centre started on the day of period 7.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/date.hpp"
#include "core/project.hpp"

namespace sanpi::core::seed {

struct SeedCampaign {
  std::vector<Period> periods;
  std::vector<Project> projects;
  std::vector<RosterEntry> entries;
  std::vector<RosterAdjustment> adjustments;
};

inline constexpr int kPeriod = 7;
inline const Date kPeriod7Day{2023, 1, 28};
inline const Date kEndOf2022{2022, 12, 31};
inline const Date kToday{2023, 1, 31};  // "today" for validating the fixture's actual dates
inline constexpr std::int64_t kFirstProjectId = 1001;

namespace detail {

inline std::optional<Date> D(const char* text) {
  if (!text) return std::nullopt;
  return Date::Parse(text);
}

struct Row {
  const char* name;
  int period;
  Batch batch;
  std::int64_t wan;  // 总投资, 万元
  const char* industry;
  std::int64_t unit;
  std::int64_t leader;
  const char* signed_on;
  const char* fulfilled_on;
  const char* started_on;
  const char* producing_on;
  const char* effective_on;
  const char* commitment_on;     // sign date / planned start / planned production, by batch
  std::int64_t year_plan_wan;    // 年度计划投资, 万元
};

constexpr Batch S = Batch::kSign, K = Batch::kStart, P = Batch::kProduction;
constexpr const char* _ = nullptr;

// Index + 1 is the entry id; kFirstProjectId + index the project id.
inline const std::vector<Row>& Rows() {
  static const std::vector<Row> rows{
      // 签约一批 (6, 166亿元)
      {"北斗产业园孵化基地项目", 4, S, 300000, "数字经济", 11, 21, "2022-04-28", "2022-08-15", _, _, _, "2022-04-28", 0},
      {"优必选人工智能自主创新基地项目", 5, S, 200000, "人工智能", 12, 22, "2022-06-29", "2022-10-20", _, _, _, "2022-06-29", 0},
      {"深圳雄韬电源科技股份有限公司氢燃料电池全国总部项目", 6, S, 350000, "新能源", 13, 21, "2022-09-28", "2022-12-20", _, _, _, "2022-09-28", 0},
      {"天集产城人工智能基地项目", 7, S, 260000, "人工智能", 11, 22, "2023-01-28", _, _, _, _, "2023-01-28", 0},
      {"高新国际企业港项目", 7, S, 400000, "现代服务业", 12, 23, "2023-01-28", _, _, _, _, "2023-01-28", 0},
      {"肿瘤检测体外诊断试剂及仪器研发生产项目", 7, S, 150000, "生物医药", 14, 23, "2023-01-28", _, _, _, _, "2023-01-28", 0},
      // Withdrawn after period 3: on the original roster only (invented).
      {"新能源汽车热管理系统生产基地项目", 3, S, 120000, "新能源", 13, 21, "2022-03-29", _, _, _, _, "2022-03-29", 0},
      // 开工一批 (24, 228.35亿元)
      {"创新科区域总部基地及大数据中心项目", 2, K, 120000, "数字经济", 11, 21, _, _, "2021-12-28", "2022-11-30", _, "2021-12-28", 0},
      {"安徽爱组牧铝业有限公司研发生产基地项目", 4, K, 85000, "新材料", 13, 22, _, _, "2022-05-10", "2022-12-15", _, "2022-05-10", 0},
      {"河南盛鼎建筑科技产业园（一期）", 5, K, 68000, "建筑科技", 14, 23, _, _, "2022-06-25", _, _, "2022-06-30", 0},
      {"郑州机械研究所有限公司高端装备制造产业园项目", 5, K, 150000, "装备制造", 13, 21, _, _, "2022-07-14", _, _, "2022-07-15", 0},
      {"新开普智慧教育研发产业基地项目", 5, K, 102000, "数字经济", 13, 22, _, _, "2022-07-14", _, _, "2022-07-15", 0},
      // Period 5 sign batch, converted to the start batch after period 5.
      {"云杰新材料智能传感产品生产生产基地项目", 5, S, 56000, "智能传感器", 12, 21, "2022-06-29", "2022-08-10", "2022-09-05", "2022-12-28", _, "2022-06-29", 0},
      {"台湾茂丞总部项目", 5, S, 120000, "智能传感器", 12, 22, "2022-06-29", "2022-07-20", "2022-08-18", "2022-12-20", _, "2022-06-29", 0},
      {"生物智能装置研发及产业化基地项目", 5, S, 65000, "生物医药", 14, 23, "2022-06-29", "2022-08-01", "2022-09-15", _, _, "2022-06-29", 0},
      {"航天宏图信息技术股份有限公司中原智慧地球数据工厂项目", 5, S, 100000, "数字经济", 11, 21, "2022-06-29", "2022-08-20", "2022-09-26", _, _, "2022-06-29", 0},
      {"艾格莱德汽车传感及控制器研发生产基地项目", 5, S, 73000, "智能传感器", 12, 22, "2022-06-29", "2022-08-25", "2022-09-20", _, _, "2022-06-29", 0},
      {"郑州高新区核心板块中部智慧港项目（一期）", 6, K, 200000, "现代服务业", 11, 23, _, _, "2022-10-18", _, _, "2022-10-15", 0},
      {"英维克中部地区研发生产基地项目（二期）", 6, K, 50000, "装备制造", 13, 22, _, _, "2022-10-28", _, _, "2022-10-31", 0},
      {"河南省智能传感器MEMS中试平台（一期）", 6, K, 45000, "智能传感器", 12, 21, _, _, "2022-11-08", _, _, "2022-11-15", 0},
      {"新建年产150万只气体传感器生产线项目", 6, K, 32000, "智能传感器", 12, 22, _, _, _, _, _, "2022-11-30", 0},
      {"格力智慧物流中心项目", 6, K, 125000, "现代物流", 14, 23, _, _, "2022-11-20", _, _, "2022-11-30", 0},
      {"中国联通河南郑州数据中心（中原基地）三期土建工程项目", 7, K, 180000, "数字经济", 11, 21, _, _, "2023-01-28", _, _, "2023-01-28", 0},
      {"基于物联网的柔性智能焊接共享车间技术研究与产业化项目", 7, K, 28000, "装备制造", 13, 22, _, _, _, _, _, "2023-03-31", 0},
      {"珠海艾派克微电子有限公司极海微电子郑州研发中心项目", 7, K, 60000, "集成电路", 12, 23, _, _, _, _, _, "2023-03-31", 0},
      {"郑州清智机器人创新中心项目", 7, K, 35000, "人工智能", 12, 21, _, _, _, _, _, "2023-02-28", 0},
      {"中建西部建设绿色建材研发中心项目", 7, K, 40000, "新材料", 14, 22, _, _, _, _, _, "2023-03-15", 0},
      {"继元物联科技总部项目", 7, K, 55000, "数字经济", 11, 23, _, _, _, _, _, "2023-02-28", 0},
      {"郑州天健湖生命健康科技园（西区）项目", 7, K, 250000, "生物医药", 14, 21, _, _, _, _, _, "2023-02-15", 0},
      {"郑州第三电缆有限公司电缆智能制造项目", 7, K, 80000, "装备制造", 13, 22, _, _, _, _, _, "2023-03-31", 0},
      {"河南省农用微生物创新中心项目", 7, K, 164500, "生物医药", 14, 23, _, _, _, _, _, "2023-03-31", 0},
      // 投产一批 (7, 70.4亿元, 年度计划投资15.8亿元)
      {"智慧产业园二期项目", 1, P, 150000, "数字经济", 11, 21, _, _, "2020-08-01", "2021-10-15", "2022-06-30", "2021-10-15", 30000},
      {"河南省大学科技园东区（三期）", 3, P, 120000, "现代服务业", 11, 22, _, _, "2020-06-01", "2022-03-20", "2022-12-20", "2022-03-31", 25000},
      {"深圳智微智能物联网终端产品研发生产基地项目", 3, P, 80000, "电子信息", 12, 23, _, _, "2021-03-01", "2022-03-29", "2022-11-30", "2022-03-31", 18000},
      {"上海电气新能源示范应用项目", 3, P, 64000, "新能源", 13, 21, _, _, "2021-05-10", "2022-03-29", "2022-10-31", "2022-03-31", 12000},
      {"中南大学粉末冶金国家工程研究中心联合研发中心暨钻石长晶设备制造和产业化项目", 5, P, 100000, "新材料", 13, 22, _, _, "2021-07-01", "2022-06-29", "2022-12-31", "2022-06-30", 26000},
      {"重塑科技郑州燃料电池有限公司项目", 5, P, 110000, "新能源", 12, 23, _, _, "2021-06-15", "2022-06-29", "2022-12-28", "2022-06-30", 29000},
      {"年产1500万双皮鞋深加工项目（一期）", 5, P, 80000, "轻工制造", 14, 21, _, _, "2021-09-01", "2022-06-29", _, "2022-06-30", 18000},
  };
  return rows;
}

inline std::int64_t EntryIdOf(const std::string& name) {
  const auto& rows = Rows();
  for (size_t i = 0; i < rows.size(); ++i)
    if (name == rows[i].name) return static_cast<std::int64_t>(i) + 1;
  return 0;
}

}  // namespace detail

inline std::int64_t ProjectIdOf(const std::string& name) {
  return detail::EntryIdOf(name) + kFirstProjectId - 1;
}

inline SeedCampaign BuildSeedCampaign() {
  using detail::D;
  SeedCampaign seed;
  const char* held[] = {"2021-09-28", "2021-12-28", "2022-03-29", "2022-04-28", "2022-06-29", "2022-09-28", "2023-01-28"};
  for (int number = 1; number <= kPeriod; ++number) {
    seed.periods.push_back({number, "410173", number, PeriodOrdinal(number) + "“三个一批”项目建设活动",
                            *Date::Parse(held[number - 1]), 0});
  }
  const auto& rows = detail::Rows();
  for (size_t i = 0; i < rows.size(); ++i) {
    const detail::Row& row = rows[i];
    Project project;
    project.id = kFirstProjectId + static_cast<std::int64_t>(i);
    project.region_code = "410173";
    project.name = row.name;
    project.enterprise_id = 5001 + static_cast<std::int64_t>(i);
    project.industry = row.industry;
    project.kind = ProjectKind::kIndustry;
    project.total_investment = row.wan * kYuanPerWan;
    project.leader_id = row.leader;
    project.lead_unit_id = row.unit;
    project.responsible_person = "项目负责人";
    StageRecord& progress = project.progress;
    progress.signed_on = D(row.signed_on);
    progress.fulfilled_on = D(row.fulfilled_on);
    progress.started_on = D(row.started_on);
    progress.producing_on = D(row.producing_on);
    progress.effective_on = D(row.effective_on);
    progress.stage = progress.effective_on   ? Stage::kEffective
                     : progress.producing_on ? Stage::kProducing
                     : progress.started_on   ? Stage::kStarted
                     : progress.signed_on    ? Stage::kSigned
                                             : Stage::kReserve;
    seed.projects.push_back(project);

    RosterEntry entry;
    entry.id = static_cast<std::int64_t>(i) + 1;
    entry.period = row.period;
    entry.project_id = project.id;
    entry.batch = row.batch;
    entry.sequence = static_cast<int>(i) + 1;
    if (row.batch == Batch::kSign) entry.commitment.sign_date = D(row.commitment_on);
    if (row.batch == Batch::kStart) entry.commitment.planned_start_date = D(row.commitment_on);
    if (row.batch == Batch::kProduction) {
      entry.commitment.planned_production_date = D(row.commitment_on);
      entry.commitment.year_planned_investment = row.year_plan_wan * kYuanPerWan;
      entry.commitment.plan_year = 2022;
    }
    seed.entries.push_back(entry);
  }

  // The withdrawn period-3 project.
  Project& gone = seed.projects[static_cast<size_t>(detail::EntryIdOf("新能源汽车热管理系统生产基地项目") - 1)];
  gone.progress.stage = Stage::kWithdrawn;
  gone.progress.withdrawn_on = Date(2022, 5, 20);
  gone.progress.withdrawal_reason = "企业调整投资计划，项目终止";

  std::int64_t next_id = 1;
  RosterAdjustment withdraw;
  withdraw.id = next_id++;
  withdraw.entry_id = detail::EntryIdOf("新能源汽车热管理系统生产基地项目");
  withdraw.kind = AdjustmentKind::kWithdraw;
  withdraw.after_period = 3;
  withdraw.decided_on = Date(2022, 5, 25);
  withdraw.reason = "企业调整投资计划，项目终止";
  seed.adjustments.push_back(withdraw);

  // 第五期签约开工项目: signed at period 5, started, converted after period 5.
  for (const char* name : {"云杰新材料智能传感产品生产生产基地项目", "台湾茂丞总部项目", "生物智能装置研发及产业化基地项目",
                           "航天宏图信息技术股份有限公司中原智慧地球数据工厂项目", "艾格莱德汽车传感及控制器研发生产基地项目"}) {
    const auto& row = detail::Rows()[static_cast<size_t>(detail::EntryIdOf(name) - 1)];
    RosterAdjustment move;
    move.id = next_id++;
    move.entry_id = detail::EntryIdOf(name);
    move.kind = AdjustmentKind::kMove;
    move.after_period = 5;
    move.decided_on = Date(2022, 9, 26);
    move.reason = "签约项目已开工，转入开工一批";
    move.to_batch = Batch::kStart;
    move.commitment.sign_date = D(row.signed_on);
    move.commitment.planned_start_date = D(row.started_on);
    seed.adjustments.push_back(move);
  }

  // A delayed start: the commitment changes, the published one stays on the entry.
  RosterAdjustment delay;
  delay.id = next_id++;
  delay.entry_id = detail::EntryIdOf("新建年产150万只气体传感器生产线项目");
  delay.kind = AdjustmentKind::kChangeCommitment;
  delay.after_period = 6;
  delay.decided_on = Date(2022, 12, 5);
  delay.reason = "设备到货推迟，计划开工调整至2023年3月";
  delay.commitment.planned_start_date = Date(2023, 3, 31);
  seed.adjustments.push_back(delay);
  return seed;
}

inline std::vector<ProjectFacts> SeedFacts(const SeedCampaign& seed) {
  std::vector<ProjectFacts> facts;
  for (const Project& project : seed.projects) facts.push_back(FactsOf(project));
  return facts;
}

}  // namespace sanpi::core::seed
