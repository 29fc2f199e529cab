#include "core/warning_evaluation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>

namespace sanpi::core {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames{"January", "February", "March",     "April",
                                                       "May",     "June",     "July",      "August",
                                                       "September", "October", "November", "December"};

// A piece of a message: text, a whole number or a date, formatted without printf or a temporary string.
class Piece {
 public:
  Piece(std::string_view text) : text_(text) {}  // NOLINT: implicit so that Cat({...}) reads like a sentence
  Piece(const std::string& text) : text_(text) {}  // NOLINT
  Piece(const char* text) : text_(text) {}  // NOLINT
  Piece(std::int64_t number) { size_ = static_cast<size_t>(std::to_chars(buffer_, buffer_ + sizeof buffer_, number).ptr - buffer_); }  // NOLINT
  Piece(int number) : Piece(static_cast<std::int64_t>(number)) {}  // NOLINT
  Piece(unsigned number) : Piece(static_cast<std::int64_t>(number)) {}  // NOLINT
  Piece(const Date& date) {  // NOLINT: YYYY-MM-DD
    auto two = [&](size_t at, unsigned value) {
      buffer_[at] = static_cast<char>('0' + value / 10);
      buffer_[at + 1] = static_cast<char>('0' + value % 10);
    };
    const int year = date.year();
    two(0, static_cast<unsigned>(year / 100 % 100));
    two(2, static_cast<unsigned>(year % 100));
    buffer_[4] = '-';
    two(5, date.month());
    buffer_[7] = '-';
    two(8, date.day());
    size_ = 10;
  }
  std::string_view view() const { return size_ ? std::string_view(buffer_, size_) : text_; }

 private:
  std::string_view text_;
  char buffer_[24];
  size_t size_ = 0;
};

// The pieces joined in one allocation: the sweep builds hundreds of thousands of messages.
std::string Cat(std::initializer_list<Piece> pieces) {
  size_t size = 0;
  for (const Piece& piece : pieces) size += piece.view().size();
  std::string out;
  out.reserve(size);
  for (const Piece& piece : pieces) out.append(piece.view());
  return out;
}

std::string_view LevelZh(WarningLevel level) {
  switch (level) {
    case WarningLevel::kYellow: return "（黄色预警）";
    case WarningLevel::kOrange: return "（橙色预警）";
    case WarningLevel::kRed: return "（红色预警）";
    case WarningLevel::kNone: break;
  }
  return "";
}

std::string_view LevelEn(WarningLevel level) {
  switch (level) {
    case WarningLevel::kYellow: return " (yellow)";
    case WarningLevel::kOrange: return " (orange)";
    case WarningLevel::kRed: return " (red)";
    case WarningLevel::kNone: break;
  }
  return "";
}

// The lowest level the rule defines: the condition "begins" when its threshold is reached.
std::optional<int> FirstThreshold(const WarningRule& rule) {
  if (rule.yellow) return rule.yellow;
  if (rule.orange) return rule.orange;
  return rule.red;
}

// Largest n with from + n months ≤ to (AddMonths clamps, so Jan 31 + 1 month = Feb 28 counts as a month).
int WholeMonths(Date from, Date to) {
  if (to < from) return 0;
  int months = std::max(0, MonthsBetween(from, to) - 1);
  while (from.AddMonths(months + 1) <= to) ++months;
  return months;
}

// Shared shape of the day- and month-counting rules.
struct CountedCondition {
  const WarningRule* rule;
  ConditionKey key;
  std::int64_t unit_id;
  std::int64_t count;  // days or whole months elapsed since `from`
  Date from;           // deadline, planned date, due date, start date …
};

class Evaluator {
 public:
  Evaluator(const WarningFacts& facts, const RuleSet& rules, Date as_of, unsigned due_day,
            std::vector<WarningCondition>& out)
      : facts_(facts), rules_(rules), as_of_(as_of), today_(as_of.DaysSinceEpoch()), due_day_(due_day), out_(out) {}

