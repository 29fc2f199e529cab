#pragma once
// 预警判定: from the facts of one project and an as-of date, the conditions that are warnings today — which
// rule, which subject (the project, one milestone, one month's report, one problem or task), which level, the
// figure against the threshold, since when, and a message that explains itself in both languages.
//
// Shaped for the daily sweep over 100,000 projects: WarningFacts holds only what the rules read (storage fills
// it with a handful of narrow queries), evaluation is one pass over a project's facts with no lookups, and the
// caller reuses one output vector. Conditions are a snapshot; warning_lifecycle.hpp turns them into warnings.
//
// Common to every rule: a project withdrawn by `as_of` has no warnings (its open ones then close), and a fact
// dated after `as_of` has not happened yet (figures "as of", like everywhere in sanpi).
#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/investment_plan.hpp"
#include "core/money.hpp"
#include "core/monthly_report.hpp"
#include "core/project_stage.hpp"
#include "core/text.hpp"
#include "core/warning_rule.hpp"

namespace sanpi::core {

// What a condition is about, inside its project.
enum class SubjectKind { kProject, kMilestone, kReport, kProblem, kTask, kChecklistItem };
std::string_view SubjectKindCode(SubjectKind kind);  // project, milestone, report, problem, task, checklist_item
std::optional<SubjectKind> ParseSubjectKind(std::string_view code);

// One warning per key: the rule, the project and the subject within it. subject_id is the milestone, problem,
// task or checklist item id, year × 100 + month for a report (202503), 0 for the project itself.
struct ConditionKey {
  RuleKind rule = RuleKind::kInvestmentBehindSchedule;
  std::int64_t project_id = 0;
  SubjectKind subject = SubjectKind::kProject;
  std::int64_t subject_id = 0;

  auto operator<=>(const ConditionKey&) const = default;
  bool operator==(const ConditionKey&) const = default;
};
// "milestone_overdue/42/milestone/7": the unique text key storage indexes.
std::string ConditionKeyString(const ConditionKey& key);
std::optional<ConditionKey> ParseConditionKey(std::string_view text);
struct ConditionKeyHash {
  size_t operator()(const ConditionKey& key) const;
};

// 节点 as the milestone rule reads it.
struct MilestoneFact {
  std::int64_t id = 0;
  std::string name;
  std::optional<Date> planned;
  std::optional<Date> actual;
};

// A monthly report that exists, with its first submission (nullopt while still a draft).
struct FiledReport {
  int year = 0;
  unsigned month = 0;
  std::optional<Date> first_submitted;
};

// An open problem 问题, task 部署工作 or checklist item 清单事项 with its deadline.
struct DeadlineItem {
  SubjectKind kind = SubjectKind::kTask;  // kProblem, kTask or kChecklistItem
  std::int64_t id = 0;
  std::string title;
  Date deadline;
  std::optional<Date> done_on;      // resolved / completed on
  std::int64_t responsible_unit_id = 0;  // 0: the project's lead unit
};

// Everything the rules read about one project.
struct WarningFacts {
  std::int64_t project_id = 0;
  std::string project_name;
  std::int64_t lead_unit_id = 0;  // 牵头单位: addressee of warnings and supervision orders
  std::int64_t leader_id = 0;     // 包联领导: copied
  Yuan total_investment = 0;
  StageRecord progress;
  bool in_stats_db = false;
  std::optional<Date> in_stats_db_on;
  // The annual plan of `plan_year` month by month and the completions reported; plan_year 0 means none.
  int plan_year = 0;
  MonthlyAmounts planned{};
  MonthlyAmounts completed{};
  // Monthly reports are due for every month from (reports_from_year, reports_from_month) on; year 0: none
  // (typically the later of the start month and January of the campaign year). `reports` lists those that
  // exist, ascending by (year, month) — storage's ORDER BY; an unsorted list is sorted on a copy.
  int reports_from_year = 0;
  unsigned reports_from_month = 1;
  std::vector<FiledReport> reports;
  std::vector<MilestoneFact> milestones;
  std::vector<DeadlineItem> open_items;
};

struct WarningCondition {
  ConditionKey key;
  std::string project_name;
  std::int64_t responsible_unit_id = 0;  // the lead unit, or the unit a problem/task names
  std::int64_t leader_id = 0;
  WarningLevel level = WarningLevel::kNone;
  ThresholdUnit unit = ThresholdUnit::kDays;
  double figure = 0;   // in `unit`: days late, months elapsed, % of time progress or points below it
  int threshold = 0;   // the threshold of `level`
  Date since;          // the day the condition first counted as a warning (its lowest level's threshold)
  Date level_since;    // the day it reached `level`
  Text message;        // "年度累计完成投资为序时进度的62%，低于70%（橙色预警）…"
};

// The month whose year-to-date figures are current on `as_of`: the last month of `plan_year` whose report due
// date lies before `as_of` (the report for it must be in); 0 when none yet.
int FiguresMonth(int plan_year, Date as_of, unsigned report_due_day);

// Appends the conditions of one project to `out` (not cleared: the sweep reuses one vector). Order: investment,
// 入库, signed, producing, milestones, reports, items.
void EvaluateWarnings(const WarningFacts& facts, const RuleSet& rules, Date as_of, unsigned report_due_day,
                      std::vector<WarningCondition>& out);
std::vector<WarningCondition> EvaluateWarnings(const WarningFacts& facts, const RuleSet& rules, Date as_of,
                                               unsigned report_due_day = kDefaultReportDueDay);
// The daily sweep: every project's conditions, in input order.
std::vector<WarningCondition> SweepWarnings(std::span<const WarningFacts> facts, const RuleSet& rules, Date as_of,
                                            unsigned report_due_day = kDefaultReportDueDay);

// "62", "62.5": a figure as messages show it (one decimal at most).
std::string FormatFigure(double figure);

}  // namespace sanpi::core
