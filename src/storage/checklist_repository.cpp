#include "storage/checklist_repository.hpp"

#include <boost/json/serialize.hpp>

#include "codec/project_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/project_repository.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kColumns = "id, project_id, item, owner_unit_id, owner, deadline, done_on, version";

core::ChecklistItem FromRow(const Row& row) {
  core::ChecklistItem item;
  item.id = row.Int(0);
  item.project_id = row.Int(1);
  item.item = row.Text(2);
  item.owner_unit_id = row.Int(3);
  item.owner = row.Text(4);
  item.deadline = core::Date::Parse(row.Text(5));
  if (!row.IsNull(6)) item.done_on = core::Date::Parse(row.Text(6));
  item.version = row.Int(7);
  return item;
}

Value DateValue(const std::optional<core::Date>& date) { return date ? Value{date->ToString()} : Value{nullptr}; }
std::string Snapshot(const core::ChecklistItem& item) { return boost::json::serialize(codec::ToJson(item)); }
core::Status NotFound() { return core::Status::NotFound({"清单事项不存在", "checklist item not found"}); }

}  // namespace

core::Status ChecklistRepository::CheckOwner(const std::string& region_code, const core::ChecklistItem& item) {
  if (auto status = core::ValidateChecklistItem(item, core::Date::Today()); !status.ok()) return status;
  if (item.owner_unit_id != 0 &&
      tx_.Query("SELECT 1 FROM org_units WHERE id = $1 AND region_code = $2", {item.owner_unit_id, region_code}).empty()) {
    return core::Status::InvalidField("owner_unit_id", {"责任单位不存在", "no such owner unit in this region"});
  }
  return core::Status::Ok();
}

core::Result<std::vector<core::ChecklistItem>> ChecklistRepository::List(const core::Principal& caller,
                                                                         std::int64_t project_id) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  std::vector<core::ChecklistItem> items;
  for (auto row : tx_.Query(std::string("SELECT ") + kColumns +
                                " FROM checklist_items WHERE project_id = $1 ORDER BY deadline, id",
                            {project_id})) {
    items.push_back(FromRow(row));
  }
  return items;
}

core::Result<core::ChecklistItem> ChecklistRepository::Get(const core::Principal& caller, std::int64_t project_id,
                                                           std::int64_t item_id) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  auto rows = tx_.Query(std::string("SELECT ") + kColumns + " FROM checklist_items WHERE id = $1 AND project_id = $2",
                        {item_id, project_id});
  if (rows.empty()) return NotFound();
  return FromRow(rows.front());
}

core::Result<core::ChecklistItem> ChecklistRepository::Create(const core::Principal& caller, std::int64_t project_id,
                                                              core::ChecklistItem item) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  item.project_id = project_id;
  if (auto status = CheckOwner(project->region_code, item); !status.ok()) return status;
  std::string now = NowLocal();
  auto rows = tx_.Query(
      "INSERT INTO checklist_items (project_id, item, owner_unit_id, owner, deadline, done_on, version, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id",
      {project_id, item.item, item.owner_unit_id == 0 ? Value{nullptr} : Value{item.owner_unit_id}, item.owner,
       DateValue(item.deadline), DateValue(item.done_on), now});
  item.id = rows.front().Int(0);
  item.version = 1;
  AuditLog(tx_).Append(caller, "create", "checklist_item", std::to_string(item.id), "", Snapshot(item));
  return item;
}

core::Result<core::ChecklistItem> ChecklistRepository::Update(const core::Principal& caller, std::int64_t project_id,
                                                              std::int64_t item_id, core::ChecklistItem changes) {
  auto current = Get(caller, project_id, item_id);
  if (!current.ok()) return current.status();
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (current->version != changes.version) {
    return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
  }
  changes.id = item_id;
  changes.project_id = project_id;
  if (auto status = CheckOwner(project->region_code, changes); !status.ok()) return status;
  changes.version = current->version + 1;
  auto changed = tx_.Execute(
      "UPDATE checklist_items SET item = $1, owner_unit_id = $2, owner = $3, deadline = $4, done_on = $5, "
      "updated_at = $6, version = version + 1 WHERE id = $7 AND version = $8",
      {changes.item, changes.owner_unit_id == 0 ? Value{nullptr} : Value{changes.owner_unit_id}, changes.owner,
       DateValue(changes.deadline), DateValue(changes.done_on), NowLocal(), item_id, current->version});
  if (changed != 1) {
    return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
  }
  AuditLog(tx_).Append(caller, "update", "checklist_item", std::to_string(item_id), Snapshot(*current), Snapshot(changes));
  return changes;
}

core::Status ChecklistRepository::Delete(const core::Principal& caller, std::int64_t project_id, std::int64_t item_id,
                                         std::int64_t version) {
  auto current = Get(caller, project_id, item_id);
  if (!current.ok()) return current.status();
  if (current->version != version) {
    return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
  }
  tx_.Execute("DELETE FROM checklist_items WHERE id = $1 AND version = $2", {item_id, version});
  AuditLog(tx_).Append(caller, "delete", "checklist_item", std::to_string(item_id), Snapshot(*current), "");
  return core::Status::Ok();
}

}  // namespace sanpi::storage