  void Run() {
    if (StageAsOf(facts_.progress, as_of_) == Stage::kWithdrawn) return;
    Investment();
    StageMonths(RuleKind::kNotInStatsDb, Stage::kStarted, facts_.progress.started_on, NotInStatsDb());
    StageMonths(RuleKind::kSignedNotStarted, Stage::kSigned, facts_.progress.signed_on,
                !ReachedBy(facts_.progress, Stage::kStarted, as_of_));
    StageMonths(RuleKind::kProducingNotEffective, Stage::kProducing, facts_.progress.producing_on,
                !ReachedBy(facts_.progress, Stage::kEffective, as_of_));
    Milestones();
    Reports();
    Items();
  }

 private:
  WarningCondition& Emit(const ConditionKey& key, std::int64_t unit_id, WarningLevel level, const WarningRule& rule) {
    WarningCondition& condition = out_.emplace_back();
    condition.key = key;
    condition.project_name = facts_.project_name;
    condition.responsible_unit_id = unit_id != 0 ? unit_id : facts_.lead_unit_id;
    condition.leader_id = facts_.leader_id;
    condition.level = level;
    condition.unit = rule.unit;
    condition.threshold = rule.Threshold(level).value_or(0);
    return condition;
  }

  ConditionKey Key(RuleKind rule, SubjectKind subject = SubjectKind::kProject, std::int64_t id = 0) const {
    return {rule, facts_.project_id, subject, id};
  }

  // Emits a counted condition if it reaches a level; returns it for the message, or nullptr.
  WarningCondition* Counted(const CountedCondition& c) {
    WarningLevel level = LevelForCount(*c.rule, c.count);
    if (level == WarningLevel::kNone) return nullptr;
    WarningCondition& condition = Emit(c.key, c.unit_id, level, *c.rule);
    condition.figure = static_cast<double>(c.count);
    const bool months = c.rule->unit == ThresholdUnit::kMonths;
    auto after = [&](int threshold) { return months ? c.from.AddMonths(threshold) : c.from.AddDays(threshold); };
    condition.since = after(*FirstThreshold(*c.rule));
    condition.level_since = after(condition.threshold);
    return &condition;
  }

  // "<head>，已逾期20天，达到15天（橙色预警）": every day-counting message ends the same way.
  static Text DaysMessage(const WarningCondition& c, std::initializer_list<Piece> zh_head,
                          std::initializer_list<Piece> en_head) {
    const std::string zh = Cat(zh_head), en = Cat(en_head);
    const auto days = static_cast<std::int64_t>(c.figure);
    return {Cat({zh, "，已逾期", days, "天，达到", c.threshold, "天", LevelZh(c.level)}),
            Cat({en, ", ", days, " days overdue, at or past ", c.threshold, " days", LevelEn(c.level)})};
  }

