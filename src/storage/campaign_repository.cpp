#include "storage/campaign_repository.hpp"

#include <boost/json/serialize.hpp>

#include "codec/campaign_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/project_repository.hpp"
#include "storage/roster_cache.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kEntryColumns =
    "e.id, e.period, e.project_id, e.batch, e.sequence, e.sign_date, e.planned_start_date, e.planned_production_date, "
    "e.year_planned_investment, e.plan_year, e.created_by, e.version";
constexpr const char* kAdjustmentColumns =
    "a.id, a.entry_id, a.kind, a.after_period, a.decided_on, a.reason, a.to_batch, a.sign_date, a.planned_start_date, "
    "a.planned_production_date, a.year_planned_investment, a.plan_year, a.created_by";

std::optional<core::Date> DateAt(const Row& row, size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return core::Date::Parse(row.Text(column));
}
Value DateValue(const std::optional<core::Date>& date) { return date ? Value{date->ToString()} : Value{nullptr}; }

core::Commitment CommitmentAt(const Row& row, size_t first) {
  core::Commitment c;
  c.sign_date = DateAt(row, first);
  c.planned_start_date = DateAt(row, first + 1);
  c.planned_production_date = DateAt(row, first + 2);
  c.year_planned_investment = row.Int(first + 3);
  c.plan_year = static_cast<int>(row.Int(first + 4));
  return c;
}

core::RosterEntry EntryFromRow(const Row& row) {
  core::RosterEntry e;
  e.id = row.Int(0);
  e.period = static_cast<int>(row.Int(1));
  e.project_id = row.Int(2);
  e.batch = core::ParseBatch(row.Text(3)).value_or(core::Batch::kSign);
  e.sequence = static_cast<int>(row.Int(4));
  e.commitment = CommitmentAt(row, 5);
  e.created_by = row.Int(10);
  e.version = row.Int(11);
  return e;
}

core::RosterAdjustment AdjustmentFromRow(const Row& row) {
  core::RosterAdjustment a;
  a.id = row.Int(0);
  a.entry_id = row.Int(1);
  a.kind = core::ParseAdjustmentKind(row.Text(2)).value_or(core::AdjustmentKind::kChangeCommitment);
  a.after_period = static_cast<int>(row.Int(3));
  a.decided_on = DateAt(row, 4).value_or(core::Date());
  a.reason = row.Text(5);
  a.to_batch = core::ParseBatch(row.Text(6)).value_or(core::Batch::kStart);
  a.commitment = CommitmentAt(row, 7);
  a.created_by = row.Int(12);
  return a;
}

core::Period PeriodFromRow(const Row& row) {
  core::Period p;
  p.id = row.Int(0);
  p.region_code = row.Text(1);
  p.number = static_cast<int>(row.Int(2));
  p.name = row.Text(3);
  p.held_on = core::Date::Parse(row.Text(4)).value_or(core::Date());
  p.version = row.Int(5);
  return p;
}

constexpr const char* kPeriodColumns = "id, region_code, number, name, held_on, version";

core::Status NoPeriod() { return core::Status::NotFound({"期次不存在", "no such period"}); }

}  // namespace

std::optional<RosterView> ParseRosterView(std::string_view text) {
  if (text == "published") return RosterView::kPublished;
  if (text == "original") return RosterView::kOriginal;
  if (text == "adjusted") return RosterView::kAdjusted;
  return std::nullopt;
}

std::vector<core::Period> CampaignRepository::ListPeriods(const std::string& region_code) {
  std::vector<core::Period> out;
  for (auto row : tx_.Query(std::string("SELECT ") + kPeriodColumns + " FROM periods WHERE region_code = $1 ORDER BY number",
                            {region_code})) {
    out.push_back(PeriodFromRow(row));
  }
  return out;
}

core::Result<core::Period> CampaignRepository::GetPeriod(const std::string& region_code, int number) {
  auto rows = tx_.Query(std::string("SELECT ") + kPeriodColumns + " FROM periods WHERE region_code = $1 AND number = $2",
                        {region_code, std::int64_t{number}});
  if (rows.empty()) return NoPeriod();
  return PeriodFromRow(rows.front());
}

