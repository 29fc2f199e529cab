#pragma once
// 节点: the dated steps of a project (拿地, 规划许可, 施工许可, 开工, 主体封顶, 竣工, 投产, 达效 …), each with a
// planned and an actual date, a standard duration 标准工期 and the milestones it waits for. The
// dependencies form a graph that must be acyclic; reverse scheduling (reverse_schedule.hpp) walks it.
//
// A milestone is an event at the END of a piece of work lasting `standard_days`: 开工 with 15 days means
// "15 days of site preparation, then construction starts". The work may begin once every predecessor
// milestone is reached.
//
// Templates are keyed by a kind code — "industrial" 产业, "infrastructure" 基础设施, "livelihood" 社会民生 —
// rather than a project enum, so this file does not depend on core/project.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/status.hpp"
#include "core/text.hpp"

namespace sanpi::core {

inline constexpr int kMaxStandardDays = 3650;  // ten years: a longer step is a typing error
inline constexpr long kMaxMilestoneNameChars = 50;

struct Milestone {
  std::int64_t id = 0;  // unique within the project, > 0
  std::int64_t project_id = 0;
  std::string code{};                        // template code ("land", "start" …) or empty for a custom milestone
  std::string name{};                        // shown name, e.g. 施工许可
  std::optional<Date> planned{};             // 计划完成日期
  std::optional<Date> actual{};              // 实际完成日期: set means done
  int standard_days = 0;                     // 标准工期, 0 … kMaxStandardDays
  std::vector<std::int64_t> predecessors{};  // ids of the milestones this one waits for
  int sort_order = 0;                        // position on the wall chart
  std::int64_t version = 0;
};

// Field checks (ids, names, durations, predecessors that exist, no duplicates) and then the graph:
// a cycle is RuleBroken (422) whose message names the milestones on it in order, e.g.
// "节点之间存在循环依赖：开工 → 主体封顶 → 开工", in the direction work flows and starting from the cycle's
// milestone listed first. A milestone listing itself is a cycle of one.
Status ValidateMilestones(const std::vector<Milestone>& milestones);

// Positions of milestones by id, for graph walks (a sorted table: fast for the few dozen milestones of a
// project). With duplicate ids the first listed wins.
class MilestoneIndex {
 public:
  explicit MilestoneIndex(const std::vector<Milestone>& milestones);
  std::optional<size_t> Find(std::int64_t id) const;

 private:
  std::vector<std::pair<std::int64_t, size_t>> entries_;
};

// Indices into `milestones` so that every milestone comes after its predecessors; among milestones that
// are free at the same time the input order is kept. RuleBroken naming the cycle when there is one;
// predecessor ids not in the list are ignored here (ValidateMilestones reports them).
Result<std::vector<size_t>> TopologicalOrder(const std::vector<Milestone>& milestones);

// The two halves of ValidateMilestones, taking an index already built over the same list — for graph walks
// (reverse scheduling) that need the index themselves and run on every request.
Status CheckMilestoneFields(const std::vector<Milestone>& milestones, const MilestoneIndex& index);
Result<std::vector<size_t>> TopologicalOrder(const std::vector<Milestone>& milestones, const MilestoneIndex& index);

// A step of a standard template.
struct MilestoneTemplateStep {
  std::string_view code;
  Text name{};
  int standard_days = 0;
  std::vector<std::string_view> predecessor_codes{};
};

// "industrial", "infrastructure", "livelihood".
std::vector<std::string_view> MilestoneTemplateKinds();
// NotFound for an unknown kind code.
Result<std::vector<MilestoneTemplateStep>> MilestoneTemplate(std::string_view kind_code);
// The template as milestones of `project_id`, ids first_id, first_id + 1, … in template order, names in Chinese,
// no dates yet. NotFound for an unknown kind code.
Result<std::vector<Milestone>> InstantiateMilestoneTemplate(std::string_view kind_code, std::int64_t project_id,
                                                            std::int64_t first_id);

// 逾期节点: planned before `as_of` and not done by `as_of` (an actual date after `as_of` does not count yet).
struct LateMilestone {
  std::int64_t id = 0;
  std::string name{};
  Date planned{};
  int days_late = 0;  // as_of − planned, >= 1
};
// Most overdue first; ties by id.
std::vector<LateMilestone> LateMilestones(const std::vector<Milestone>& milestones, Date as_of);

}  // namespace sanpi::core
