#include "core/reverse_schedule.hpp"

#include <algorithm>

namespace sanpi::core {

Result<ReverseSchedule> ScheduleBackward(const std::vector<Milestone>& milestones, Date target, Date today) {
  MilestoneIndex index(milestones);
  if (Status fields = CheckMilestoneFields(milestones, index); !fields.ok()) return fields;
  auto order = TopologicalOrder(milestones, index);  // RuleBroken naming the cycle
  if (!order.ok()) return order.status();

  // Days since epoch; "no successor yet" is the target itself, which also caps every latest finish.
  const int target_day = target.DaysSinceEpoch();
  const int today_day = today.DaysSinceEpoch();
  std::vector<int> latest_finish(milestones.size(), target_day);
  std::vector<int> latest_start(milestones.size(), target_day);
  // Reverse topological order: every successor is final before its predecessors are visited.
  for (auto it = order->rbegin(); it != order->rend(); ++it) {
    size_t current = *it;
    latest_start[current] = latest_finish[current] - milestones[current].standard_days;
    for (std::int64_t predecessor : milestones[current].predecessors) {
      size_t before = *index.Find(predecessor);  // CheckMilestoneFields made sure it exists
      latest_finish[before] = std::min(latest_finish[before], latest_start[current]);
    }
  }

  ReverseSchedule schedule;
  schedule.target = target;
  schedule.today = today;
  schedule.milestones.reserve(milestones.size());
  std::vector<size_t> faulty;
  for (size_t i = 0; i < milestones.size(); ++i) {
    const Milestone& milestone = milestones[i];
    ScheduledMilestone scheduled;
    scheduled.id = milestone.id;
    scheduled.name = milestone.name;
    scheduled.latest_finish = Date::FromDays(latest_finish[i]);
    scheduled.latest_start = Date::FromDays(latest_start[i]);
    scheduled.done = milestone.actual && *milestone.actual <= today;
    scheduled.slack_days = latest_start[i] - today_day;
    scheduled.at_fault = !scheduled.done && scheduled.slack_days < 0;
    if (scheduled.at_fault) faulty.push_back(i);
    schedule.milestones.push_back(std::move(scheduled));
  }
  std::stable_sort(faulty.begin(), faulty.end(), [&](size_t a, size_t b) { return latest_start[a] < latest_start[b]; });
  for (size_t index : faulty) schedule.at_fault.push_back(milestones[index].id);
  if (!faulty.empty()) {
    schedule.feasible = false;
    const ScheduledMilestone& first = schedule.milestones[faulty.front()];
    std::string overdue = std::to_string(-first.slack_days);
    schedule.explanation = {"按目标日期" + target.ToString() + "倒排，节点“" + first.name + "”最迟应于" +
                                first.latest_start.ToString() + "开始，已过去" + overdue + "天，计划不可行",
                            "working back from " + target.ToString() + ", milestone \"" + first.name +
                                "\" had to start by " + first.latest_start.ToString() + ", " + overdue +
                                " days ago: the plan cannot be met"};
  }
  return schedule;
}

Status ApplyLatestDates(std::vector<Milestone>& milestones, Date target, Date today) {
  auto schedule = ScheduleBackward(milestones, target, today);
  if (!schedule.ok()) return schedule.status();
  for (size_t i = 0; i < milestones.size(); ++i) {
    if (schedule->milestones[i].done) continue;
    milestones[i].planned = schedule->milestones[i].latest_finish;
  }
  return Status::Ok();
}

}  // namespace sanpi::core
