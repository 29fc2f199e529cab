#pragma once
// What the early-warning rules read about every project of a region as of a date, loaded set-based: the projects,
// and beside them this year's plans, completions and report bits and last year's plans and report
// bits; then the late first submissions, the milestones and the checklist items that could be overdue. No query
// per project: the daily sweep reads 100,000 projects this way.
//
// Monthly reports are owed for every month from the project's start, but not before January of last year, once it
// has an investment plan for last year or this one; the sweep therefore still sees December's report in January.
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/warning_evaluation.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

struct RegionWarningFacts {
  std::vector<core::WarningFacts> projects;  // by project id; withdrawn projects left out
  unsigned report_due_day = core::kDefaultReportDueDay;
};

// `project_id` 0: every project of the region; otherwise that one project only (evaluation after a change to it).
RegionWarningFacts LoadWarningFacts(Transaction& tx, const std::string& region_code, core::Date as_of,
                                    std::int64_t project_id = 0);

}  // namespace sanpi::storage
