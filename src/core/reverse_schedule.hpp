#pragma once
// 倒排工期: work back from the date the project must reach its final milestone(s) to the latest date each
// step may finish and start — the backward pass of the critical path method, with each milestone the end
// of `standard_days` of work (see milestone.hpp):
//   latest_finish(m) = target                                   if nothing waits for m (a final milestone)
//                    = min over successors s of latest_start(s) otherwise
//   latest_start(m)  = latest_finish(m) − standard_days(m)
// Every milestone without successors must be reached by the target (a project with two end points must
// reach both).
//
// Done milestones (actual date on or before `today`) keep their computed dates for the wall chart but
// are never at fault: their work is over. The pass still runs through them unchanged, because the target
// and the standard durations — not history — define how late each step may be.
//
// The plan is infeasible when a milestone that is not done has a latest START before `today`: its work
// should already have begun and, at the standard duration, can no longer end in time. Every such
// milestone is listed; the first (earliest latest start) is the one the message names.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/milestone.hpp"
#include "core/status.hpp"
#include "core/text.hpp"

namespace sanpi::core {

struct ScheduledMilestone {
  std::int64_t id = 0;
  std::string name{};
  Date latest_finish{};  // 最迟完成
  Date latest_start{};   // 最迟开始
  bool done = false;
  int slack_days = 0;  // latest_start − today; negative means the start is already overdue (ignored when done)
  bool at_fault = false;
};

struct ReverseSchedule {
  Date target{};
  Date today{};
  std::vector<ScheduledMilestone> milestones{};  // in the input order
  bool feasible = true;
  std::vector<std::int64_t> at_fault{};  // ids, earliest latest start first (ties by input order)
  Text explanation{};                    // empty when feasible; else names the first milestone at fault
};

// Invalid / RuleBroken from ValidateMilestones (bad fields, unknown predecessors, a cycle naming its
// milestones). An empty list gives an empty, feasible schedule.
Result<ReverseSchedule> ScheduleBackward(const std::vector<Milestone>& milestones, Date target, Date today);

// Writes each latest finish date into `planned` (the dialog's "apply" button); milestones already done keep
// their planned date. Same errors as ScheduleBackward.
Status ApplyLatestDates(std::vector<Milestone>& milestones, Date target, Date today);

}  // namespace sanpi::core
