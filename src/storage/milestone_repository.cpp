#include "storage/milestone_repository.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/milestone_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/project_repository.hpp"

namespace sanpi::storage {
namespace {

namespace json = boost::json;

constexpr const char* kColumns =
    "id, project_id, code, name, planned, actual, standard_days, predecessors, sort_order, version";

std::optional<core::Date> OptionalDate(const Row& row, size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return core::Date::Parse(row.Text(column));
}
Value DateValue(const std::optional<core::Date>& date) { return date ? Value{date->ToString()} : Value{nullptr}; }

std::string IdsText(const std::vector<std::int64_t>& ids) {
  json::array out;
  for (auto id : ids) out.push_back(id);
  return json::serialize(out);
}

core::Milestone FromRow(const Row& row) {
  core::Milestone m;
  m.id = row.Int(0);
  m.project_id = row.Int(1);
  m.code = row.Text(2);
  m.name = row.Text(3);
  m.planned = OptionalDate(row, 4);
  m.actual = OptionalDate(row, 5);
  m.standard_days = static_cast<int>(row.Int(6));
  boost::system::error_code error;
  auto ids = json::parse(row.Text(7), error);
  if (!error && ids.is_array())
    for (const auto& id : ids.as_array())
      if (id.is_int64()) m.predecessors.push_back(id.as_int64());
  m.sort_order = static_cast<int>(row.Int(8));
  m.version = row.Int(9);
  return m;
}

std::string Snapshot(const core::Milestone& m) { return json::serialize(codec::ToJson(m)); }
core::Status NotFound() { return core::Status::NotFound({"节点不存在", "milestone not found"}); }
core::Status Stale() {
  return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
}

}  // namespace

core::Result<std::string> MilestoneRepository::RegionOf(const core::Principal& caller, std::int64_t project_id) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  return project->region_code;
}

std::vector<core::Milestone> MilestoneRepository::ListOf(std::int64_t project_id) {
  std::vector<core::Milestone> out;
  for (auto row : tx_.Query(std::string("SELECT ") + kColumns +
                                " FROM milestones WHERE project_id = $1 ORDER BY sort_order, id",
                            {project_id})) {
    out.push_back(FromRow(row));
  }
  return out;
}

core::Result<std::vector<core::Milestone>> MilestoneRepository::List(const core::Principal& caller,
                                                                     std::int64_t project_id) {
  auto region = RegionOf(caller, project_id);
  if (!region.ok()) return region.status();
  return ListOf(project_id);
}

void MilestoneRepository::Write(const core::Milestone& m) {
  tx_.Execute(
      "UPDATE milestones SET code = $1, name = $2, planned = $3, actual = $4, standard_days = $5, predecessors = $6, "
      "sort_order = $7, updated_at = $8, version = version + 1 WHERE id = $9",
      {m.code, m.name, DateValue(m.planned), DateValue(m.actual), std::int64_t{m.standard_days}, IdsText(m.predecessors),
       std::int64_t{m.sort_order}, NowLocal(), m.id});
}

core::Result<core::Milestone> MilestoneRepository::Create(const core::Principal& caller, std::int64_t project_id,
                                                          core::Milestone m) {
  auto region = RegionOf(caller, project_id);
  if (!region.ok()) return region.status();
  auto all = ListOf(project_id);
  m.project_id = project_id;
  // A provisional id larger than any existing one lets the graph be checked before the insert.
  m.id = 1;
  for (const auto& other : all) m.id = std::max(m.id, other.id + 1);
  if (m.sort_order == 0) m.sort_order = static_cast<int>(all.size()) + 1;
  all.push_back(m);
  if (auto status = core::ValidateMilestones(all); !status.ok()) return status;
  const std::string now = NowLocal();
  auto rows = tx_.Query(
      "INSERT INTO milestones (region_code, project_id, code, name, planned, actual, standard_days, predecessors, "
      "sort_order, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10) "
      "RETURNING id",
      {*region, project_id, m.code, m.name, DateValue(m.planned), DateValue(m.actual), std::int64_t{m.standard_days},
       IdsText(m.predecessors), std::int64_t{m.sort_order}, now});
  m.id = rows.front().Int(0);
  m.version = 1;
  AuditLog(tx_).Append(caller, "create", "milestone", std::to_string(m.id), "", Snapshot(m));
  return m;
}

