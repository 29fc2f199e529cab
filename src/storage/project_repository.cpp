#include "storage/project_repository.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/project_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/org_unit_repository.hpp"
#include "storage/roster_cache.hpp"
#include "storage/scope_sql.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kColumns =
    "t.id, t.region_code, t.unit_id, t.created_by, t.code, t.name, t.enterprise_id, t.industry, t.kind, t.address, "
    "t.longitude, t.latitude, t.parcel, t.construction_content, t.total_investment, t.leader_id, "
    "t.cooperating_unit_ids, t.responsible_person, t.responsible_phone, t.in_stats_db, t.in_stats_db_on, t.stage, "
    "t.signed_on, t.fulfilled_on, t.started_on, t.producing_on, t.effective_on, t.withdrawn_on, t.withdrawal_reason, "
    "t.version, t.created_at, t.updated_at";

std::optional<core::Date> DateAt(const Row& row, size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return core::Date::Parse(row.Text(column));
}

Value DateValue(const std::optional<core::Date>& date) { return date ? Value{date->ToString()} : Value{nullptr}; }
Value IdOrNull(std::int64_t id) { return id == 0 ? Value{nullptr} : Value{id}; }
Value RealOrNull(const std::optional<double>& v) { return v ? Value{*v} : Value{nullptr}; }

std::string IdsJson(const std::vector<std::int64_t>& ids) {
  boost::json::array array;
  for (auto id : ids) array.push_back(id);
  return boost::json::serialize(array);
}

std::string Snapshot(const core::Project& p) { return boost::json::serialize(codec::ToJson(p)); }

core::Status NotFound() { return core::Status::NotFound({"项目不存在", "project not found"}); }
core::Status Stale() {
  return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
}

bool RegionWide(const core::Principal& caller) {
  return caller.scope == core::DataScope::kRegion || caller.scope == core::DataScope::kRegionAndBelow;
}

// The stage columns, in the order the UPDATE below binds them ($1…$9).
Params StageParams(const core::Project& p) {
  const auto& r = p.progress;
  return {std::string(core::StageCode(r.stage)), DateValue(r.signed_on), DateValue(r.fulfilled_on),
          DateValue(r.started_on), DateValue(r.producing_on), DateValue(r.effective_on), DateValue(r.withdrawn_on),
          r.withdrawal_reason, static_cast<std::int64_t>(p.in_stats_db ? 1 : 0)};
}

}  // namespace

const char* ProjectRepository::Columns() { return kColumns; }

core::Project ProjectRepository::FromRow(const Row& row) {
  core::Project p;
  p.id = row.Int(0);
  p.region_code = row.Text(1);
  p.lead_unit_id = row.Int(2);
  p.created_by = row.Int(3);
  p.code = row.Text(4);
  p.name = row.Text(5);
  p.enterprise_id = row.Int(6);
  p.industry = row.Text(7);
  p.kind = core::ParseProjectKind(row.Text(8)).value_or(core::ProjectKind::kIndustry);
  p.address = row.Text(9);
  if (!row.IsNull(10)) p.longitude = row.Real(10);
  if (!row.IsNull(11)) p.latitude = row.Real(11);
  p.parcel = row.Text(12);
  p.construction_content = row.Text(13);
  p.total_investment = row.Int(14);
  p.leader_id = row.Int(15);
  boost::system::error_code ignored;
  auto units = boost::json::parse(row.Text(16), ignored);
  if (auto* array = units.if_array())
    for (const auto& unit : *array)
      if (unit.is_int64()) p.cooperating_unit_ids.push_back(unit.get_int64());
  p.responsible_person = row.Text(17);
  p.responsible_phone = row.Text(18);
  p.in_stats_db = row.Int(19) != 0;
  p.in_stats_db_on = DateAt(row, 20);
  p.progress.stage = core::ParseStageCode(row.Text(21)).value_or(core::Stage::kReserve);
  p.progress.signed_on = DateAt(row, 22);
  p.progress.fulfilled_on = DateAt(row, 23);
  p.progress.started_on = DateAt(row, 24);
  p.progress.producing_on = DateAt(row, 25);
  p.progress.effective_on = DateAt(row, 26);
  p.progress.withdrawn_on = DateAt(row, 27);
  p.progress.withdrawal_reason = row.Text(28);
  p.version = row.Int(29);
  p.created_at = row.Text(30);
  p.updated_at = row.Text(31);
  return p;
}

