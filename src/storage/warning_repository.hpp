#pragma once
// 预警 records: the open warnings of a region for the sweep, the reconciled result stored in the sweep's transaction
// (new warnings inserted, changed ones updated with their versions checked, events appended), scoped reads, and
// people's actions (acknowledge, assign, reply to / return / sign off a 督办单) with optimistic versions and audit.
//
// Scope: a warning is seen by whoever sees its project (ProjectRepository::VisibleTo) and, for unit scopes, also
// by the unit responsible for it (a checklist item's owner); a warning outside the caller's scope is not found.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/warning_lifecycle.hpp"
#include "storage/database.hpp"
#include "storage/page.hpp"

namespace sanpi::storage {

struct WarningFilter {
  std::optional<core::WarningLevel> level;
  std::optional<core::RuleKind> rule;
  std::int64_t unit_id = 0;     // responsible unit; 0: any
  std::int64_t project_id = 0;  // 0: any
  enum class State { kOpen, kClosed, kAll } state = State::kOpen;
  std::optional<core::OrderState> order;  // only warnings whose 督办单 is in this state
};

struct WarningList {
  Page<core::Warning> page;
  // Of the warnings matching every filter but the level: how many at each level.
  std::int64_t yellow = 0, orange = 0, red = 0;
};

class WarningRepository {
 public:
  explicit WarningRepository(Transaction& tx) : tx_(tx) {}

  // The open warnings of the region (or of one project when `project_id` is not 0), by id: the input of
  // core::Reconcile. Without their history and responses, which Reconcile only appends to and never reads, nor
  // their message texts, which it compares by digest (reading and decoding them took most of a daily sweep's
  // load): `history` holds just what Reconcile appends, and StoreReconciled puts the stored parts back before it
  // writes a whole record.
  std::vector<core::Warning> OpenWarnings(const std::string& region_code, std::int64_t project_id = 0);
  // Writes what Reconcile did to `warnings` (from OpenWarnings): inserts the new ones (id 0, filling in their ids);
  // for those only `refreshed`, writes today's figures alone; for the others, reads their stored history,
  // responses and (unless today's replaced them) message texts, appends this run's history and writes the whole
  // record. Conflict when one was changed meanwhile (the caller rolls back and sweeps again). Then appends the
  // events with their warnings' ids. Set-based: a few statements per few hundred warnings.
  core::Status StoreReconciled(const std::string& region_code, std::vector<core::Warning>& warnings,
                               core::Reconciliation& result);

  // NotFound when absent or outside the caller's scope.
  core::Result<core::Warning> Get(const core::Principal& caller, std::int64_t id);
  // Most serious first by default; sortable by level, opened_on, figure, project_name.
  WarningList List(const core::Principal& caller, const WarningFilter& filter, const PageRequest& page);
  // The warning's events, oldest first (the caller has already read the warning).
  std::vector<core::WarningEvent> Events(std::int64_t warning_id);

  // People's actions. Each loads the warning in the caller's scope (NotFound), checks `version` (Conflict), applies
  // core's rule (RuleBroken / Invalid), stores it with its event and audits before and after.
  core::Result<core::Warning> Acknowledge(const core::Principal& caller, std::int64_t id, std::int64_t version,
                                          std::string response);
  // Invalid ("assignee_id") unless the assignee is an active user of the warning's region.
  core::Result<core::Warning> Assign(const core::Principal& caller, std::int64_t id, std::int64_t version,
                                     std::int64_t assignee_id);
  core::Result<core::Warning> ReplyToOrder(const core::Principal& caller, std::int64_t id, std::int64_t version,
                                           std::string reply);
  core::Result<core::Warning> ReturnOrderReply(const core::Principal& caller, std::int64_t id, std::int64_t version,
                                               std::string reason);
  core::Result<core::Warning> SignOffOrder(const core::Principal& caller, std::int64_t id, std::int64_t version,
                                           std::string comment);

  // The SQL restricting "w" (warnings, joined to its project as "t") to what `caller` may see.
  static std::string VisibleTo(const core::Principal& caller, Params& params);

 private:
  template <class Change>
  core::Result<core::Warning> Act(const core::Principal& caller, std::int64_t id, std::int64_t version,
                                  const std::string& action, Change change);
  // Which columns Update writes: the whole record, or today's figures only (a refreshed warning).
  enum class Columns { kRecord, kFigures };
  std::vector<core::Warning> Select(const std::string& columns, const std::string& where, const Params& params);
  // Puts back what OpenWarnings left out of the warnings the sweep rewrites: the stored history (before this run's
  // changes), the responses and, where today's did not replace them, the message texts. Conflict when one has
  // changed since.
  core::Status AddStoredParts(const std::vector<core::Warning*>& warnings);
  void Insert(const std::string& region_code, std::vector<core::Warning*>& fresh);
  core::Status Update(const std::vector<core::Warning*>& changed, Columns which);
  void AppendEvents(const std::string& region_code, const std::vector<core::WarningEvent>& events);
  Transaction& tx_;
};

}  // namespace sanpi::storage