core::Result<core::Period> CampaignRepository::CreatePeriod(const core::Principal& caller, core::Period period) {
  period.region_code = caller.region_code;
  if (auto status = core::ValidatePeriod(period); !status.ok()) return status;
  if (auto status = core::CheckPeriodSequence(ListPeriods(period.region_code), period); !status.ok()) return status;
  std::string now = NowLocal();
  auto rows = tx_.Query(
      "INSERT INTO periods (region_code, number, name, held_on, version, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, 1, $5, $5) RETURNING id",
      {period.region_code, std::int64_t{period.number}, period.name, period.held_on.ToString(), now});
  period.id = rows.front().Int(0);
  period.version = 1;
  BumpRegionRevision(tx_, period.region_code);
  AuditLog(tx_).Append(caller, "create", "period", std::to_string(period.id), "",
                       boost::json::serialize(codec::ToJson(period)));
  return period;
}

core::Result<core::Period> CampaignRepository::UpdatePeriod(const core::Principal& caller, int number,
                                                            core::Period changes) {
  auto current = GetPeriod(caller.region_code, number);
  if (!current.ok()) return current.status();
  if (current->version != changes.version) {
    return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
  }
  core::Period next = *current;
  next.name = changes.name;
  next.held_on = changes.held_on;
  if (auto status = core::ValidatePeriod(next); !status.ok()) return status;
  if (auto status = core::CheckPeriodSequence(ListPeriods(next.region_code), next); !status.ok()) return status;
  next.version = current->version + 1;
  auto changed = tx_.Execute(
      "UPDATE periods SET name = $1, held_on = $2, updated_at = $3, version = version + 1 WHERE id = $4 AND version = $5",
      {next.name, next.held_on.ToString(), NowLocal(), next.id, current->version});
  if (changed != 1) {
    return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
  }
  BumpRegionRevision(tx_, next.region_code);
  AuditLog(tx_).Append(caller, "update", "period", std::to_string(next.id), boost::json::serialize(codec::ToJson(*current)),
                       boost::json::serialize(codec::ToJson(next)));
  return next;
}

void CampaignRepository::ProjectEntries(std::int64_t project_id, std::vector<core::RosterEntry>& entries,
                                        std::vector<core::RosterAdjustment>& adjustments) {
  for (auto row : tx_.Query(std::string("SELECT ") + kEntryColumns + " FROM roster_entries e WHERE e.project_id = $1",
                            {project_id})) {
    entries.push_back(EntryFromRow(row));
  }
  for (auto row : tx_.Query(std::string("SELECT ") + kAdjustmentColumns +
                                " FROM roster_adjustments a JOIN roster_entries e ON e.id = a.entry_id "
                                "WHERE e.project_id = $1",
                            {project_id})) {
    adjustments.push_back(AdjustmentFromRow(row));
  }
}

void CampaignRepository::History(const std::string& region_code, std::int64_t project_id,
                                 std::vector<core::RosterEntry>& entries,
                                 std::vector<core::RosterAdjustment>& adjustments) {
  ProjectEntries(project_id, entries, adjustments);
}

void CampaignRepository::AllEntries(const std::string& region_code, std::vector<core::RosterEntry>& entries,
                                    std::vector<core::RosterAdjustment>& adjustments) {
  Params params;
  std::string where_e, where_a;
  if (!region_code.empty()) {
    params.push_back(region_code);
    where_e = " WHERE e.region_code = $1";
    where_a = " WHERE a.region_code = $1";
  }
  for (auto row : tx_.Query(std::string("SELECT ") + kEntryColumns + " FROM roster_entries e" + where_e, params))
    entries.push_back(EntryFromRow(row));
  for (auto row : tx_.Query(std::string("SELECT ") + kAdjustmentColumns + " FROM roster_adjustments a" + where_a, params))
    adjustments.push_back(AdjustmentFromRow(row));
}