  void Investment() {
    const WarningRule& rule = rules_.rule(RuleKind::kInvestmentBehindSchedule);
    if (!rule.enabled || facts_.plan_year == 0) return;
    const int month = FiguresMonth(facts_.plan_year, as_of_, due_day_);
    if (month < rule.from_month) return;
    Yuan planned_year = 0, planned = 0, completed = 0;
    for (int m = 0; m < kMonthsPerYear; ++m) {
      planned_year += facts_.planned[m];
      if (m < month) {
        planned += facts_.planned[m];
        completed += facts_.completed[m];
      }
    }
    WarningLevel level = LevelForInvestment(rule, completed, planned, planned_year);
    if (level == WarningLevel::kNone) return;
    WarningCondition& c = Emit(Key(RuleKind::kInvestmentBehindSchedule), 0, level, rule);
    c.since = ReportDueDate(facts_.plan_year, static_cast<unsigned>(month), due_day_).AddDays(1);
    c.level_since = c.since;
    const std::string_view month_en = kMonthNames[month - 1];
    const std::string done_wan = FormatWan(completed);
    if (rule.unit == ThresholdUnit::kPointsBelowTimeProgress) {
      c.figure = static_cast<double>(planned - completed) * 100.0 / static_cast<double>(planned_year);
      const std::string time = FormatFigure(static_cast<double>(planned) * 100.0 / planned_year);
      const std::string done = FormatFigure(static_cast<double>(completed) * 100.0 / planned_year);
      const std::string figure = FormatFigure(c.figure);
      c.message = {Cat({"截至", month, "月年度累计完成投资", done_wan, "万元，完成年度计划的", done, "%，落后序时进度（",
                        time, "%）", figure, "个百分点，达到", c.threshold, "个百分点", LevelZh(level)}),
                   Cat({"Investment to ", month_en, " ", facts_.plan_year, " is ", done_wan, " 万元, ", done,
                        "% of the annual plan, ", figure, " points behind time progress (", time, "%), at or past ",
                        c.threshold, " points", LevelEn(level)})};
      return;
    }
    c.figure = static_cast<double>(completed) * 100.0 / static_cast<double>(planned);
    const std::string figure = FormatFigure(c.figure), planned_wan = FormatWan(planned);
    c.message = {Cat({"截至", month, "月年度累计完成投资", done_wan, "万元，为序时进度（计划", planned_wan, "万元）的",
                      figure, "%，低于", c.threshold, "%", LevelZh(level)}),
                 Cat({"Investment to ", month_en, " ", facts_.plan_year, " is ", done_wan, " 万元, ", figure,
                      "% of time progress (plan ", planned_wan, " 万元), below ", c.threshold, "%", LevelEn(level)})};
  }

  bool NotInStatsDb() const {
    const WarningRule& rule = rules_.rule(RuleKind::kNotInStatsDb);
    if (facts_.total_investment < rule.min_total_investment) return false;
    return !(facts_.in_stats_db && (!facts_.in_stats_db_on || *facts_.in_stats_db_on <= as_of_));
  }

  // The month-counting rules: `stage` reached on `from`, and `applies` says the next step is still missing.
  void StageMonths(RuleKind kind, Stage stage, const std::optional<Date>& from, bool applies) {
    const WarningRule& rule = rules_.rule(kind);
    if (!rule.enabled || !applies || !from || !ReachedBy(facts_.progress, stage, as_of_)) return;
    WarningCondition* c = Counted({&rule, Key(kind), 0, WholeMonths(*from, as_of_), *from});
    if (!c) return;
    const Piece date(*from);
    const auto months = static_cast<std::int64_t>(c->figure);
    const std::string_view zh = LevelZh(c->level), en = LevelEn(c->level);
    switch (kind) {
      case RuleKind::kNotInStatsDb: {
        const std::string total = FormatWan(facts_.total_investment);
        c->message = {Cat({"项目已于", date, "开工（总投资", total, "万元），", months, "个月仍未入库，达到", c->threshold,
                           "个月", zh}),
                      Cat({"Started on ", date, " (total investment ", total,
                           " 万元) and not in the statistics database after ", months, " months, at or past ",
                           c->threshold, en})};
        break;
      }
      case RuleKind::kSignedNotStarted:
        c->message = {Cat({"项目于", date, "签约，", months, "个月仍未开工，达到", c->threshold, "个月", zh}),
                      Cat({"Signed on ", date, " and not started after ", months, " months, at or past ", c->threshold,
                           en})};
        break;
      default:
        c->message = {Cat({"项目于", date, "投产，", months, "个月仍未达效，达到", c->threshold, "个月", zh}),
                      Cat({"Producing since ", date, " and not at designed effect after ", months,
                           " months, at or past ", c->threshold, en})};
    }
  }

