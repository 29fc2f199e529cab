#include "core/warning_rule.hpp"

#include <string>

namespace sanpi::core {
namespace {

constexpr std::array<WarningLevel, 3> kLevelsDescending{WarningLevel::kRed, WarningLevel::kOrange,
                                                        WarningLevel::kYellow};

int MaxThreshold(ThresholdUnit unit) {
  switch (unit) {
    case ThresholdUnit::kDays: return kMaxThresholdDays;
    case ThresholdUnit::kMonths: return kMaxThresholdMonths;
    case ThresholdUnit::kPercentOfTimeProgress:
    case ThresholdUnit::kPointsBelowTimeProgress: return 100;
  }
  return 0;
}

// Highest level whose test passes, kNone when none does or the rule is off.
template <class Reaches>
WarningLevel HighestLevel(const WarningRule& rule, Reaches reaches) {
  if (!rule.enabled) return WarningLevel::kNone;
  for (WarningLevel level : kLevelsDescending) {
    std::optional<int> threshold = rule.Threshold(level);
    if (threshold && reaches(*threshold)) return level;
  }
  return WarningLevel::kNone;
}

}  // namespace

std::string_view WarningLevelCode(WarningLevel level) {
  switch (level) {
    case WarningLevel::kNone: return "none";
    case WarningLevel::kYellow: return "yellow";
    case WarningLevel::kOrange: return "orange";
    case WarningLevel::kRed: return "red";
  }
  return "none";
}

Text WarningLevelLabel(WarningLevel level) {
  switch (level) {
    case WarningLevel::kNone: return {"无", "none"};
    case WarningLevel::kYellow: return {"黄色", "yellow"};
    case WarningLevel::kOrange: return {"橙色", "orange"};
    case WarningLevel::kRed: return {"红色", "red"};
  }
  return {};
}

std::optional<WarningLevel> ParseWarningLevel(std::string_view code) {
  for (WarningLevel level : {WarningLevel::kNone, WarningLevel::kYellow, WarningLevel::kOrange, WarningLevel::kRed})
    if (WarningLevelCode(level) == code) return level;
  return std::nullopt;
}

std::string_view RuleCode(RuleKind kind) {
  switch (kind) {
    case RuleKind::kInvestmentBehindSchedule: return "investment_behind_schedule";
    case RuleKind::kNotInStatsDb: return "not_in_stats_db";
    case RuleKind::kMilestoneOverdue: return "milestone_overdue";
    case RuleKind::kReportLate: return "report_late";
    case RuleKind::kSignedNotStarted: return "signed_not_started";
    case RuleKind::kTaskOverdue: return "task_overdue";
    case RuleKind::kProducingNotEffective: return "producing_not_effective";
  }
  return "";
}

Text RuleName(RuleKind kind) {
  switch (kind) {
    case RuleKind::kInvestmentBehindSchedule: return {"投资低于序时进度", "Investment behind time progress"};
    case RuleKind::kNotInStatsDb: return {"开工未入库", "Started but not in the statistics database"};
    case RuleKind::kMilestoneOverdue: return {"节点逾期", "Milestone overdue"};
    case RuleKind::kReportLate: return {"月报逾期未报", "Monthly report overdue"};
    case RuleKind::kSignedNotStarted: return {"签约未开工", "Signed but not started"};
    case RuleKind::kTaskOverdue: return {"问题/任务逾期", "Problem or task overdue"};
    case RuleKind::kProducingNotEffective: return {"投产未达效", "Producing but not effective"};
  }
  return {};
}

const std::array<RuleKind, kRuleCount>& AllRuleKinds() {
  static const std::array<RuleKind, kRuleCount> kinds{
      RuleKind::kInvestmentBehindSchedule, RuleKind::kNotInStatsDb,     RuleKind::kMilestoneOverdue,
      RuleKind::kReportLate,               RuleKind::kSignedNotStarted, RuleKind::kTaskOverdue,
      RuleKind::kProducingNotEffective};
  return kinds;
}

std::optional<RuleKind> ParseRuleCode(std::string_view code) {
  for (RuleKind kind : AllRuleKinds())
    if (RuleCode(kind) == code) return kind;
  return std::nullopt;
}

std::string_view ThresholdUnitCode(ThresholdUnit unit) {
  switch (unit) {
    case ThresholdUnit::kDays: return "days";
    case ThresholdUnit::kMonths: return "months";
    case ThresholdUnit::kPercentOfTimeProgress: return "percent_of_time_progress";
    case ThresholdUnit::kPointsBelowTimeProgress: return "points_below_time_progress";
  }
  return "";
}

std::optional<ThresholdUnit> ParseThresholdUnit(std::string_view code) {
  for (ThresholdUnit unit : {ThresholdUnit::kDays, ThresholdUnit::kMonths, ThresholdUnit::kPercentOfTimeProgress,
                             ThresholdUnit::kPointsBelowTimeProgress})
    if (ThresholdUnitCode(unit) == code) return unit;
  return std::nullopt;
}

bool FallingUnit(ThresholdUnit unit) { return unit == ThresholdUnit::kPercentOfTimeProgress; }

bool UnitAllowed(RuleKind kind, ThresholdUnit unit) {
  switch (kind) {
    case RuleKind::kInvestmentBehindSchedule:
      return unit == ThresholdUnit::kPercentOfTimeProgress || unit == ThresholdUnit::kPointsBelowTimeProgress;
    case RuleKind::kNotInStatsDb:
    case RuleKind::kSignedNotStarted:
    case RuleKind::kProducingNotEffective: return unit == ThresholdUnit::kMonths;
    case RuleKind::kMilestoneOverdue:
    case RuleKind::kReportLate:
    case RuleKind::kTaskOverdue: return unit == ThresholdUnit::kDays;
  }
  return false;
}

std::optional<int> WarningRule::Threshold(WarningLevel level) const {
  switch (level) {
    case WarningLevel::kYellow: return yellow;
    case WarningLevel::kOrange: return orange;
    case WarningLevel::kRed: return red;
    case WarningLevel::kNone: break;
  }
  return std::nullopt;
}

WarningRule DefaultRule(RuleKind kind) {
  WarningRule rule;
  rule.kind = kind;
  auto set = [&](ThresholdUnit unit, std::optional<int> yellow, std::optional<int> orange, std::optional<int> red) {
    rule.unit = unit;
    rule.yellow = yellow;
    rule.orange = orange;
    rule.red = red;
  };
  switch (kind) {
    case RuleKind::kInvestmentBehindSchedule: set(ThresholdUnit::kPercentOfTimeProgress, 90, 70, 50); break;
    case RuleKind::kNotInStatsDb: set(ThresholdUnit::kMonths, 1, std::nullopt, 2); break;
    case RuleKind::kMilestoneOverdue: set(ThresholdUnit::kDays, 1, 15, 30); break;
    case RuleKind::kReportLate: set(ThresholdUnit::kDays, 1, 3, 5); break;
    case RuleKind::kSignedNotStarted: set(ThresholdUnit::kMonths, 6, 9, 12); break;
    case RuleKind::kTaskOverdue: set(ThresholdUnit::kDays, 1, 7, 15); break;
    case RuleKind::kProducingNotEffective: set(ThresholdUnit::kMonths, 12, 18, 24); break;
  }
  return rule;
}

WarningLevel LevelForCount(const WarningRule& rule, std::int64_t value) {
  return HighestLevel(rule, [&](int threshold) { return value >= threshold; });
}

WarningLevel LevelForInvestment(const WarningRule& rule, Yuan completed_to_date, Yuan planned_to_date,
                                Yuan planned_year) {
  if (planned_to_date <= 0 || planned_year <= 0) return WarningLevel::kNone;
  if (rule.unit == ThresholdUnit::kPointsBelowTimeProgress) {
    // (planned − completed) ÷ annual × 100 ≥ threshold points, cross-multiplied.
    return HighestLevel(rule, [&](int threshold) {
      return (planned_to_date - completed_to_date) * 100 >= static_cast<Yuan>(threshold) * planned_year;
    });
  }
  // completed ÷ planned to date × 100 < threshold %, cross-multiplied.
  return HighestLevel(rule, [&](int threshold) {
    return completed_to_date * 100 < static_cast<Yuan>(threshold) * planned_to_date;
  });
}

void CheckWarningRule(FieldErrors& errors, const WarningRule& rule, std::string_view prefix) {
  const std::string base(prefix);
  if (!UnitAllowed(rule.kind, rule.unit)) {
    errors.Add(base + "unit", {"该规则不支持此计量方式", "This rule does not take that unit"});
    return;  // bounds and order depend on the unit
  }
  const int max = MaxThreshold(rule.unit);
  std::optional<int> previous;
  WarningLevel previous_level = WarningLevel::kNone;
  bool any = false;
  for (WarningLevel level : {WarningLevel::kYellow, WarningLevel::kOrange, WarningLevel::kRed}) {
    std::optional<int> threshold = rule.Threshold(level);
    if (!threshold) continue;
    any = true;
    const std::string field = base + std::string(WarningLevelCode(level));
    if (*threshold < 1 || *threshold > max) {
      errors.Add(field, {"阈值应在1至" + std::to_string(max) + "之间",
                         "The threshold must be between 1 and " + std::to_string(max)});
      continue;
    }
    if (previous) {
      bool ordered = FallingUnit(rule.unit) ? *threshold < *previous : *threshold > *previous;
      if (!ordered) {
        const Text before = WarningLevelLabel(previous_level);
        errors.Add(field, FallingUnit(rule.unit)
                              ? Text{"阈值应低于" + before.zh + "阈值", "Must be below the " + before.en + " threshold"}
                              : Text{"阈值应高于" + before.zh + "阈值", "Must be above the " + before.en + " threshold"});
      }
    }
    previous = threshold;
    previous_level = level;
  }
  if (rule.enabled && !any)
    errors.Add(base + "yellow", {"启用的规则至少需要一个预警等级", "An enabled rule needs at least one level"});
  if (rule.kind == RuleKind::kInvestmentBehindSchedule && (rule.from_month < 1 || rule.from_month > 12))
    errors.Add(base + "from_month", {"起始月份应在1至12之间", "The first month must be 1 to 12"});
  if (rule.kind == RuleKind::kNotInStatsDb && rule.min_total_investment < 0)
    errors.Add(base + "min_total_investment", {"投资额下限不能为负数", "The minimum investment cannot be negative"});
}

RuleSet RuleSet::Defaults() {
  RuleSet set;
  for (RuleKind kind : AllRuleKinds()) set.rules_[static_cast<size_t>(kind)] = DefaultRule(kind);
  return set;
}

Result<RuleSet> RuleSet::ForRegion(const RegionRuleSettings& settings) {
  RuleSet set = Defaults();
  FieldErrors errors;
  std::array<bool, kRuleCount> seen{};
  for (const WarningRule& rule : settings.rules) {
    const std::string prefix = "rules." + std::string(RuleCode(rule.kind)) + ".";
    const size_t index = static_cast<size_t>(rule.kind);
    if (seen[index]) {
      errors.Add(prefix.substr(0, prefix.size() - 1), {"同一规则重复设置", "The rule is given twice"});
      continue;
    }
    seen[index] = true;
    CheckWarningRule(errors, rule, prefix);
    set.rules_[index] = rule;
  }
  if (settings.supervision_reply_days < 1 || settings.supervision_reply_days > kMaxSupervisionReplyDays)
    errors.Add("supervision_reply_days",
               {"督办回复期限应在1至" + std::to_string(kMaxSupervisionReplyDays) + "天之间",
                "The reply deadline must be 1 to " + std::to_string(kMaxSupervisionReplyDays) + " days"});
  set.supervision_reply_days_ = settings.supervision_reply_days;
  if (!errors.empty()) return errors.ToStatus();
  return set;
}

}  // namespace sanpi::core
