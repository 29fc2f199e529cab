#include "core/warning_lifecycle.hpp"

#include <algorithm>
#include <utility>

#include "core/validation.hpp"

namespace sanpi::core {
std::int64_t MessageDigest(const Text& message) {
  std::uint64_t hash = 14695981039346656037ull;
  auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 1099511628211ull;
  };
  for (char c : message.zh) mix(static_cast<unsigned char>(c));
  mix(0xff);  // never inside UTF-8: "ab" + "c" and "a" + "bc" differ
  for (char c : message.en) mix(static_cast<unsigned char>(c));
  return static_cast<std::int64_t>(hash);
}

namespace {

// "【红色预警】某项目：" / "[red warning] Project: ".
Text Prefix(WarningLevel level, const std::string& project) {
  Text label = WarningLevelLabel(level);
  return {"【" + label.zh + "预警】" + project + "：", "[" + label.en + " warning] " + project + ": "};
}

Text Join(const Text& a, const Text& b) { return {a.zh + b.zh, a.en + b.en}; }

WarningEvent MakeEvent(WarningEventKind kind, const Warning& warning, size_t index, Date on, std::int64_t actor,
                       Text message) {
  WarningEvent event;
  event.kind = kind;
  event.warning_index = index;
  event.warning_id = warning.id;
  event.key = warning.key;
  event.project_name = warning.project_name;
  event.level = warning.level;
  event.previous_level = warning.level;
  event.on = on;
  event.unit_id = warning.responsible_unit_id;
  event.leader_id = warning.leader_id;
  event.assignee_id = warning.assignee_id;
  event.actor_id = actor;
  event.message = std::move(message);
  return event;
}

// Moves today's figures in; names and units are compared first because they rarely change.
void TakeFigures(Warning& warning, WarningCondition& condition) {
  if (warning.project_name != condition.project_name) warning.project_name = std::move(condition.project_name);
  warning.responsible_unit_id = condition.responsible_unit_id;
  warning.leader_id = condition.leader_id;
  warning.level = condition.level;
  warning.unit = condition.unit;
  warning.figure = condition.figure;
  warning.threshold = condition.threshold;
  warning.since = condition.since;
  warning.message = std::move(condition.message);
  warning.message_digest = MessageDigest(warning.message);
}

// Open addressing over indices into `warnings`: no allocation per key, which matters at 400,000 warnings.
class KeyTable {
 public:
  explicit KeyTable(size_t expected) {
    size_t size = 16;
    while (size < expected * 2) size *= 2;
    slots_.assign(size, kEmpty);
  }
  // The index stored for `key`, or nullopt.
  std::optional<size_t> Find(const std::vector<Warning>& warnings, const ConditionKey& key) const {
    for (size_t slot = Start(key);; slot = (slot + 1) & (slots_.size() - 1)) {
      if (slots_[slot] == kEmpty) return std::nullopt;
      if (warnings[slots_[slot]].key == key) return slots_[slot];
    }
  }
  // Stores `index` under its warning's key; the caller checked that the key is absent.
  void Insert(const std::vector<Warning>& warnings, size_t index) {
    if (++count_ * 2 > slots_.size()) Grow(warnings);
    size_t slot = Start(warnings[index].key);
    while (slots_[slot] != kEmpty) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = index;
  }

 private:
  static constexpr size_t kEmpty = static_cast<size_t>(-1);
  size_t Start(const ConditionKey& key) const { return ConditionKeyHash{}(key) & (slots_.size() - 1); }
  void Grow(const std::vector<Warning>& warnings) {
    std::vector<size_t> old = std::move(slots_);
    slots_.assign(old.size() * 2, kEmpty);
    for (size_t index : old) {
      if (index == kEmpty) continue;
      size_t slot = Start(warnings[index].key);
      while (slots_[slot] != kEmpty) slot = (slot + 1) & (slots_.size() - 1);
      slots_[slot] = index;
    }
  }
  std::vector<size_t> slots_;
  size_t count_ = 0;
};

bool SameFigures(const Warning& warning, const WarningCondition& condition) {
  return warning.level == condition.level && warning.figure == condition.figure &&
         warning.threshold == condition.threshold && warning.since == condition.since &&
         warning.unit == condition.unit && warning.message_digest == MessageDigest(condition.message) &&
         warning.project_name == condition.project_name &&
         warning.responsible_unit_id == condition.responsible_unit_id && warning.leader_id == condition.leader_id;
}

class Reconciler {
 public:
  Reconciler(std::vector<Warning>& warnings, Date as_of, int reply_days)
      : warnings_(warnings), as_of_(as_of), reply_days_(reply_days) {}