core::Result<core::Milestone> MilestoneRepository::Update(const core::Principal& caller, std::int64_t project_id,
                                                          std::int64_t id, core::Milestone changes) {
  auto region = RegionOf(caller, project_id);
  if (!region.ok()) return region.status();
  auto all = ListOf(project_id);
  auto current = std::find_if(all.begin(), all.end(), [&](const core::Milestone& m) { return m.id == id; });
  if (current == all.end()) return NotFound();
  if (current->version != changes.version) return Stale();
  const core::Milestone before = *current;
  changes.id = id;
  changes.project_id = project_id;
  *current = changes;
  if (auto status = core::ValidateMilestones(all); !status.ok()) return status;
  auto changed = tx_.Execute(
      "UPDATE milestones SET code = $1, name = $2, planned = $3, actual = $4, standard_days = $5, predecessors = $6, "
      "sort_order = $7, updated_at = $8, version = version + 1 WHERE id = $9 AND version = $10",
      {changes.code, changes.name, DateValue(changes.planned), DateValue(changes.actual),
       std::int64_t{changes.standard_days}, IdsText(changes.predecessors), std::int64_t{changes.sort_order}, NowLocal(),
       id, before.version});
  if (changed != 1) return Stale();
  changes.version = before.version + 1;
  AuditLog(tx_).Append(caller, "update", "milestone", std::to_string(id), Snapshot(before), Snapshot(changes));
  return changes;
}

core::Status MilestoneRepository::Delete(const core::Principal& caller, std::int64_t project_id, std::int64_t id,
                                         std::int64_t version) {
  auto region = RegionOf(caller, project_id);
  if (!region.ok()) return region.status();
  auto all = ListOf(project_id);
  auto current = std::find_if(all.begin(), all.end(), [&](const core::Milestone& m) { return m.id == id; });
  if (current == all.end()) return NotFound();
  if (current->version != version) return Stale();
  for (const auto& other : all) {
    if (std::find(other.predecessors.begin(), other.predecessors.end(), id) != other.predecessors.end()) {
      return core::Status::RuleBroken({"节点“" + other.name + "”依赖此节点，请先解除依赖",
                                       "milestone \"" + other.name + "\" waits for this one; remove that dependency first"});
    }
  }
  tx_.Execute("DELETE FROM milestones WHERE id = $1 AND version = $2", {id, version});
  AuditLog(tx_).Append(caller, "delete", "milestone", std::to_string(id), Snapshot(*current), "");
  return core::Status::Ok();
}

core::Result<std::vector<core::Milestone>> MilestoneRepository::ApplyTemplate(const core::Principal& caller,
                                                                              std::int64_t project_id,
                                                                              const std::string& kind) {
  auto region = RegionOf(caller, project_id);
  if (!region.ok()) return region.status();
  if (!ListOf(project_id).empty()) {
    return core::Status::RuleBroken({"该项目已有节点，不能再套用模板", "the project already has milestones; a template cannot be applied"});
  }
  auto steps = core::InstantiateMilestoneTemplate(kind, project_id, 1);
  if (!steps.ok()) return steps.status();
  // Insert first, then point the predecessors at the ids the database gave.
  std::vector<std::int64_t> db_id(steps->size() + 1);
  const std::string now = NowLocal();
  for (size_t i = 0; i < steps->size(); ++i) {
    auto& m = (*steps)[i];
    m.sort_order = static_cast<int>(i) + 1;
    auto rows = tx_.Query(
        "INSERT INTO milestones (region_code, project_id, code, name, standard_days, predecessors, sort_order, version, "
        "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, '[]', $6, 1, $7, $7) RETURNING id",
        {*region, project_id, m.code, m.name, std::int64_t{m.standard_days}, std::int64_t{m.sort_order}, now});
    db_id[static_cast<size_t>(m.id)] = rows.front().Int(0);
  }
  for (auto& m : *steps) {
    m.id = db_id[static_cast<size_t>(m.id)];
    for (auto& p : m.predecessors) p = db_id[static_cast<size_t>(p)];
    tx_.Execute("UPDATE milestones SET predecessors = $1 WHERE id = $2", {IdsText(m.predecessors), m.id});
    m.version = 1;
    AuditLog(tx_).Append(caller, "create", "milestone", std::to_string(m.id), "", Snapshot(m));
  }
  return *steps;
}

core::Result<core::ReverseSchedule> MilestoneRepository::Schedule(const core::Principal& caller,
                                                                  std::int64_t project_id, core::Date target,
                                                                  bool apply, std::vector<core::Milestone>* applied) {
  auto region = RegionOf(caller, project_id);
  if (!region.ok()) return region.status();
  auto all = ListOf(project_id);
  const core::Date today = core::Date::Today();
  auto schedule = core::ScheduleBackward(all, target, today);
  if (!schedule.ok() || !apply) return schedule;
  auto updated = all;
  if (auto status = core::ApplyLatestDates(updated, target, today); !status.ok()) return status;
  for (size_t i = 0; i < updated.size(); ++i) {
    if (updated[i].planned == all[i].planned) continue;
    Write(updated[i]);
    ++updated[i].version;
    AuditLog(tx_).Append(caller, "reschedule", "milestone", std::to_string(updated[i].id), Snapshot(all[i]),
                         Snapshot(updated[i]));
  }
  if (applied) *applied = std::move(updated);
  return schedule;
}

}  // namespace sanpi::storage
