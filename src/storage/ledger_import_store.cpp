#include "storage/ledger_import_store.hpp"

#include <future>

#include <boost/json/serialize.hpp>

#include "codec/campaign_json.hpp"
#include "codec/project_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/campaign_repository.hpp"
#include "storage/clock.hpp"
#include "storage/enterprise_repository.hpp"
#include "storage/project_repository.hpp"
#include "storage/roster_cache.hpp"

namespace sanpi::storage {
namespace {

Value DateValue(const std::optional<core::Date>& date) { return date ? Value{date->ToString()} : Value{nullptr}; }
Value IdOrNull(std::int64_t id) { return id == 0 ? Value{nullptr} : Value{id}; }

std::string Snapshot(const core::Project& p) { return boost::json::serialize(codec::ToJson(p)); }
std::string Snapshot(const core::RosterEntry& e) { return boost::json::serialize(codec::ToJson(e)); }

core::Status Stale() {
  return core::Status::Conflict({"导入期间项目已被他人修改，请重新预览后再导入",
                                 "a project was changed while importing; run the dry run again"});
}

}  // namespace

void LoadLedgerReferences(Transaction& tx, const core::Principal& caller, core::LedgerWorld& world) {
  const std::string& region = caller.region_code;
  world.region_code = region;
  for (auto row : tx.Query("SELECT id, name, uscc FROM enterprises WHERE region_code = $1", {region}))
    world.enterprises.push_back({row.Int(0), row.Text(1), row.Text(2)});
  for (auto row : tx.Query("SELECT id, name, code FROM org_units WHERE region_code = $1", {region}))
    world.units.push_back({row.Int(0), row.Text(1), row.Text(2)});
  for (auto row : tx.Query("SELECT id, display_name, username FROM users WHERE region_code = $1 AND active = 1", {region}))
    world.leaders.push_back({row.Int(0), row.Text(1), row.Text(2)});
  for (const auto& period : CampaignRepository(tx).ListPeriods(region)) world.periods.push_back(period.number);
  CampaignRepository(tx).AllEntries(region, world.entries, world.adjustments);
}

core::LedgerWorld LoadLedgerWorld(Transaction& tx, const core::Principal& caller) {
  core::LedgerWorld world;
  LoadLedgerReferences(tx, caller, world);
  Params params{caller.region_code};
  std::string visible = ProjectRepository::VisibleTo(caller, params);
  for (auto row : tx.Query(std::string("SELECT ") + ProjectRepository::Columns() +
                               " FROM projects t WHERE t.region_code = $1 AND " + visible + " ORDER BY t.id",
                           params)) {
    world.projects.push_back(ProjectRepository::FromRow(row));
  }
  return world;
}

LedgerWriter::LedgerWriter(Transaction& tx, const core::Principal& caller, const core::LedgerWorld& world)
    : tx_(tx), caller_(caller), world_(world), now_(NowLocal()) {}

LedgerWriter::~LedgerWriter() = default;

void LedgerWriter::Stream(core::PlannedRow& row) {
  if (row.action != core::RowAction::kCreate) return;
  if (row.new_enterprise >= 0) {
    if (tx_.dialect() != Dialect::kPostgres) return;
    row.project.enterprise_id = NewEnterpriseId(row.new_enterprise);
  }
  Add(row);
}

std::int64_t LedgerWriter::NewEnterpriseId(int index) {
  if (new_enterprise_ids_.size() <= static_cast<size_t>(index)) new_enterprise_ids_.resize(index + 1, 0);
  std::int64_t& id = new_enterprise_ids_[index];
  if (id == 0) {
    if (!enterprise_ids_) {
      // These take queries, which an open copy does not allow: it reopens with the next project. The
      // lock on projects comes first, as in every import, so that two cannot wait for each other.
      EndCopy();
      if (!ids_) ids_ = std::make_unique<IdRun>(tx_, "projects");
      if (tx_.dialect() == Dialect::kPostgres) tx_.Execute("SET CONSTRAINTS projects_enterprise_in_region DEFERRED");
      enterprise_ids_ = std::make_unique<IdRun>(tx_, "enterprises");
    }
    id = enterprise_ids_->Next();
  }
  return id;
}

void LedgerWriter::EndCopy() {
  if (!projects_) return;
  projects_->Finish();
  projects_.reset();
}

void LedgerWriter::Add(core::PlannedRow& row) {
  if (!projects_) {
    if (!ids_) ids_ = std::make_unique<IdRun>(tx_, "projects");
    projects_ = tx_.BulkInsert(
        "projects", {"id", "region_code", "unit_id", "created_by", "code", "name", "enterprise_id", "industry", "kind",
                     "address", "construction_content", "total_investment", "leader_id", "cooperating_unit_ids",
                     "responsible_person", "responsible_phone", "in_stats_db_on", "created_at", "updated_at", "stage",
                     "signed_on", "fulfilled_on", "started_on", "producing_on", "effective_on", "withdrawn_on",
                     "withdrawal_reason", "in_stats_db", "roster_batch"});
  }
  core::Project& p = row.project;
  p.id = ids_->Next();
  p.region_code = caller_.region_code;
  p.created_by = caller_.user_id;
  p.created_at = p.updated_at = now_;
  p.version = 1;
  row.entry.project_id = p.id;
  const auto& r = p.progress;
  values_ = {Value{p.id}, Value{p.region_code}, Value{p.lead_unit_id}, IdOrNull(p.created_by), Value{p.code},
             Value{p.name}, IdOrNull(p.enterprise_id), Value{p.industry},
             Value{std::string(core::ProjectKindCode(p.kind))}, Value{p.address}, Value{p.construction_content},
             Value{p.total_investment}, Value{p.leader_id}, Value{std::string("[]")}, Value{p.responsible_person},
             Value{p.responsible_phone}, DateValue(p.in_stats_db_on), Value{now_}, Value{now_},
             Value{std::string(core::StageCode(r.stage))}, DateValue(r.signed_on), DateValue(r.fulfilled_on),
             DateValue(r.started_on), DateValue(r.producing_on), DateValue(r.effective_on), DateValue(r.withdrawn_on),
             Value{r.withdrawal_reason}, Value{std::int64_t{p.in_stats_db ? 1 : 0}}, Value{row.roster_batch}};
  projects_->Add(values_);
}

core::Result<LedgerWriteCounts> LedgerWriter::Finish(core::LedgerPlan& plan) {
  LedgerWriteCounts counts;
  std::vector<AuditLog::Record> audit;
  auto applied = [](const core::PlannedRow& row) {
    return row.action == core::RowAction::kCreate || row.action == core::RowAction::kUpdate;
  };
  auto created_record = [](const core::PlannedRow& row) {
    return AuditLog::Record{"import", "project", std::to_string(row.project.id), "", Snapshot(row.project)};
  };

  // The projects streamed so far. The server checks their references once the copy ends, which keeps it
  // busy for seconds (2.5 of 7.5 s for 100,000 projects on PostgreSQL): their audit snapshots are written
  // meanwhile, on the other core.
  std::vector<const core::PlannedRow*> streamed;
  for (const auto& row : plan.rows)
    if (row.action == core::RowAction::kCreate && row.project.id != 0) streamed.push_back(&row);
  if (projects_) {
    auto snapshots = std::async(std::launch::async, [&streamed, &created_record] {
      std::vector<AuditLog::Record> records;
      records.reserve(streamed.size());
      for (const core::PlannedRow* row : streamed) records.push_back(created_record(*row));
      return records;
    });
    EndCopy();
    audit = snapshots.get();
  }

  // Enterprises the accepted rows register, once each, in bulk (NewEnterpriseId takes the locks in order).
  for (auto& row : plan.rows) {
    if (applied(row) && row.new_enterprise >= 0) row.project.enterprise_id = NewEnterpriseId(row.new_enterprise);
  }
  std::vector<core::Enterprise> registered;
  for (size_t i = 0; i < new_enterprise_ids_.size(); ++i) {
    if (new_enterprise_ids_[i] == 0) continue;
    registered.push_back(plan.new_enterprises[i]);
    registered.back().id = new_enterprise_ids_[i];
  }
  if (auto status = EnterpriseRepository(tx_).CreateMany(caller_, registered); !status.ok()) return status;
  if (enterprise_ids_) enterprise_ids_->End();
  counts.enterprises_created = static_cast<std::int64_t>(registered.size());

  // The new projects not streamed (all of them when nothing was).
  std::vector<core::PlannedRow*> rest, updates;
  for (auto& row : plan.rows) {
    if (row.action == core::RowAction::kCreate && row.project.id == 0) rest.push_back(&row);
    if (row.action == core::RowAction::kUpdate) updates.push_back(&row);
  }
  for (core::PlannedRow* row : rest) Add(*row);
  EndCopy();
  for (const core::PlannedRow* row : rest) audit.push_back(created_record(*row));
  if (ids_) ids_->End();
  counts.created = static_cast<std::int64_t>(streamed.size() + rest.size());

  // Changed projects, each under its version.
  for (core::PlannedRow* row : updates) {
    core::Project& p = row->project;
    const core::Project& before = world_.projects[row->before];
    if (row->project_changed) {
      p.updated_at = now_;
      p.version = before.version + 1;
      const auto& r = p.progress;
      Params params{p.code, p.name, IdOrNull(p.enterprise_id), p.industry, std::string(core::ProjectKindCode(p.kind)),
                    p.address, p.construction_content, p.total_investment, p.leader_id, p.lead_unit_id,
                    p.responsible_person, p.responsible_phone, std::int64_t{p.in_stats_db ? 1 : 0},
                    DateValue(p.in_stats_db_on), std::string(core::StageCode(r.stage)), DateValue(r.signed_on),
                    DateValue(r.fulfilled_on), DateValue(r.started_on), DateValue(r.producing_on),
                    DateValue(r.effective_on), DateValue(r.withdrawn_on), r.withdrawal_reason, now_, p.id,
                    before.version};
      auto changed = tx_.Execute(
          "UPDATE projects SET code = $1, name = $2, enterprise_id = $3, industry = $4, kind = $5, address = $6, "
          "construction_content = $7, total_investment = $8, leader_id = $9, unit_id = $10, responsible_person = $11, "
          "responsible_phone = $12, in_stats_db = $13, in_stats_db_on = $14, stage = $15, signed_on = $16, "
          "fulfilled_on = $17, started_on = $18, producing_on = $19, effective_on = $20, withdrawn_on = $21, "
          "withdrawal_reason = $22, updated_at = $23, version = version + 1 WHERE id = $24 AND version = $25",
          params);
      if (changed != 1) return Stale();
      audit.push_back({"import", "project", std::to_string(p.id), Snapshot(before), Snapshot(p)});
      ++counts.updated;
    }
    if (row->entry_action != core::EntryAction::kNone) {
      tx_.Execute("UPDATE projects SET roster_batch = $1 WHERE id = $2", {row->roster_batch, p.id});
      if (!row->project_changed) ++counts.updated;
    }
  }

  // Roster entries: new ones in bulk, corrections one by one.
  std::vector<core::PlannedRow*> new_entries;
  for (auto& row : plan.rows) {
    if (!applied(row)) continue;
    if (row.entry_action == core::EntryAction::kCreate) new_entries.push_back(&row);
    if (row.entry_action == core::EntryAction::kUpdate) {
      const core::RosterEntry& before = world_.entries[row.entry_before];
      const core::Commitment& c = row.entry.commitment;
      auto changed = tx_.Execute(
          "UPDATE roster_entries SET sign_date = $1, planned_start_date = $2, planned_production_date = $3, "
          "year_planned_investment = $4, plan_year = $5, version = version + 1 WHERE id = $6 AND version = $7",
          {DateValue(c.sign_date), DateValue(c.planned_start_date), DateValue(c.planned_production_date),
           c.year_planned_investment, std::int64_t{c.plan_year}, before.id, before.version});
      if (changed != 1) return Stale();
      row.entry.version = before.version + 1;
      audit.push_back({"import", "roster_entry", std::to_string(before.id), Snapshot(before), Snapshot(row.entry)});
      ++counts.entries_updated;
    }
  }
  const std::vector<std::int64_t> entry_ids = ReserveIds(tx_, "roster_entries", new_entries.size());
  auto entries = tx_.BulkInsert("roster_entries", {"id", "region_code", "period", "project_id", "batch", "sequence",
                                                   "sign_date", "planned_start_date", "planned_production_date",
                                                   "year_planned_investment", "plan_year", "created_by", "created_at"});
  for (size_t i = 0; i < new_entries.size(); ++i) {
    core::RosterEntry& e = new_entries[i]->entry;
    e.id = entry_ids[i];
    e.project_id = new_entries[i]->project.id;
    e.created_by = caller_.user_id;
    e.version = 1;
    const auto& c = e.commitment;
    values_ = {Value{e.id}, Value{caller_.region_code}, Value{std::int64_t{e.period}}, Value{e.project_id},
              Value{std::string(core::BatchCode(e.batch))}, Value{std::int64_t{e.sequence}}, DateValue(c.sign_date),
              DateValue(c.planned_start_date), DateValue(c.planned_production_date), Value{c.year_planned_investment},
              Value{std::int64_t{c.plan_year}}, IdOrNull(e.created_by), Value{now_}};
    entries->Add(values_);
    audit.push_back({"import", "roster_entry", std::to_string(e.id), "", Snapshot(e)});
  }
  entries->Finish();
  counts.entries_created = static_cast<std::int64_t>(new_entries.size());

  AuditLog(tx_).AppendMany(caller_, audit);
  if (counts.created + counts.updated + counts.entries_created + counts.entries_updated + counts.enterprises_created > 0)
    BumpRegionRevision(tx_, caller_.region_code);
  return counts;
}

}  // namespace sanpi::storage