std::string ProjectRepository::VisibleTo(const core::Principal& caller, Params& params) {
  if (caller.roles.size() == 1 && caller.Has(core::Role::kEnterprise)) {
    return "(t.enterprise_id = " + Bind(params, caller.enterprise_id) + ")";
  }
  if (caller.scope == core::DataScope::kSelf && caller.Has(core::Role::kLeader)) {
    std::string me = Bind(params, caller.user_id);
    return "(t.leader_id = " + me + " OR t.created_by = " + me + ")";
  }
  return ScopePredicate(caller, {}, params);
}

core::Result<core::Project> ProjectRepository::Get(const core::Principal& caller, std::int64_t id) {
  Params params{id};
  auto rows = tx_.Query(std::string("SELECT ") + kColumns + " FROM projects t WHERE t.id = $1 AND " +
                            VisibleTo(caller, params), params);
  if (rows.empty()) return NotFound();
  return FromRow(rows.front());
}

core::Status ProjectRepository::CheckReferences(const core::Principal& caller, const core::Project& p,
                                                const core::Project* current) {
  core::FieldErrors errors;
  const std::string& region = p.region_code;
  if (!current || current->lead_unit_id != p.lead_unit_id) {
    // A project can be led only by a unit the caller himself can see.
    if (!OrgUnitRepository(tx_).Get(caller, p.lead_unit_id).ok() ||
        tx_.Query("SELECT 1 FROM org_units WHERE id = $1 AND region_code = $2", {p.lead_unit_id, region}).empty()) {
      errors.Add("lead_unit_id", {"牵头单位不存在或不在您的管辖范围内", "no such lead unit within your data scope"});
    }
  }
  if (p.enterprise_id != 0 &&
      tx_.Query("SELECT 1 FROM enterprises WHERE id = $1 AND region_code = $2", {p.enterprise_id, region}).empty()) {
    errors.Add("enterprise_id", {"建设单位不存在", "no such enterprise in this region"});
  }
  if (tx_.Query("SELECT 1 FROM users WHERE id = $1 AND region_code = $2 AND active = 1", {p.leader_id, region}).empty()) {
    errors.Add("leader_id", {"包联领导不是本区域的有效用户", "the leader is not an active user of this region"});
  }
  for (auto unit : p.cooperating_unit_ids) {
    if (tx_.Query("SELECT 1 FROM org_units WHERE id = $1 AND region_code = $2", {unit, region}).empty()) {
      errors.Add("cooperating_unit_ids", {"配合单位不存在：" + std::to_string(unit), "no such cooperating unit: " + std::to_string(unit)});
      break;
    }
  }
  if (!errors.empty()) return errors.ToStatus();
  if (!p.code.empty() && (!current || current->code != p.code)) {
    auto taken = tx_.Query("SELECT 1 FROM projects WHERE region_code = $1 AND code = $2 AND id <> $3",
                           {region, p.code, current ? current->id : std::int64_t{0}});
    if (!taken.empty()) return core::Status::ConflictOn("code", {"该项目代码已登记", "a project with this code already exists"});
  }
  return core::Status::Ok();
}

