#pragma once
// 预警与督办的生命周期: the conditions evaluated today (warning_evaluation.hpp) reconciled with the warnings
// already open, and what people do with a warning — acknowledge it with a response, assign it, and for a red
// one the supervision order 督办单 (reply, return, sign-off).
//
// Decisions (domain.md "Early warning and supervision"):
//  - One open warning per ConditionKey. A condition that clears closes its warning, which keeps its history; if
//    the condition comes back later that is a new warning (a new episode, a new id).
//  - A rising level escalates and a falling level DE-ESCALATES: the level always shows today's figure (a
//    project that caught up from 45 % to 65 % of time progress is orange, not red), and every change is kept
//    in `history` with its date, so the worst level reached stays visible (PeakLevel). Days-late rules only
//    fall when a date is rescheduled, which is exactly when people expect the level to follow.
//  - The first time a warning is red it gets a supervision order addressed to the responsible unit and copied
//    to the leader, reply due `reply_days` later — once per warning: de-escalating and rising again issues no
//    second order. Closing the warning does not cancel its order; the office still signs it off.
//  - An order whose reply is late (none by the due date, or one given after it) raises order_overdue once —
//    the escalation that goes to the leader and the project office.
//  - Reconcile is idempotent: a second run with the same conditions and date changes nothing and emits nothing.
//  - A fresh figure without a level change (one more day late) updates the warning silently (`changed` and
//    `refreshed`, no event): notifications are for changes people must act on.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/status.hpp"
#include "core/text.hpp"
#include "core/warning_evaluation.hpp"
#include "core/warning_rule.hpp"

namespace sanpi::core {

inline constexpr long kMaxWarningResponseChars = 1000;

struct LevelChange {
  WarningLevel level = WarningLevel::kNone;
  Date on;
  bool operator==(const LevelChange&) const = default;
};

// 反馈: an acknowledgement with what the unit is doing about it, at the level the warning had then.
struct WarningResponse {
  std::int64_t by = 0;
  Date on;
  std::string text;
  WarningLevel level = WarningLevel::kNone;
};

enum class OrderState { kIssued, kReplied, kSignedOff };
std::string_view OrderStateCode(OrderState state);  // issued, replied, signed_off

// 督办单.
struct SupervisionOrder {
  std::int64_t to_unit_id = 0;    // 主送: the responsible unit
  std::int64_t cc_leader_id = 0;  // 抄送: the leader
  Date issued_on;
  Date reply_due;  // 回复期限: a reply on this day is on time
  OrderState state = OrderState::kIssued;
  std::string reply;
  std::optional<Date> replied_on;
  std::int64_t replied_by = 0;
  std::string return_reason;  // the last time a reply was sent back
  std::optional<Date> signed_off_on;
  std::int64_t signed_off_by = 0;
  std::string sign_off_comment;
  std::optional<Date> overdue_on;  // when the late reply was escalated (once)
};

struct Warning {
  std::int64_t id = 0;  // 0 until storage inserts it
  ConditionKey key;
  std::string project_name;
  std::int64_t responsible_unit_id = 0;
  std::int64_t leader_id = 0;
  // The latest evaluation.
  WarningLevel level = WarningLevel::kNone;
  ThresholdUnit unit = ThresholdUnit::kDays;
  double figure = 0;
  int threshold = 0;
  Date since;
  Text message;
  // MessageDigest(message): what the sweep compares, so that it need not read the texts of every open warning.
  std::int64_t message_digest = 0;
  Date opened_on;
  std::optional<Date> closed_on;
  std::vector<LevelChange> history;  // the opening level first, then every change
  std::vector<WarningResponse> responses;
  std::int64_t assignee_id = 0;  // 0: nobody yet
  std::optional<Date> assigned_on;
  std::optional<SupervisionOrder> order;
  std::int64_t version = 0;  // optimistic lock for storage

  bool open() const { return !closed_on; }
  // Open, and nobody responded since it reached its current level.
  bool NeedsAcknowledgement() const;
  WarningLevel PeakLevel() const;
};

enum class WarningEventKind {
  kOpened, kEscalated, kDeescalated, kClosed, kOrderIssued, kOrderOverdue,
  kAcknowledged, kAssigned, kOrderReplied, kOrderReplyReturned, kOrderSignedOff,
};
// opened, escalated, de_escalated, closed, order_issued, order_overdue, acknowledged, assigned, order_replied,
// order_reply_returned, order_signed_off.
std::string_view WarningEventCode(WarningEventKind kind);

// One change for the notification outbox and the in-app inbox.
struct WarningEvent {
  WarningEventKind kind = WarningEventKind::kOpened;
  size_t warning_index = 0;  // Reconcile: index into its `warnings` vector (the id may still be 0)
  std::int64_t warning_id = 0;
  ConditionKey key;
  std::string project_name;
  WarningLevel level = WarningLevel::kNone;           // after the change
  WarningLevel previous_level = WarningLevel::kNone;  // before it (escalated / de_escalated)
  Date on;
  std::int64_t unit_id = 0;      // who must act
  std::int64_t leader_id = 0;    // who is copied
  std::int64_t assignee_id = 0;
  std::int64_t actor_id = 0;     // 0: the system
  Text message;                  // one line: "【红色预警】某项目：…"
};

// A 64-bit digest (FNV-1a) of both texts of a warning's message.
std::int64_t MessageDigest(const Text& message);

struct Reconciliation {
  std::vector<size_t> changed;  // indices into `warnings` of records to insert (id 0) or update, ascending
  // Of `changed`, the existing warnings that only took today's figures (name, units responsible, figure, threshold,
  // since, message) at the same level: no event, and their level, history, order and closing untouched. Most of
  // a daily sweep's writes; storage writes just those columns. Ascending.
  std::vector<size_t> refreshed;
  std::vector<WarningEvent> events;
};

// `warnings` holds the open warnings of the projects `current` was evaluated for (closed ones may be present
// and are left alone). Updated in place: matching warnings take today's figures, escalate or de-escalate; open
// ones without a condition close; new conditions append new warnings (id 0). Red issues the order; late
// orders raise order_overdue. O(warnings + conditions). `current` is taken by value so that the sweep can move
// its conditions in and their messages are not copied; of conditions sharing a key the first one counts.
Reconciliation Reconcile(std::vector<Warning>& warnings, std::vector<WarningCondition> current, Date as_of,
                         int reply_days = kDefaultSupervisionReplyDays);

// People's actions. Each leaves the warning untouched on failure: RuleBroken (422) when the state does not
// allow it (closed warning, no order, wrong order state), Invalid (400) for bad input. Who may do what (the
// unit acknowledges, the office assigns, the leader signs off) is the access layer's business.
Result<WarningEvent> Acknowledge(Warning& warning, std::int64_t by, std::string response, Date on);
Result<WarningEvent> Assign(Warning& warning, std::int64_t assignee_id, std::int64_t by, Date on);
Result<WarningEvent> ReplyToOrder(Warning& warning, std::int64_t by, std::string reply, Date on);
// replied → issued again, with the reason; the original reply deadline stands.
Result<WarningEvent> ReturnOrderReply(Warning& warning, std::int64_t by, std::string reason, Date on);
Result<WarningEvent> SignOffOrder(Warning& warning, std::int64_t by, std::string comment, Date on);

}  // namespace sanpi::core