void CampaignRepository::RefreshRosterBatch(std::int64_t project_id) {
  std::vector<core::RosterEntry> entries;
  std::vector<core::RosterAdjustment> adjustments;
  ProjectEntries(project_id, entries, adjustments);
  auto lines = core::AdjustedRoster(entries, adjustments, core::kMaxPeriodNumber + 1);
  std::string batch = lines.empty() ? "" : std::string(core::BatchCode(lines.back().batch));
  tx_.Execute("UPDATE projects SET roster_batch = $1 WHERE id = $2", {batch, project_id});
}

core::Result<core::RosterEntry> CampaignRepository::AddEntry(const core::Principal& caller, core::RosterEntry entry) {
  auto period = GetPeriod(caller.region_code, entry.period);
  if (!period.ok()) return period.status();
  auto project = ProjectRepository(tx_).Get(caller, entry.project_id);
  if (!project.ok()) return core::Status::InvalidField("project_id", {"项目不存在", "no such project"});
  std::vector<core::RosterEntry> entries;
  std::vector<core::RosterAdjustment> adjustments;
  ProjectEntries(entry.project_id, entries, adjustments);
  if (entry.sequence == 0) {
    auto next = tx_.Query("SELECT COALESCE(MAX(sequence), 0) + 1 FROM roster_entries WHERE region_code = $1 AND "
                          "period = $2 AND batch = $3",
                          {caller.region_code, std::int64_t{entry.period}, std::string(core::BatchCode(entry.batch))});
    entry.sequence = static_cast<int>(next.front().Int(0));
  }
  entry.created_by = caller.user_id;
  if (auto status = core::CheckNewEntry(entries, adjustments, entry); !status.ok()) return status;
  const auto& c = entry.commitment;
  auto rows = tx_.Query(
      "INSERT INTO roster_entries (region_code, period, project_id, batch, sequence, sign_date, planned_start_date, "
      "planned_production_date, year_planned_investment, plan_year, created_by, version, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12) RETURNING id",
      {caller.region_code, std::int64_t{entry.period}, entry.project_id, std::string(core::BatchCode(entry.batch)),
       std::int64_t{entry.sequence}, DateValue(c.sign_date), DateValue(c.planned_start_date),
       DateValue(c.planned_production_date), c.year_planned_investment, std::int64_t{c.plan_year},
       caller.user_id == 0 ? Value{nullptr} : Value{caller.user_id}, NowLocal()});
  entry.id = rows.front().Int(0);
  entry.version = 1;
  RefreshRosterBatch(entry.project_id);
  BumpRegionRevision(tx_, caller.region_code);
  AuditLog(tx_).Append(caller, "create", "roster_entry", std::to_string(entry.id), "",
                       boost::json::serialize(codec::ToJson(entry)));
  return entry;
}

core::Result<core::RosterAdjustment> CampaignRepository::AddAdjustment(const core::Principal& caller,
                                                                      core::RosterAdjustment adjustment) {
  auto owner = tx_.Query("SELECT project_id FROM roster_entries WHERE id = $1 AND region_code = $2",
                         {adjustment.entry_id, caller.region_code});
  if (owner.empty()) return core::Status::NotFound({"名单条目不存在", "no such roster entry"});
  std::int64_t project_id = owner.front().Int(0);
  if (auto status = core::ValidateRosterAdjustment(adjustment); !status.ok()) return status;
  std::vector<core::RosterEntry> entries;
  std::vector<core::RosterAdjustment> adjustments;
  ProjectEntries(project_id, entries, adjustments);
  if (auto status = core::CheckAdjustment(entries, adjustments, adjustment); !status.ok()) return status;
  adjustment.created_by = caller.user_id;
  const auto& c = adjustment.commitment;
  bool move = adjustment.kind == core::AdjustmentKind::kMove;
  auto rows = tx_.Query(
      "INSERT INTO roster_adjustments (region_code, entry_id, kind, after_period, decided_on, reason, to_batch, "
      "sign_date, planned_start_date, planned_production_date, year_planned_investment, plan_year, created_by, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
      {caller.region_code, adjustment.entry_id, std::string(core::AdjustmentKindCode(adjustment.kind)),
       std::int64_t{adjustment.after_period}, adjustment.decided_on.ToString(), adjustment.reason,
       move ? std::string(core::BatchCode(adjustment.to_batch)) : std::string(), DateValue(c.sign_date),
       DateValue(c.planned_start_date), DateValue(c.planned_production_date), c.year_planned_investment,
       std::int64_t{c.plan_year}, caller.user_id == 0 ? Value{nullptr} : Value{caller.user_id}, NowLocal()});
  adjustment.id = rows.front().Int(0);
  RefreshRosterBatch(project_id);
  BumpRegionRevision(tx_, caller.region_code);
  AuditLog(tx_).Append(caller, "create", "roster_adjustment", std::to_string(adjustment.id), "",
                       boost::json::serialize(codec::ToJson(adjustment)));
  return adjustment;
}