  Reconciliation Run(std::vector<WarningCondition>& current) {
    const size_t existing = warnings_.size();
    KeyTable open(existing + current.size());
    for (size_t i = 0; i < existing; ++i)
      if (warnings_[i].open() && !open.Find(warnings_, warnings_[i].key)) open.Insert(warnings_, i);
    // Count the new keys first so that `warnings` grows once: moving 400,000 warnings twice costs more than the
    // lookups.
    size_t fresh = 0;
    for (const WarningCondition& condition : current)
      if (condition.level != WarningLevel::kNone && !open.Find(warnings_, condition.key)) ++fresh;
    warnings_.reserve(existing + fresh);
    std::vector<bool> seen(existing, false);
    for (WarningCondition& condition : current) {
      if (condition.level == WarningLevel::kNone) continue;
      std::optional<size_t> found = open.Find(warnings_, condition.key);
      if (!found) {
        Open(condition);
        open.Insert(warnings_, warnings_.size() - 1);
      } else if (*found < existing && !seen[*found]) {
        seen[*found] = true;
        Update(*found, condition);
      }  // else a duplicate condition: the first one wins
    }
    // One pass over the existing warnings (a second scan of 400,000 records costs as much as the work). Orders
    // issued in this run are due in the future, so new warnings need no check.
    for (size_t i = 0; i < existing; ++i) {
      if (!warnings_[i].open()) continue;
      if (!seen[i]) {
        Close(i);
      } else {
        CheckOrder(i);
      }
    }
    std::vector<size_t> changed, refreshed;
    for (size_t i = 0; i < changes_.size(); ++i) {
      if (changes_[i] != Change::kNone) changed.push_back(i);
      if (changes_[i] == Change::kFigures) refreshed.push_back(i);
    }
    return {std::move(changed), std::move(refreshed), std::move(events_)};
  }

 private:
  // What a run did to a warning; a later, bigger change of the same warning wins.
  enum class Change : unsigned char { kNone, kFigures, kRecord };

  void MarkChanged(size_t index, Change change = Change::kRecord) {
    if (changes_.size() <= index) changes_.resize(warnings_.size(), Change::kNone);
    changes_[index] = std::max(changes_[index], change);
  }

  void Emit(WarningEventKind kind, size_t index, Text message, WarningLevel previous) {
    WarningEvent event = MakeEvent(kind, warnings_[index], index, as_of_, 0, std::move(message));
    event.previous_level = previous;
    events_.push_back(std::move(event));
  }

  void Open(WarningCondition& condition) {
    Warning& warning = warnings_.emplace_back();
    warning.key = condition.key;
    TakeFigures(warning, condition);
    warning.opened_on = as_of_;
    warning.history.push_back({warning.level, as_of_});
    const size_t index = warnings_.size() - 1;
    MarkChanged(index);
    Emit(WarningEventKind::kOpened, index, Join(Prefix(warning.level, warning.project_name), warning.message),
         WarningLevel::kNone);
    if (warning.level == WarningLevel::kRed) IssueOrder(index);
  }

  void Update(size_t index, WarningCondition& condition) {
    Warning& warning = warnings_[index];
    if (SameFigures(warning, condition)) return;
    const WarningLevel previous = warning.level;
    TakeFigures(warning, condition);
    if (warning.level == previous) {
      MarkChanged(index, Change::kFigures);
      return;
    }
    MarkChanged(index);
    warning.history.push_back({warning.level, as_of_});
    const bool rising = warning.level > previous;
    const Text from = WarningLevelLabel(previous), to = WarningLevelLabel(warning.level);
    Text change = rising ? Text{"预警由" + from.zh + "升级为" + to.zh + "。", "Escalated from " + from.en + " to " + to.en + ". "}
                         : Text{"预警由" + from.zh + "降为" + to.zh + "。", "Lowered from " + from.en + " to " + to.en + ". "};
    Emit(rising ? WarningEventKind::kEscalated : WarningEventKind::kDeescalated, index,
         Join(Join(Prefix(warning.level, warning.project_name), change), warning.message), previous);
    if (warning.level == WarningLevel::kRed && !warning.order) IssueOrder(index);
  }

