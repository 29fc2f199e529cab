#include "core/bulletin.hpp"

#include <algorithm>

namespace sanpi::core {
namespace {

std::string Count(std::int64_t n) { return std::to_string(n) + "个"; }

// "第7期" / "前6期" (or "第1期" when only one period came before).
std::string EarlierPeriods(int period) {
  return period - 1 == 1 ? "第1期" : "前" + std::to_string(period - 1) + "期";
}

std::string StripZeros(std::string text) {
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string Names(const std::vector<const RosterLine*>& lines, const ProjectFactsIndex& projects, int period,
                  bool annotate) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const RosterLine& line = *lines[i];
    if (i > 0) out += "、";
    const ProjectFacts* project = projects.Find(line.project_id);
    out += project ? project->name : "（项目" + std::to_string(line.project_id) + "）";
    const bool last_of_group = i + 1 == lines.size() || lines[i + 1]->origin_period != line.origin_period ||
                               lines[i + 1]->origin_batch != line.origin_batch;
    const bool from_elsewhere = line.origin_period != period || line.Converted();
    if (annotate && last_of_group && from_elsewhere) {
      out += "（" + PeriodOrdinal(line.origin_period) + std::string(BatchVerb(line.origin_batch)) +
             (line.Converted() ? std::string(BatchVerb(line.batch)) : "") + "项目）";
    }
  }
  return out;
}

// "“开工一批”项目24个，分别为…" — the part every batch paragraph starts with.
std::string BatchOpening(Batch batch, std::int64_t count, Yuan total, const std::vector<const RosterLine*>& lines,
                         const ProjectFactsIndex& projects, int period) {
  std::string out = "“" + std::string(BatchName(batch)) + "”项目" + Count(count);
  if (count == 0) return out;
  out += count == 1 ? "，为" : "，分别为";
  out += Names(lines, projects, period, batch != Batch::kSign);
  out += "，总投资" + BulletinAmount(total);
  return out;
}

}  // namespace

std::string BulletinAmount(Yuan yuan, int significant) {
  const bool in_yi = yuan == 0 || yuan >= kYuanPerYi || yuan <= -kYuanPerYi;
  const Yuan unit = in_yi ? kYuanPerYi : kYuanPerWan;
  int decimals = 2;
  if (significant > 0) {
    int digits = 1;
    for (Yuan whole = (yuan < 0 ? -yuan : yuan) / unit; whole >= 10; whole /= 10) ++digits;
    decimals = std::clamp(significant - digits, 0, 2);
  }
  Yuan step = unit;
  for (int i = 0; i < decimals; ++i) step /= 10;
  std::string number = StripZeros(in_yi ? FormatYi(yuan, decimals) : FormatWan(yuan, decimals));
  return (yuan % step != 0 ? "约" : "") + number + (in_yi ? "亿元" : "万元");
}

std::string AsOfPhrase(const Date& as_of) {
  const bool month_end = as_of.AddDays(1).day() == 1;
  std::string year = std::to_string(as_of.year()) + "年";
  if (month_end && as_of.month() == 12) return "截至" + year + "底";
  std::string month = std::to_string(as_of.month()) + "月";
  if (month_end) return "截至" + year + month + "底";
  return "截至" + year + month + std::to_string(as_of.day()) + "日";
}

std::string GenerateBulletin(const CampaignStatistics& statistics, const std::vector<RosterLine>& roster,
                             const ProjectFactsIndex& projects, const BulletinOptions& options) {
  const int period = statistics.period;
  const RosterFigures& all = statistics.overall;
  const std::string as_of = AsOfPhrase(statistics.as_of);
  std::vector<const RosterLine*> sorted;
  sorted.reserve(roster.size());
  for (const RosterLine& line : roster)
    if (projects.Find(line.project_id)) sorted.push_back(&line);  // the figures skip unknown projects too
  auto before = [](const RosterLine* a, const RosterLine* b) { return LineBefore(*a, *b); };
  if (!std::is_sorted(sorted.begin(), sorted.end(), before)) std::sort(sorted.begin(), sorted.end(), before);  // roster.hpp sorts already
  auto of_batch = [&](Batch batch) {
    std::vector<const RosterLine*> lines;
    for (const RosterLine* line : sorted)
      if (line->batch == batch) lines.push_back(line);
    return lines;
  };

  std::string out;
  if (!options.adjusted) {
    out += "按各期首次公布的名单，" + options.zone_name + std::to_string(period) + "期“三个一批”项目共";
  } else if (period > 1) {
    out += "经" + EarlierPeriods(period) + "“三个一批”项目动态调整及转化后，" + options.zone_name + "现有" +
           std::to_string(period) + "期“三个一批”项目";
  } else {
    out += options.zone_name + "现有第1期“三个一批”项目";
  }
  out += Count(all.count);
  if (all.count > 0) out += "，总投资" + BulletinAmount(all.total_investment, 3);
  out += "。\n\n";

  const SignFigures& sign = all.sign;
  out += BatchOpening(Batch::kSign, sign.count, sign.total_investment, of_batch(Batch::kSign), projects, period) + "。";
  if (sign.earlier > 0) {
    if (sign.current > 0) out += "除第" + std::to_string(period) + "期" + Count(sign.current) + "项目外，";
    out += EarlierPeriods(period) + "项目";
    if (sign.earlier_fulfilled == sign.earlier) {
      out += "全部履约。";
    } else {
      out += Count(sign.earlier) + "，已履约" + Count(sign.earlier_fulfilled) + "，未履约" +
             Count(sign.earlier - sign.earlier_fulfilled) + "。";
    }
  }
  out += "\n\n";

  const StartFigures& start = all.start;
  out += BatchOpening(Batch::kStart, start.count, start.total_investment, of_batch(Batch::kStart), projects, period);
  if (start.count > 0) out += "，" + as_of + "已开工" + Count(start.started) + "，已投产" + Count(start.producing);
  out += "。\n\n";

  const ProductionFigures& production = all.production;
  out += BatchOpening(Batch::kProduction, production.count, production.total_investment,
                      of_batch(Batch::kProduction), projects, period);
  if (production.count > 0) {
    if (production.year_planned_investment > 0)
      out += "，年度计划投资" + BulletinAmount(production.year_planned_investment);
    out += "，" + as_of + "，已达效" + Count(production.effective);
    if (production.effect_rate.PerMille()) out += "，达效率" + FormatRate(production.effect_rate);
  }
  out += "。";
  return out;
}

std::string GenerateBulletin(const std::vector<RosterLine>& roster, const ProjectFactsIndex& projects, int period,
                             const Date& as_of, const BulletinOptions& options) {
  return GenerateBulletin(ComputeStatistics(roster, projects, period, as_of), roster, projects, options);
}

}  // namespace sanpi::core