core::Result<RosterSnapshot> CampaignRepository::LoadRoster(const std::string& region_code, int number, RosterView view) {
  auto period = GetPeriod(region_code, number);
  if (!period.ok()) return period.status();
  Params params{region_code, std::int64_t{number}};
  std::vector<core::RosterEntry> entries;
  for (auto row : tx_.Query(std::string("SELECT ") + kEntryColumns +
                                " FROM roster_entries e WHERE e.region_code = $1 AND e.period <= $2",
                            params)) {
    entries.push_back(EntryFromRow(row));
  }
  std::vector<core::RosterAdjustment> adjustments;
  if (view == RosterView::kAdjusted) {
    for (auto row : tx_.Query(std::string("SELECT ") + kAdjustmentColumns +
                                  " FROM roster_adjustments a WHERE a.region_code = $1 AND a.after_period < $2",
                              params)) {
      adjustments.push_back(AdjustmentFromRow(row));
    }
  }
  RosterSnapshot snapshot;
  snapshot.period = number;
  snapshot.view = view;
  switch (view) {
    case RosterView::kPublished: snapshot.lines = core::PublishedRoster(entries, number); break;
    case RosterView::kOriginal: snapshot.lines = core::OriginalRoster(entries, number); break;
    case RosterView::kAdjusted: snapshot.lines = core::AdjustedRoster(entries, adjustments, number); break;
  }
  std::string period_filter = view == RosterView::kPublished ? "e.period = $2" : "e.period <= $2";
  auto rows = tx_.Query(
      "SELECT p.id, p.name, p.total_investment, p.industry, p.leader_id, p.unit_id, p.stage, p.signed_on, "
      "p.fulfilled_on, p.started_on, p.producing_on, p.effective_on, p.withdrawn_on, p.withdrawal_reason "
      "FROM projects p WHERE p.id IN (SELECT e.project_id FROM roster_entries e WHERE e.region_code = $1 AND " +
          period_filter + ")",
      params);
  snapshot.facts.reserve(rows.size());
  for (auto row : rows) {
    core::ProjectFacts f;
    f.id = row.Int(0);
    f.name = row.Text(1);
    f.total_investment = row.Int(2);
    f.industry = row.Text(3);
    f.leader_id = row.Int(4);
    f.lead_unit_id = row.Int(5);
    f.progress.stage = core::ParseStageCode(row.Text(6)).value_or(core::Stage::kReserve);
    f.progress.signed_on = DateAt(row, 7);
    f.progress.fulfilled_on = DateAt(row, 8);
    f.progress.started_on = DateAt(row, 9);
    f.progress.producing_on = DateAt(row, 10);
    f.progress.effective_on = DateAt(row, 11);
    f.progress.withdrawn_on = DateAt(row, 12);
    f.progress.withdrawal_reason = row.Text(13);
    snapshot.facts.push_back(std::move(f));
  }
  return snapshot;
}

std::map<std::int64_t, std::string> CampaignRepository::UnitNames(const std::string& region_code) {
  std::map<std::int64_t, std::string> out;
  for (auto row : tx_.Query("SELECT id, name FROM org_units WHERE region_code = $1", {region_code}))
    out[row.Int(0)] = row.Text(1);
  return out;
}

std::map<std::int64_t, std::string> CampaignRepository::UserNames(const std::string& region_code) {
  std::map<std::int64_t, std::string> out;
  for (auto row : tx_.Query("SELECT id, display_name FROM users WHERE region_code = $1", {region_code}))
    out[row.Int(0)] = row.Text(1);
  return out;
}

}  // namespace sanpi::storage
