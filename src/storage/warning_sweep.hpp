#pragma once
// 预警巡检: the daily sweep of one region — load the facts (warning_facts.hpp), evaluate them with the region's rules,
// reconcile them with the open warnings and store the result with its events, all in one write transaction.
// Idempotent: a second sweep with the same data and date changes nothing and emits nothing.
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/status.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

struct SweepCounts {
  std::int64_t projects = 0;    // evaluated
  std::int64_t conditions = 0;  // found today
  std::int64_t opened = 0, escalated = 0, de_escalated = 0, closed = 0, orders_issued = 0, orders_overdue = 0;
  std::int64_t updated = 0;     // warnings written, including silent figure updates
  std::int64_t open = 0;        // open warnings after the sweep
  struct Stages {
    double load = 0;      // rules, facts and open warnings read (the wait for the warnings after evaluating included)
    double evaluate = 0;  // conditions found and reconciled (core, no I/O)
    double store = 0;     // changes written and committed
  } stages;               // seconds, for `sanpi sweep` and the bench
};

// Sweeps `region_code` as of `as_of`. Retries a few times when a person's action on a warning commits between
// the sweep's read and write (Conflict after that); DbError propagates.
core::Result<SweepCounts> Sweep(Database& db, const std::string& region_code, core::Date as_of);

// Evaluates one project after a change to it (a report filed, a milestone moved, a stage reached): the same rules
// and reconciliation as the sweep, limited to that project's conditions and open warnings.
// Nothing to do (zero counts) when the project is gone: its warnings went with it.
core::Result<SweepCounts> SweepProject(Database& db, std::int64_t project_id, core::Date as_of);

// The regions that have projects: what the scheduler sweeps.
std::vector<std::string> RegionsToSweep(Database& db);

}  // namespace sanpi::storage
