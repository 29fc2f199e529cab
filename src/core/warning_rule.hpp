#pragma once
// 预警规则: the early-warning rules as data (domain.md "Early warning and supervision"). Every default rule of
// the table is a WarningRule with yellow/orange/red thresholds; a region replaces any of them with its own
// (RegionRuleSettings), and RuleSet is the validated result the evaluation reads.
//
// Thresholds are whole numbers in the rule's unit. Two directions exist:
//  - rising units (days, months, points below time progress): a level applies when the figure is AT LEAST its
//    threshold ("1+ days"), so yellow < orange < red;
//  - "% of time progress": a level applies when the figure is BELOW its threshold ("< 90 %"), so
//    yellow > orange > red.
// A missing threshold means the rule has no such level (入库 has no orange). Whole numbers keep "exactly at the
// threshold" exact: comparisons are done in integer yuan, never through floating point.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "core/status.hpp"
#include "core/text.hpp"

namespace sanpi::core {

// Ordered: a higher level is more serious. kNone is "no warning".
enum class WarningLevel { kNone = 0, kYellow = 1, kOrange = 2, kRed = 3 };
std::string_view WarningLevelCode(WarningLevel level);  // none, yellow, orange, red
Text WarningLevelLabel(WarningLevel level);              // 黄色/yellow …
std::optional<WarningLevel> ParseWarningLevel(std::string_view code);

// The seven default rules. Codes are stable: storage keys, API and rule settings use them.
enum class RuleKind {
  kInvestmentBehindSchedule,  // investment_behind_schedule 年度累计完成投资低于序时进度
  kNotInStatsDb,              // not_in_stats_db 开工未入库
  kMilestoneOverdue,          // milestone_overdue 节点逾期
  kReportLate,                // report_late 月报逾期未报
  kSignedNotStarted,          // signed_not_started 签约未开工
  kTaskOverdue,               // task_overdue 问题/任务逾期
  kProducingNotEffective,     // producing_not_effective 投产未达效
};
inline constexpr size_t kRuleCount = 7;
std::string_view RuleCode(RuleKind kind);
Text RuleName(RuleKind kind);
std::optional<RuleKind> ParseRuleCode(std::string_view code);
const std::array<RuleKind, kRuleCount>& AllRuleKinds();

enum class ThresholdUnit {
  kDays,                     // days
  kMonths,                   // months
  kPercentOfTimeProgress,    // percent_of_time_progress: year-to-date completed ÷ planned to date, in %
  kPointsBelowTimeProgress,  // points_below_time_progress: (planned − completed) to date ÷ annual plan, in points
};
std::string_view ThresholdUnitCode(ThresholdUnit unit);
std::optional<ThresholdUnit> ParseThresholdUnit(std::string_view code);
// True for the units where a smaller figure is worse (only % of time progress).
bool FallingUnit(ThresholdUnit unit);
// Which units a rule accepts: the investment rule takes either time-progress unit, the others their own.
bool UnitAllowed(RuleKind kind, ThresholdUnit unit);

inline constexpr int kMaxThresholdDays = 3650;
inline constexpr int kMaxThresholdMonths = 120;
inline constexpr int kDefaultFromMonth = 3;                   // 序时进度 is judged from March's figures on
inline constexpr Yuan kDefaultStatsDbMinimum = 5'000'000;     // 入库 applies to projects of 500万元 or more
inline constexpr int kDefaultSupervisionReplyDays = 5;        // 督办单 reply within 5 days
inline constexpr int kMaxSupervisionReplyDays = 90;

struct WarningRule {
  RuleKind kind = RuleKind::kInvestmentBehindSchedule;
  bool enabled = true;
  ThresholdUnit unit = ThresholdUnit::kDays;
  std::optional<int> yellow;
  std::optional<int> orange;
  std::optional<int> red;
  // investment_behind_schedule only: the first month (1–12) whose year-to-date figures are judged.
  int from_month = kDefaultFromMonth;
  // not_in_stats_db only: projects with a smaller total investment need not be 入库.
  Yuan min_total_investment = kDefaultStatsDbMinimum;

  std::optional<int> Threshold(WarningLevel level) const;
  bool operator==(const WarningRule&) const = default;
};

// The rule of domain.md's table for `kind`.
WarningRule DefaultRule(RuleKind kind);

// The level a figure in a rising unit (days, months) reaches: the highest level whose threshold ≤ value.
WarningLevel LevelForCount(const WarningRule& rule, std::int64_t value);
// The level of year-to-date investment, in the rule's unit; kNone when nothing was planned to date or
// the annual plan is zero (no time progress to be behind). Exact integer arithmetic.
WarningLevel LevelForInvestment(const WarningRule& rule, Yuan completed_to_date, Yuan planned_to_date,
                                Yuan planned_year);

// A region's settings as the office edits them: any rule it replaces (whole rules; the others keep their
// defaults) and the 督办单 reply deadline.
struct RegionRuleSettings {
  std::string region_code;
  std::vector<WarningRule> rules;
  int supervision_reply_days = kDefaultSupervisionReplyDays;
};

// Field errors for one rule, under `prefix` ("rules.report_late."): unit allowed for the rule, at least one
// level when enabled, thresholds positive and within bounds (percent and points 1–100), strictly ordered in
// the unit's direction, from_month 1–12, min_total_investment ≥ 0.
void CheckWarningRule(FieldErrors& errors, const WarningRule& rule, std::string_view prefix);

// Defaults plus a region's replacements, validated.
class RuleSet {
 public:
  // domain.md's table; reply deadline kDefaultSupervisionReplyDays.
  static RuleSet Defaults();
  // Invalid (400) listing every bad field ("rules.milestone_overdue.orange", "supervision_reply_days",
  // "rules.<code>" for a rule given twice) in both languages.
  static Result<RuleSet> ForRegion(const RegionRuleSettings& settings);

  const WarningRule& rule(RuleKind kind) const { return rules_[static_cast<size_t>(kind)]; }
  const std::array<WarningRule, kRuleCount>& rules() const { return rules_; }
  int supervision_reply_days() const { return supervision_reply_days_; }

 private:
  std::array<WarningRule, kRuleCount> rules_{};
  int supervision_reply_days_ = kDefaultSupervisionReplyDays;
};

}  // namespace sanpi::core