  void Milestones() {
    const WarningRule& rule = rules_.rule(RuleKind::kMilestoneOverdue);
    if (!rule.enabled) return;
    for (const MilestoneFact& milestone : facts_.milestones) {
      // Same test as LateMilestones: planned before as_of and not done by as_of.
      if (!milestone.planned || *milestone.planned >= as_of_) continue;
      if (milestone.actual && *milestone.actual <= as_of_) continue;
      WarningCondition* c = Counted({&rule, Key(RuleKind::kMilestoneOverdue, SubjectKind::kMilestone, milestone.id),
                                     0, today_ - milestone.planned->DaysSinceEpoch(), *milestone.planned});
      if (!c) continue;
      c->message = DaysMessage(*c, {"节点“", milestone.name, "”计划于", *milestone.planned, "完成"},
                               {"Milestone \"", milestone.name, "\" was planned for ", *milestone.planned});
    }
  }

  void Reports() {
    const WarningRule& rule = rules_.rule(RuleKind::kReportLate);
    if (!rule.enabled || facts_.reports_from_year == 0) return;
    std::span<const FiledReport> filed = facts_.reports;
    std::vector<FiledReport> sorted;
    auto before = [](const FiledReport& a, const FiledReport& b) {
      return a.year != b.year ? a.year < b.year : a.month < b.month;
    };
    if (!std::is_sorted(filed.begin(), filed.end(), before)) {
      sorted.assign(filed.begin(), filed.end());
      std::sort(sorted.begin(), sorted.end(), before);
      filed = sorted;
    }
    size_t next = 0;
    int year = facts_.reports_from_year;
    unsigned month = std::clamp(facts_.reports_from_month, 1u, 12u);
    for (;; month == 12 ? (month = 1, ++year) : ++month) {
      const Date due = ReportDueDate(year, month, due_day_);
      if (due >= as_of_) break;  // not overdue yet, nor any later month
      while (next < filed.size() && before(filed[next], FiledReport{year, month, {}})) ++next;
      const bool exists = next < filed.size() && filed[next].year == year && filed[next].month == month;
      if (exists && filed[next].first_submitted && *filed[next].first_submitted <= as_of_) continue;
      WarningCondition* c = Counted({&rule, Key(RuleKind::kReportLate, SubjectKind::kReport, year * 100 + month), 0,
                                     today_ - due.DaysSinceEpoch(), due});
      if (!c) continue;
      c->message = DaysMessage(*c, {year, "年", month, "月月报应于", due, "前报送"},
                               {"The report for ", kMonthNames[month - 1], " ", year, " was due on ", due});
    }
  }

  void Items() {
    const WarningRule& rule = rules_.rule(RuleKind::kTaskOverdue);
    if (!rule.enabled) return;
    for (const DeadlineItem& item : facts_.open_items) {
      if (item.deadline >= as_of_) continue;  // the deadline day itself is not overdue
      if (item.done_on && *item.done_on <= as_of_) continue;
      WarningCondition* c = Counted({&rule, Key(RuleKind::kTaskOverdue, item.kind, item.id), item.responsible_unit_id,
                                     today_ - item.deadline.DaysSinceEpoch(), item.deadline});
      if (!c) continue;
      const bool problem = item.kind == SubjectKind::kProblem, checklist = item.kind == SubjectKind::kChecklistItem;
      const std::string_view zh = problem ? "问题" : checklist ? "清单事项" : "任务";
      const std::string_view en = problem ? "Problem" : checklist ? "Checklist item" : "Task";
      c->message = DaysMessage(*c, {zh, "“", item.title, "”办理时限为", item.deadline},
                               {en, " \"", item.title, "\" was due on ", item.deadline});
    }
  }

  const WarningFacts& facts_;
  const RuleSet& rules_;
  const Date as_of_;
  const int today_;
  const unsigned due_day_;
  std::vector<WarningCondition>& out_;
};

}  // namespace

std::string_view SubjectKindCode(SubjectKind kind) {
  switch (kind) {
    case SubjectKind::kProject: return "project";
    case SubjectKind::kMilestone: return "milestone";
    case SubjectKind::kReport: return "report";
    case SubjectKind::kProblem: return "problem";
    case SubjectKind::kTask: return "task";
    case SubjectKind::kChecklistItem: return "checklist_item";
  }
  return "";
}

