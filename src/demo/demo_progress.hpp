#pragma once
// The monthly rhythm in the demo zone: every project that is not withdrawn gets an annual plan per year
// (decomposed by the region's seasonal profile) and a monthly report for every month up to a given one —
// most filed on time, every fifth project late, every thirteenth missing its last two months, completions
// between 60 % and 110 % of plan — plus, for the demo campaign's projects, the standard milestones
// scheduled back from a target date. Set-based SQL, so 100,000 projects × 36 months take seconds.
#include "core/access.hpp"
#include "core/status.hpp"
#include "storage/database.hpp"

namespace sanpi::demo {

struct ProgressSpan {
  int first_year = 0;
  int first_month = 1;  // of first_year: reports start with this month (plans cover the whole year)
  int last_year = 0;
  int through_month = 12;  // of last_year: reports exist up to this month
};

// Plans and reports for the office's region; nothing else may have plans or reports there yet.
core::Status GenerateProgress(storage::Transaction& tx, const core::Principal& office, const ProgressSpan& span);

// The 36 months up to last month (the demo's and the benchmarks' span).
ProgressSpan LastThirtySixMonths();

// Standard milestones for the first `count` started projects, planned back from a target date, with the
// steps already reached marked done (audited, through the repository).
core::Status SeedDemoMilestones(storage::Transaction& tx, const core::Principal& office, int count);

}  // namespace sanpi::demo