core::Result<core::Project> ProjectRepository::Create(const core::Principal& caller, core::Project p) {
  p.region_code = caller.region_code;
  p.created_by = caller.user_id;
  // A unit user enters projects his own unit leads unless he names another unit in his scope.
  if (p.lead_unit_id == 0 && !RegionWide(caller)) p.lead_unit_id = caller.unit_id;
  p.version = 0;
  if (auto status = core::ValidateProject(p, core::Date::Today()); !status.ok()) return status;
  if (auto status = CheckReferences(caller, p, nullptr); !status.ok()) return status;
  p.created_at = p.updated_at = NowLocal();
  p.version = 1;
  Params params{p.region_code, p.lead_unit_id, IdOrNull(p.created_by), p.code, p.name, IdOrNull(p.enterprise_id),
                p.industry, std::string(core::ProjectKindCode(p.kind)), p.address, RealOrNull(p.longitude),
                RealOrNull(p.latitude), p.parcel, p.construction_content, p.total_investment, p.leader_id,
                IdsJson(p.cooperating_unit_ids), p.responsible_person, p.responsible_phone, DateValue(p.in_stats_db_on),
                p.created_at};
  for (auto& value : StageParams(p)) params.push_back(std::move(value));
  auto rows = tx_.Query(
      "INSERT INTO projects (region_code, unit_id, created_by, code, name, enterprise_id, industry, kind, address, "
      "longitude, latitude, parcel, construction_content, total_investment, leader_id, cooperating_unit_ids, "
      "responsible_person, responsible_phone, in_stats_db_on, created_at, updated_at, stage, signed_on, fulfilled_on, "
      "started_on, producing_on, effective_on, withdrawn_on, withdrawal_reason, in_stats_db, version) VALUES "
      "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20, $21, $22, $23, "
      "$24, $25, $26, $27, $28, $29, 1) RETURNING id",
      params);
  p.id = rows.front().Int(0);
  BumpRegionRevision(tx_, p.region_code);
  AuditLog(tx_).Append(caller, "create", "project", std::to_string(p.id), "", Snapshot(p));
  return p;
}

core::Result<core::Project> ProjectRepository::Update(const core::Principal& caller, std::int64_t id,
                                                      core::Project changes) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != changes.version) return Stale();
  core::Project next = *current;
  next.code = changes.code;
  next.name = changes.name;
  next.enterprise_id = changes.enterprise_id;
  next.industry = changes.industry;
  next.kind = changes.kind;
  next.address = changes.address;
  next.longitude = changes.longitude;
  next.latitude = changes.latitude;
  next.parcel = changes.parcel;
  next.construction_content = changes.construction_content;
  next.total_investment = changes.total_investment;
  next.leader_id = changes.leader_id;
  if (changes.lead_unit_id != 0) next.lead_unit_id = changes.lead_unit_id;
  next.cooperating_unit_ids = changes.cooperating_unit_ids;
  next.responsible_person = changes.responsible_person;
  next.responsible_phone = changes.responsible_phone;
  if (auto status = core::ValidateProject(next, core::Date::Today()); !status.ok()) return status;
  if (auto status = CheckReferences(caller, next, &*current); !status.ok()) return status;
  next.updated_at = NowLocal();
  next.version = current->version + 1;
  auto changed = tx_.Execute(
      "UPDATE projects SET code = $1, name = $2, enterprise_id = $3, industry = $4, kind = $5, address = $6, "
      "longitude = $7, latitude = $8, parcel = $9, construction_content = $10, total_investment = $11, leader_id = $12, "
      "unit_id = $13, cooperating_unit_ids = $14, responsible_person = $15, responsible_phone = $16, updated_at = $17, "
      "version = version + 1 WHERE id = $18 AND version = $19",
      {next.code, next.name, IdOrNull(next.enterprise_id), next.industry, std::string(core::ProjectKindCode(next.kind)),
       next.address, RealOrNull(next.longitude), RealOrNull(next.latitude), next.parcel, next.construction_content,
       next.total_investment, next.leader_id, next.lead_unit_id, IdsJson(next.cooperating_unit_ids),
       next.responsible_person, next.responsible_phone, next.updated_at, id, changes.version});
  if (changed != 1) return Stale();
  BumpRegionRevision(tx_, next.region_code);
  AuditLog(tx_).Append(caller, "update", "project", std::to_string(id), Snapshot(*current), Snapshot(next));
  return next;
}

core::Status ProjectRepository::Delete(const core::Principal& caller, std::int64_t id, std::int64_t version) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != version) return Stale();
  if (!tx_.Query("SELECT 1 FROM roster_entries WHERE project_id = $1", {id}).empty()) {
    return core::Status::RuleBroken({"项目已列入“三个一批”名单，不能删除；请以退出处理",
                                     "the project is on a campaign roster and cannot be deleted; withdraw it instead"});
  }
  tx_.Execute("DELETE FROM checklist_items WHERE project_id = $1", {id});
  tx_.Execute("DELETE FROM attachments WHERE project_id = $1", {id});  // files stay on disk as orphans for backup
  tx_.Execute("DELETE FROM projects WHERE id = $1 AND version = $2", {id, version});
  BumpRegionRevision(tx_, current->region_code);
  AuditLog(tx_).Append(caller, "delete", "project", std::to_string(id), Snapshot(*current), "");
  return core::Status::Ok();
}