  void Close(size_t index) {
    Warning& warning = warnings_[index];
    warning.closed_on = as_of_;
    warning.history.push_back({WarningLevel::kNone, as_of_});
    MarkChanged(index);
    const Text rule = RuleName(warning.key.rule);
    Emit(WarningEventKind::kClosed, index,
         {"【预警解除】" + warning.project_name + "：" + rule.zh + "（原" + WarningLevelLabel(warning.level).zh +
              "预警）已消除",
          "[warning cleared] " + warning.project_name + ": " + rule.en + " (was " +
              WarningLevelLabel(warning.level).en + ") has cleared"},
         warning.level);
  }

  void IssueOrder(size_t index) {
    Warning& warning = warnings_[index];
    SupervisionOrder order;
    order.to_unit_id = warning.responsible_unit_id;
    order.cc_leader_id = warning.leader_id;
    order.issued_on = as_of_;
    order.reply_due = as_of_.AddDays(reply_days_);
    warning.order = std::move(order);
    MarkChanged(index);
    const std::string due = warning.order->reply_due.ToString();
    Emit(WarningEventKind::kOrderIssued, index,
         {"【督办单】" + warning.project_name + "：" + warning.message.zh + "。请于" + due + "前书面回复办理情况",
          "[supervision order] " + warning.project_name + ": " + warning.message.en +
              ". A written reply is due by " + due},
         warning.level);
  }

  void CheckOrder(size_t index) {
    Warning& warning = warnings_[index];
    if (!warning.order || warning.order->overdue_on) return;
    SupervisionOrder& order = *warning.order;
    const bool late = order.state == OrderState::kIssued ? as_of_ > order.reply_due
                                                         : order.replied_on && *order.replied_on > order.reply_due;
    if (!late) return;
    order.overdue_on = as_of_;
    MarkChanged(index);
    const std::string due = order.reply_due.ToString();
    Emit(WarningEventKind::kOrderOverdue, index,
         {"【督办逾期】" + warning.project_name + "：督办单应于" + due + "前回复，未按期回复",
          "[supervision order overdue] " + warning.project_name + ": the reply was due by " + due +
              " and was not given in time"},
         warning.level);
  }

  std::vector<Warning>& warnings_;
  const Date as_of_;
  const int reply_days_;
  std::vector<Change> changes_;
  std::vector<WarningEvent> events_;
};

Status NotOpen() { return Status::RuleBroken({"预警已解除，不能再操作", "The warning is closed"}); }

Status CheckText(std::string_view field, std::string_view text) {
  FieldErrors errors;
  CheckName(errors, field, text, kMaxWarningResponseChars);
  return errors.ToStatus();
}

}  // namespace

std::string_view OrderStateCode(OrderState state) {
  switch (state) {
    case OrderState::kIssued: return "issued";
    case OrderState::kReplied: return "replied";
    case OrderState::kSignedOff: return "signed_off";
  }
  return "";
}

std::string_view WarningEventCode(WarningEventKind kind) {
  switch (kind) {
    case WarningEventKind::kOpened: return "opened";
    case WarningEventKind::kEscalated: return "escalated";
    case WarningEventKind::kDeescalated: return "de_escalated";
    case WarningEventKind::kClosed: return "closed";
    case WarningEventKind::kOrderIssued: return "order_issued";
    case WarningEventKind::kOrderOverdue: return "order_overdue";
    case WarningEventKind::kAcknowledged: return "acknowledged";
    case WarningEventKind::kAssigned: return "assigned";
    case WarningEventKind::kOrderReplied: return "order_replied";
    case WarningEventKind::kOrderReplyReturned: return "order_reply_returned";
    case WarningEventKind::kOrderSignedOff: return "order_signed_off";
  }
  return "";
}

bool Warning::NeedsAcknowledgement() const {
  if (!open()) return false;
  return responses.empty() || responses.back().level < level;
}

