#pragma once
// What importing a ledger would do, decided without touching storage: each row matched to an
// existing project (by 项目代码, else by name and enterprise) or to none, the project it would
// become, the roster entry it would create or correct, and every problem in both languages. The
// dry run shows this plan; the commit writes the rows the plan accepts.
//
// Rules beyond the spreadsheet's own (domain.md "Ledger spreadsheet"):
// - A column missing from the sheet leaves that field of an existing project as it is; a blank
//   cell in a present column clears it (or is refused where the field is required) — except 项目代码:
//   a code once issued is never blanked by an import.
// - 建设单位 is found by 统一社会信用代码, else by its exact name; an enterprise named with a valid
//   code that is not yet registered is registered by the import.
// - 责任单位 (the lead unit) is found by name or code, 包联领导 by name or username.
// - Stages only go forward: a row may add stage dates and move the stage on, never change a date
//   already recorded or move back — that is an audited correction on the project page.
// - 当前阶段 left blank is the furthest stage whose date is given.
// - 期次 and 批次 put the project on that period's roster. An existing entry of that period keeps its
//   batch (moving is an adjustment) and its sign date; its planned dates and 年度计划投资 are
//   corrected from the row. 年度计划投资 is for the row's 年度, else for the importer's year.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/enterprise.hpp"
#include "core/import_problem.hpp"
#include "core/ledger_row.hpp"
#include "core/project.hpp"

namespace sanpi::core {

// A record the ledger refers to by name: unit (name, code), leader (display name, username),
// enterprise (name, USCC).
struct NamedRecord {
  std::int64_t id = 0;
  std::string name;
  std::string key;
};

// The zone's records as the import needs them, loaded once.
struct LedgerWorld {
  std::string region_code;
  std::vector<Project> projects;
  std::vector<NamedRecord> enterprises;  // key: USCC
  std::vector<NamedRecord> units;        // key: unit code
  std::vector<NamedRecord> leaders;      // key: username; active users only
  std::vector<int> periods;              // numbers
  std::vector<RosterEntry> entries;
  std::vector<RosterAdjustment> adjustments;
};

struct LedgerImportOptions {
  int year = 0;  // of 年度计划投资 when the row has no 年度
  Date today;
};

enum class RowAction { kCreate, kUpdate, kUnchanged, kInvalid };
std::string_view RowActionCode(RowAction action);  // create, update, unchanged, invalid

enum class EntryAction { kNone, kCreate, kUpdate };

struct PlannedRow {
  int row = 0;
  RowAction action = RowAction::kInvalid;
  bool project_changed = false;
  Project project;               // as it will be; id 0 when created
  int before = -1;               // index into LedgerWorld::projects when updated
  int new_enterprise = -1;       // index into LedgerPlan::new_enterprises
  EntryAction entry_action = EntryAction::kNone;
  RosterEntry entry;             // project_id 0 while the project is new
  int entry_before = -1;         // index into LedgerWorld::entries when updated
  std::string roster_batch;      // the batch after the entry is written (entry_action != kNone)
  std::vector<std::string> changes;  // headers of the columns that change an existing project
  std::vector<ImportProblem> problems;
};

struct LedgerPlan {
  std::vector<PlannedRow> rows;
  std::vector<Enterprise> new_enterprises;
  std::vector<ImportProblem> sheet_problems;  // the file or the header row; nothing is imported
  std::vector<ImportProblem> warnings;        // unknown headers: reported, not blocking
  std::int64_t creates = 0, updates = 0, unchanged = 0, invalid = 0;
  std::int64_t entries_created = 0, entries_updated = 0;

  bool Blocked() const { return !sheet_problems.empty(); }
  // Every problem, sheet problems first, then by row.
  std::vector<ImportProblem> Problems() const;
};

// Plans rows one at a time, in sheet order, as they are read: a row's plan is final once made (a
// later row that names the same project is the one refused), so a commit may write it at once.
// `world` and `options` must outlive the planner.
class LedgerPlanner {
 public:
  LedgerPlanner(LedgerSheetLayout layout, const LedgerWorld& world, const LedgerImportOptions& options);
  ~LedgerPlanner();
  LedgerPlanner(const LedgerPlanner&) = delete;
  LedgerPlanner& operator=(const LedgerPlanner&) = delete;

  // Plans the next row (consumed) and keeps it; the reference is valid until the next call.
  PlannedRow& Plan(LedgerRow& row);
  // The plan of every row so far; the planner is spent.
  LedgerPlan Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Plans every row (consumed). `layout` is the sheet's header; sheet-level problems are added by the
// caller. O(rows + projects) with hash lookups.
LedgerPlan PlanLedgerImport(const LedgerSheetLayout& layout, std::vector<LedgerRow> rows, const LedgerWorld& world,
                            const LedgerImportOptions& options);

}  // namespace sanpi::core