core::Result<core::Project> ProjectRepository::SaveStage(const core::Principal& caller, const core::Project& current,
                                                         std::int64_t version, core::Project next,
                                                         const std::string& action, const std::string& reason) {
  if (auto status = core::ValidateProject(next, core::Date::Today()); !status.ok()) return status;
  next.updated_at = NowLocal();
  next.version = current.version + 1;
  Params params = StageParams(next);
  params.push_back(DateValue(next.in_stats_db_on));
  params.push_back(next.updated_at);
  params.push_back(current.id);
  params.push_back(version);
  auto changed = tx_.Execute(
      "UPDATE projects SET stage = $1, signed_on = $2, fulfilled_on = $3, started_on = $4, producing_on = $5, "
      "effective_on = $6, withdrawn_on = $7, withdrawal_reason = $8, in_stats_db = $9, in_stats_db_on = $10, "
      "updated_at = $11, version = version + 1 WHERE id = $12 AND version = $13",
      params);
  if (changed != 1) return Stale();
  BumpRegionRevision(tx_, current.region_code);
  boost::json::object after = codec::ToJson(next).as_object();
  if (!reason.empty()) after["reason"] = reason;  // the audit keeps why a correction was made
  AuditLog(tx_).Append(caller, action, "project", std::to_string(current.id), Snapshot(current),
                       boost::json::serialize(after));
  return next;
}

core::Result<core::Project> ProjectRepository::Advance(const core::Principal& caller, std::int64_t id,
                                                       std::int64_t version, const core::StageChange& change) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != version) return Stale();
  // A project that sat on a 签约一批 roster must have signed (and fulfilled) before it starts.
  bool contract_expected =
      !tx_.Query("SELECT 1 FROM roster_entries WHERE project_id = $1 AND batch = 'sign'", {id}).empty();
  auto record = core::AdvanceStage(current->progress, change, contract_expected, core::Date::Today());
  if (!record.ok()) return record.status();
  core::Project next = *current;
  next.progress = *record;
  return SaveStage(caller, *current, version, next, "stage", change.reason);
}

core::Result<core::Project> ProjectRepository::RecordFulfilment(const core::Principal& caller, std::int64_t id,
                                                                std::int64_t version, const core::Date& on) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != version) return Stale();
  auto record = core::RecordFulfilment(current->progress, on, core::Date::Today());
  if (!record.ok()) return record.status();
  core::Project next = *current;
  next.progress = *record;
  return SaveStage(caller, *current, version, next, "fulfilment", "");
}

core::Result<core::Project> ProjectRepository::Correct(const core::Principal& caller, std::int64_t id,
                                                       std::int64_t version, const core::StageRecord& corrected,
                                                       const std::string& reason) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != version) return Stale();
  auto correction = core::CorrectStage(current->progress, corrected, reason, core::Date::Today());
  if (!correction.ok()) return correction.status();
  core::Project next = *current;
  next.progress = correction->after;
  return SaveStage(caller, *current, version, next, "correct", correction->reason);
}

core::Result<core::Project> ProjectRepository::SetStatsDb(const core::Principal& caller, std::int64_t id,
                                                          std::int64_t version, bool in_stats_db,
                                                          std::optional<core::Date> on) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != version) return Stale();
  core::Project next = *current;
  next.in_stats_db = in_stats_db;
  next.in_stats_db_on = on;
  if (next.in_stats_db == current->in_stats_db && next.in_stats_db_on == current->in_stats_db_on) {
    return core::Status::RuleBroken({"入库状态没有变化", "the statistics-database status is unchanged"});
  }
  return SaveStage(caller, *current, version, next, "stats_db", "");
}

}  // namespace sanpi::storage