WarningLevel Warning::PeakLevel() const {
  WarningLevel peak = level;
  for (const LevelChange& change : history)
    if (change.level > peak) peak = change.level;
  return peak;
}

Reconciliation Reconcile(std::vector<Warning>& warnings, std::vector<WarningCondition> current, Date as_of,
                         int reply_days) {
  return Reconciler(warnings, as_of, reply_days).Run(current);
}

Result<WarningEvent> Acknowledge(Warning& warning, std::int64_t by, std::string response, Date on) {
  if (!warning.open()) return NotOpen();
  if (Status status = CheckText("response", response); !status.ok()) return status;
  warning.responses.push_back({by, on, std::move(response), warning.level});
  const Text label = WarningLevelLabel(warning.level);
  return MakeEvent(WarningEventKind::kAcknowledged, warning, 0, on, by,
                   {warning.project_name + "的" + label.zh + "预警已签收：" + warning.responses.back().text,
                    "The " + label.en + " warning of " + warning.project_name +
                        " was acknowledged: " + warning.responses.back().text});
}

Result<WarningEvent> Assign(Warning& warning, std::int64_t assignee_id, std::int64_t by, Date on) {
  if (!warning.open()) return NotOpen();
  if (assignee_id <= 0) return Status::InvalidField("assignee_id", {"请选择责任人", "Choose a person"});
  if (assignee_id == warning.assignee_id)
    return Status::RuleBroken({"预警已交办给此人", "The warning is already assigned to this person"});
  warning.assignee_id = assignee_id;
  warning.assigned_on = on;
  return MakeEvent(WarningEventKind::kAssigned, warning, 0, on, by,
                   {warning.project_name + "的预警已交办", "A warning of " + warning.project_name + " was assigned"});
}

Result<WarningEvent> ReplyToOrder(Warning& warning, std::int64_t by, std::string reply, Date on) {
  if (!warning.order || warning.order->state != OrderState::kIssued)
    return Status::RuleBroken({"没有待回复的督办单", "There is no supervision order awaiting a reply"});
  if (Status status = CheckText("reply", reply); !status.ok()) return status;
  SupervisionOrder& order = *warning.order;
  order.state = OrderState::kReplied;
  order.reply = std::move(reply);
  order.replied_on = on;
  order.replied_by = by;
  const bool late = on > order.reply_due;
  return MakeEvent(WarningEventKind::kOrderReplied, warning, 0, on, by,
                   {warning.project_name + "的督办单已回复" + (late ? "（逾期）" : ""),
                    "The supervision order of " + warning.project_name + " was answered" + (late ? " (late)" : "")});
}

Result<WarningEvent> ReturnOrderReply(Warning& warning, std::int64_t by, std::string reason, Date on) {
  if (!warning.order || warning.order->state != OrderState::kReplied)
    return Status::RuleBroken({"督办单尚未回复，不能退回", "The supervision order has no reply to return"});
  if (Status status = CheckText("reason", reason); !status.ok()) return status;
  SupervisionOrder& order = *warning.order;
  order.state = OrderState::kIssued;
  order.return_reason = std::move(reason);
  return MakeEvent(WarningEventKind::kOrderReplyReturned, warning, 0, on, by,
                   {warning.project_name + "的督办回复被退回：" + order.return_reason,
                    "The reply to the supervision order of " + warning.project_name +
                        " was returned: " + order.return_reason});
}

Result<WarningEvent> SignOffOrder(Warning& warning, std::int64_t by, std::string comment, Date on) {
  if (!warning.order || warning.order->state != OrderState::kReplied)
    return Status::RuleBroken({"督办单回复后才能签批", "The supervision order can be signed off only after its reply"});
  FieldErrors errors;
  CheckOptionalText(errors, "comment", comment, kMaxWarningResponseChars);
  if (!errors.empty()) return errors.ToStatus();
  SupervisionOrder& order = *warning.order;
  order.state = OrderState::kSignedOff;
  order.signed_off_on = on;
  order.signed_off_by = by;
  order.sign_off_comment = std::move(comment);
  return MakeEvent(WarningEventKind::kOrderSignedOff, warning, 0, on, by,
                   {warning.project_name + "的督办单已签批办结",
                    "The supervision order of " + warning.project_name + " was signed off"});
}

}  // namespace sanpi::core