std::optional<SubjectKind> ParseSubjectKind(std::string_view code) {
  for (SubjectKind kind : {SubjectKind::kProject, SubjectKind::kMilestone, SubjectKind::kReport, SubjectKind::kProblem,
                           SubjectKind::kTask, SubjectKind::kChecklistItem})
    if (SubjectKindCode(kind) == code) return kind;
  return std::nullopt;
}

std::string ConditionKeyString(const ConditionKey& key) {
  return Cat({RuleCode(key.rule), "/", key.project_id, "/", SubjectKindCode(key.subject), "/", key.subject_id});
}

std::optional<ConditionKey> ParseConditionKey(std::string_view text) {
  std::array<std::string_view, 4> parts;
  for (size_t i = 0; i < parts.size(); ++i) {
    size_t slash = text.find('/');
    if ((slash == std::string_view::npos) != (i == parts.size() - 1)) return std::nullopt;
    parts[i] = text.substr(0, slash);
    if (slash != std::string_view::npos) text.remove_prefix(slash + 1);
  }
  auto number = [](std::string_view digits, std::int64_t& out) {
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return !digits.empty() && error == std::errc() && end == digits.data() + digits.size();
  };
  ConditionKey key;
  std::optional<RuleKind> rule = ParseRuleCode(parts[0]);
  std::optional<SubjectKind> subject = ParseSubjectKind(parts[2]);
  if (!rule || !subject || !number(parts[1], key.project_id) || !number(parts[3], key.subject_id)) return std::nullopt;
  key.rule = *rule;
  key.subject = *subject;
  return key;
}

size_t ConditionKeyHash::operator()(const ConditionKey& key) const {
  // splitmix-style mixing of the four fields; project ids are dense, so plain std::hash would cluster.
  std::uint64_t h = static_cast<std::uint64_t>(key.project_id) * 0x9E3779B97F4A7C15ull;
  h ^= (static_cast<std::uint64_t>(key.subject_id) + 0x632BE59BD9B4E019ull) * 0xBF58476D1CE4E5B9ull;
  h ^= (static_cast<std::uint64_t>(key.rule) << 8 | static_cast<std::uint64_t>(key.subject)) * 0x94D049BB133111EBull;
  h ^= h >> 31;
  return static_cast<size_t>(h);
}

int FiguresMonth(int plan_year, Date as_of, unsigned report_due_day) {
  if (as_of.year() < plan_year) return 0;
  for (int month = 12; month >= 1; --month)
    if (ReportDueDate(plan_year, static_cast<unsigned>(month), report_due_day) < as_of) return month;
  return 0;
}

void EvaluateWarnings(const WarningFacts& facts, const RuleSet& rules, Date as_of, unsigned report_due_day,
                      std::vector<WarningCondition>& out) {
  Evaluator(facts, rules, as_of, report_due_day, out).Run();
}

std::vector<WarningCondition> EvaluateWarnings(const WarningFacts& facts, const RuleSet& rules, Date as_of,
                                               unsigned report_due_day) {
  std::vector<WarningCondition> out;
  EvaluateWarnings(facts, rules, as_of, report_due_day, out);
  return out;
}

std::vector<WarningCondition> SweepWarnings(std::span<const WarningFacts> facts, const RuleSet& rules, Date as_of,
                                            unsigned report_due_day) {
  std::vector<WarningCondition> out;
  out.reserve(facts.size());
  for (const WarningFacts& project : facts) EvaluateWarnings(project, rules, as_of, report_due_day, out);
  return out;
}

std::string FormatFigure(double figure) {
  const long long tenths = std::llround(figure * 10);
  const long long magnitude = tenths < 0 ? -tenths : tenths;
  return Cat({tenths < 0 ? "-" : "", static_cast<std::int64_t>(magnitude / 10), magnitude % 10 != 0 ? "." : "",
              magnitude % 10 != 0 ? Piece(static_cast<std::int64_t>(magnitude % 10)) : Piece("")});
}

}  // namespace sanpi::core
