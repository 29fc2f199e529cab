#include "core/milestone.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "core/validation.hpp"

namespace sanpi::core {
namespace {

std::string ItemField(size_t index, std::string_view name) {
  return "milestones[" + std::to_string(index) + "]." + std::string(name);
}

// Finds one cycle among the milestones Kahn's algorithm could not place. Each of them still waits for an
// unplaced predecessor, so following unplaced predecessors from any of them must come back round.
std::vector<size_t> FindCycle(const std::vector<Milestone>& milestones, const std::vector<bool>& placed,
                              const MilestoneIndex& index) {
  size_t start = std::find(placed.begin(), placed.end(), false) - placed.begin();
  std::vector<size_t> path;
  std::vector<int> position(milestones.size(), -1);
  size_t current = start;
  while (position[current] < 0) {
    position[current] = static_cast<int>(path.size());
    path.push_back(current);
    for (std::int64_t predecessor : milestones[current].predecessors) {
      auto found = index.Find(predecessor);
      if (found && !placed[*found]) {
        current = *found;
        break;
      }
    }
  }
  // path[position[current]] … path.back() walks predecessors; reverse it to read in the order work flows.
  std::vector<size_t> cycle(path.begin() + position[current], path.end());
  std::reverse(cycle.begin(), cycle.end());
  // Start the message at the cycle's milestone listed first, so the same graph always reads the same way.
  std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
  return cycle;
}

Status CycleError(const std::vector<Milestone>& milestones, const std::vector<size_t>& cycle) {
  std::string names;
  for (size_t index : cycle) names += milestones[index].name + " → ";
  names += milestones[cycle.front()].name;
  return Status::RuleBroken(
      {"节点之间存在循环依赖：" + names, "the milestones depend on each other in a cycle: " + names});
}

}  // namespace

MilestoneIndex::MilestoneIndex(const std::vector<Milestone>& milestones) {
  entries_.reserve(milestones.size());
  for (size_t i = 0; i < milestones.size(); ++i) entries_.emplace_back(milestones[i].id, i);
  std::sort(entries_.begin(), entries_.end());  // by id, then position: the first listed comes first
}

std::optional<size_t> MilestoneIndex::Find(std::int64_t id) const {
  auto found = std::lower_bound(entries_.begin(), entries_.end(), id,
                                [](const auto& entry, std::int64_t key) { return entry.first < key; });
  if (found == entries_.end() || found->first != id) return std::nullopt;
  return found->second;
}

Result<std::vector<size_t>> TopologicalOrder(const std::vector<Milestone>& milestones) {
  return TopologicalOrder(milestones, MilestoneIndex(milestones));
}

Result<std::vector<size_t>> TopologicalOrder(const std::vector<Milestone>& milestones, const MilestoneIndex& index) {
  const size_t count = milestones.size();
  // Successor lists in one flat array (compressed rows): edge_start[i] .. edge_start[i + 1].
  std::vector<int> waiting_for(count, 0);
  std::vector<size_t> edge_start(count + 1, 0);
  std::vector<size_t> predecessor_of_edge;
  std::vector<size_t> successor_of_edge;
  for (size_t i = 0; i < count; ++i) {
    for (std::int64_t predecessor : milestones[i].predecessors) {
      auto found = index.Find(predecessor);
      if (!found) continue;
      predecessor_of_edge.push_back(*found);
      successor_of_edge.push_back(i);
      ++edge_start[*found + 1];
      ++waiting_for[i];
    }
  }
  for (size_t i = 0; i < count; ++i) edge_start[i + 1] += edge_start[i];
  std::vector<size_t> successors(successor_of_edge.size());
  std::vector<size_t> fill(edge_start.begin(), edge_start.end() - 1);
  for (size_t edge = 0; edge < successor_of_edge.size(); ++edge)
    successors[fill[predecessor_of_edge[edge]]++] = successor_of_edge[edge];

  // A min-ordered frontier keeps the input order among milestones that are free at the same time.
  std::vector<size_t> frontier;
  for (size_t i = 0; i < count; ++i)
    if (waiting_for[i] == 0) frontier.push_back(i);
  std::make_heap(frontier.begin(), frontier.end(), std::greater<>());
  std::vector<size_t> order;
  order.reserve(count);
  std::vector<bool> placed(count, false);
  while (!frontier.empty()) {
    std::pop_heap(frontier.begin(), frontier.end(), std::greater<>());
    size_t next = frontier.back();
    frontier.pop_back();
    order.push_back(next);
    placed[next] = true;
    for (size_t edge = edge_start[next]; edge < edge_start[next + 1]; ++edge) {
      size_t successor = successors[edge];
      if (--waiting_for[successor] == 0) {
        frontier.push_back(successor);
        std::push_heap(frontier.begin(), frontier.end(), std::greater<>());
      }
    }
  }
  if (order.size() < count) return CycleError(milestones, FindCycle(milestones, placed, index));
  return order;
}

Status CheckMilestoneFields(const std::vector<Milestone>& milestones, const MilestoneIndex& index) {
  FieldErrors errors;
  for (size_t i = 0; i < milestones.size(); ++i) {
    const Milestone& milestone = milestones[i];
    if (milestone.id <= 0) {
      errors.Add(ItemField(i, "id"), {"节点编号必须为正数", "the milestone id must be positive"});
    } else if (index.Find(milestone.id) != i) {
      errors.Add(ItemField(i, "id"), {"节点编号重复：" + std::to_string(milestone.id),
                                      "duplicate milestone id " + std::to_string(milestone.id)});
    }
    // Field names are built only for a bad value: this runs on every reverse-scheduling request.
    long length = Utf8Length(milestone.name);
    bool blank = milestone.name.find_first_not_of(" \t\r\n") == std::string::npos;
    if (length <= 0 || blank || length > kMaxMilestoneNameChars) {
      CheckName(errors, ItemField(i, "name"), milestone.name, kMaxMilestoneNameChars);
    }
    if (milestone.standard_days < 0 || milestone.standard_days > kMaxStandardDays) {
      errors.Add(ItemField(i, "standard_days"),
                 {"标准工期应在0至" + std::to_string(kMaxStandardDays) + "天之间",
                  "the standard duration must be 0 to " + std::to_string(kMaxStandardDays) + " days"});
    }
    const auto& predecessors = milestone.predecessors;
    for (size_t k = 0; k < predecessors.size(); ++k) {
      std::int64_t predecessor = predecessors[k];
      if (!index.Find(predecessor)) {
        errors.Add(ItemField(i, "predecessors"), {"前置节点" + std::to_string(predecessor) + "不存在",
                                                  "predecessor " + std::to_string(predecessor) + " does not exist"});
      } else if (std::find(predecessors.begin(), predecessors.begin() + k, predecessor) != predecessors.begin() + k) {
        errors.Add(ItemField(i, "predecessors"), {"前置节点" + std::to_string(predecessor) + "重复",
                                                  "predecessor " + std::to_string(predecessor) + " is listed twice"});
      }
    }
  }
  return errors.ToStatus();
}

Status ValidateMilestones(const std::vector<Milestone>& milestones) {
  MilestoneIndex index(milestones);
  if (Status fields = CheckMilestoneFields(milestones, index); !fields.ok()) return fields;
  auto order = TopologicalOrder(milestones, index);
  return order.ok() ? Status::Ok() : order.status();
}

std::vector<std::string_view> MilestoneTemplateKinds() { return {"industrial", "infrastructure", "livelihood"}; }

Result<std::vector<MilestoneTemplateStep>> MilestoneTemplate(std::string_view kind_code) {
  // Standard durations are the zone's rules of thumb for a mid-sized project; regions may edit the copies.
  // Approvals that run in parallel (规划许可 with 环评) make the graph a diamond, not a chain.
  if (kind_code == "industrial") {
    return std::vector<MilestoneTemplateStep>{
        {"land", {"拿地", "Land acquired"}, 60, {}},
        {"planning_permit", {"规划许可", "Planning permit"}, 30, {"land"}},
        {"environment_approval", {"环评批复", "Environmental approval"}, 45, {"land"}},
        {"construction_permit", {"施工许可", "Construction permit"}, 20, {"planning_permit", "environment_approval"}},
        {"start", {"开工", "Construction started"}, 15, {"construction_permit"}},
        {"topping_out", {"主体封顶", "Structure topped out"}, 180, {"start"}},
        {"completion", {"竣工", "Completed"}, 120, {"topping_out"}},
        {"production", {"投产", "In production"}, 60, {"completion"}},
        {"effective", {"达效", "Designed output reached"}, 365, {"production"}},
    };
  }
  if (kind_code == "infrastructure") {
    return std::vector<MilestoneTemplateStep>{
        {"approval", {"立项批复", "Project approved"}, 60, {}},
        {"land", {"用地批复", "Land approved"}, 60, {"approval"}},
        {"planning_permit", {"规划许可", "Planning permit"}, 30, {"approval"}},
        {"construction_permit", {"施工许可", "Construction permit"}, 30, {"land", "planning_permit"}},
        {"start", {"开工", "Construction started"}, 15, {"construction_permit"}},
        {"main_works", {"主体完工", "Main works finished"}, 300, {"start"}},
        {"completion", {"竣工验收", "Completion accepted"}, 60, {"main_works"}},
        {"in_service", {"投用", "In service"}, 30, {"completion"}},
    };
  }
  if (kind_code == "livelihood") {
    return std::vector<MilestoneTemplateStep>{
        {"approval", {"立项批复", "Project approved"}, 45, {}},
        {"land", {"拿地", "Land acquired"}, 60, {"approval"}},
        {"planning_permit", {"规划许可", "Planning permit"}, 30, {"land"}},
        {"construction_permit", {"施工许可", "Construction permit"}, 20, {"planning_permit"}},
        {"start", {"开工", "Construction started"}, 15, {"construction_permit"}},
        {"topping_out", {"主体封顶", "Structure topped out"}, 150, {"start"}},
        {"completion", {"竣工", "Completed"}, 120, {"topping_out"}},
        {"in_service", {"投用", "In service"}, 30, {"completion"}},
    };
  }
  return Status::NotFound(
      {"未知的项目类型：" + std::string(kind_code), "unknown project kind: " + std::string(kind_code)});
}

Result<std::vector<Milestone>> InstantiateMilestoneTemplate(std::string_view kind_code, std::int64_t project_id,
                                                            std::int64_t first_id) {
  auto steps = MilestoneTemplate(kind_code);
  if (!steps.ok()) return steps.status();
  std::unordered_map<std::string_view, std::int64_t> id_of_code;
  std::vector<Milestone> milestones;
  for (size_t i = 0; i < steps->size(); ++i) {
    const auto& step = (*steps)[i];
    Milestone milestone;
    milestone.id = first_id + static_cast<std::int64_t>(i);
    milestone.project_id = project_id;
    milestone.code = std::string(step.code);
    milestone.name = step.name.zh;
    milestone.standard_days = step.standard_days;
    milestone.sort_order = static_cast<int>(i);
    for (auto code : step.predecessor_codes) milestone.predecessors.push_back(id_of_code.at(code));
    id_of_code.emplace(step.code, milestone.id);
    milestones.push_back(std::move(milestone));
  }
  return milestones;
}

std::vector<LateMilestone> LateMilestones(const std::vector<Milestone>& milestones, Date as_of) {
  std::vector<LateMilestone> late;
  for (const auto& milestone : milestones) {
    if (!milestone.planned || *milestone.planned >= as_of) continue;
    if (milestone.actual && *milestone.actual <= as_of) continue;
    late.push_back({milestone.id, milestone.name, *milestone.planned,
                    as_of.DaysSinceEpoch() - milestone.planned->DaysSinceEpoch()});
  }
  std::sort(late.begin(), late.end(), [](const LateMilestone& a, const LateMilestone& b) {
    if (a.days_late != b.days_late) return a.days_late > b.days_late;
    return a.id < b.id;
  });
  return late;
}

}  // namespace sanpi::core
