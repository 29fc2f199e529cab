#pragma once
// The bulletin (通报段落): the seed report's paragraph on the campaign, generated in Chinese from a
// roster for any period and as-of date. Four paragraphs, as in the seed:
//
//   经前6期“三个一批”项目动态调整及转化后，高新区现有7期“三个一批”项目37个，总投资约465亿元。
//   “签约一批”项目6个，分别为A、B…，总投资166亿元。除第7期3个项目外，前6期项目全部履约。
//   “开工一批”项目24个，分别为…（第二期开工项目）、…（第五期签约开工项目）、…，总投资228.35亿元，
//     截至2022年底已开工14个，已投产4个。
//   “投产一批”项目7个，分别为…（第一期投产项目）、…，总投资70.4亿元，年度计划投资15.8亿元，
//     截至2022年底，已达效6个，达效率85.7%。
//
// Names are listed in roster order (roster.hpp LineBefore); in the start and production batches each
// group of lines from an earlier period, or converted from another batch, is followed by its origin
// "（第五期开工项目）" / "（第五期签约开工项目）". The sign batch carries no such notes: its next
// sentence gives the split between period N and earlier periods.
//
// Deliberate differences from the seed's text: full-width punctuation (，（）) where the seed's web
// copy has ASCII; "、" between every name (the seed once writes "及" before the last); "，总投资"
// after the production list (the seed has "。总投资", a slip); no reporter's "据了解,".
//
// Roundings: the overall total to three significant figures, 约 when that rounds (464.75亿 →
// 约465亿元; 37.52亿 → 约37.5亿元); batch totals and the year's plan to two decimals with trailing
// zeros dropped (166亿元, 70.4亿元, 228.35亿元), 约 only when that rounds; below 1亿 in 万元.
// Rates to one decimal (FormatRate); a clause whose rate has no denominator is left out.
#include <string>
#include <string_view>
#include <vector>

#include "core/campaign_statistics.hpp"
#include "core/project.hpp"
#include "core/roster.hpp"

namespace sanpi::core {

struct BulletinOptions {
  std::string zone_name = "高新区";
  // True for AdjustedRoster (the seed's "经…动态调整及转化后"); false for the roster as published,
  // which the first sentence then says.
  bool adjusted = true;
};

// "约465亿元", "166亿元", "5000万元": an amount as the bulletin writes it. `significant` > 0 rounds to
// that many significant figures (at most two decimals); 0 means two decimals.
std::string BulletinAmount(Yuan yuan, int significant = 0);
// "截至2022年底", "截至2023年3月底", "截至2023年1月28日".
std::string AsOfPhrase(const Date& as_of);

// `statistics` must have been computed from `roster` (same period and as-of date).
std::string GenerateBulletin(const CampaignStatistics& statistics, const std::vector<RosterLine>& roster,
                             const ProjectFactsIndex& projects, const BulletinOptions& options = {});
// Computes the statistics itself.
std::string GenerateBulletin(const std::vector<RosterLine>& roster, const ProjectFactsIndex& projects, int period,
                             const Date& as_of, const BulletinOptions& options = {});

}  // namespace sanpi::core
