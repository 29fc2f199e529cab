#include "core/ledger_plan.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/roster.hpp"
#include "core/uscc.hpp"

namespace sanpi::core {
namespace {

using C = LedgerColumn;

// The column a validation field (API name) is reported under.
LedgerColumn ColumnOfField(std::string_view field) {
  static const std::vector<std::pair<std::string_view, LedgerColumn>> kFields = {
      {"code", C::kCode}, {"name", C::kName}, {"enterprise_id", C::kEnterprise}, {"industry", C::kIndustry},
      {"kind", C::kKind}, {"address", C::kAddress}, {"construction_content", C::kContent},
      {"total_investment", C::kTotalInvestment}, {"leader_id", C::kLeader}, {"lead_unit_id", C::kUnit},
      {"responsible_person", C::kResponsiblePerson}, {"responsible_phone", C::kPhone}, {"in_stats_db", C::kInStatsDb},
      {"in_stats_db_on", C::kInStatsDbOn}, {"stage", C::kStage}, {"signed_on", C::kSignedOn},
      {"fulfilled_on", C::kFulfilledOn}, {"started_on", C::kStartedOn}, {"producing_on", C::kProducingOn},
      {"effective_on", C::kEffectiveOn}, {"withdrawn_on", C::kWithdrawnOn}, {"withdrawal_reason", C::kWithdrawalReason},
      {"sign_date", C::kSignedOn}, {"planned_start_date", C::kPlannedStartDate},
      {"planned_production_date", C::kPlannedProductionDate}, {"year_planned_investment", C::kYearPlannedInvestment},
      {"plan_year", C::kYear}, {"period", C::kPeriod}, {"batch", C::kBatch}};
  for (const auto& [name, column] : kFields)
    if (name == field) return column;
  return C::kName;
}

std::string DateText(const std::optional<Date>& date) { return date ? date->ToString() : ""; }

// Name lookups: exact name → ids, key → id.
class Directory {
 public:
  explicit Directory(const std::vector<NamedRecord>& records) {
    for (const auto& record : records) {
      by_name_[record.name].push_back(record.id);
      if (!record.key.empty()) by_key_[record.key] = record.id;
      names_[record.id] = record.name;
    }
  }
  std::int64_t ByKey(const std::string& key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? 0 : it->second;
  }
  const std::vector<std::int64_t>* ByName(const std::string& name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : &it->second;
  }
  std::string Name(std::int64_t id) const {
    auto it = names_.find(id);
    return it == names_.end() ? "" : it->second;
  }

 private:
  std::unordered_map<std::string, std::vector<std::int64_t>> by_name_;
  std::unordered_map<std::string, std::int64_t> by_key_;
  std::unordered_map<std::int64_t, std::string> names_;
};

std::string NameKey(const std::string& name, std::int64_t enterprise_id) {
  return name + '\x1f' + std::to_string(enterprise_id);
}

// Stage from the furthest date given.
Stage InferStage(const StageRecord& record) {
  if (record.withdrawn_on) return Stage::kWithdrawn;
  if (record.effective_on) return Stage::kEffective;
  if (record.producing_on) return Stage::kProducing;
  if (record.started_on) return Stage::kStarted;
  if (record.signed_on) return Stage::kSigned;
  return Stage::kReserve;
}

// Does `next` only add to `before` (dates kept, stage not moved back)?
bool OnlyForward(const StageRecord& before, const StageRecord& next) {
  const std::optional<Date> StageRecord::*dates[] = {&StageRecord::signed_on,   &StageRecord::fulfilled_on,
                                                     &StageRecord::started_on,  &StageRecord::producing_on,
                                                     &StageRecord::effective_on, &StageRecord::withdrawn_on};
  for (auto date : dates)
    if (before.*date && before.*date != next.*date) return false;
  if (before.stage == Stage::kWithdrawn) return next.stage == Stage::kWithdrawn;
  if (next.stage == Stage::kWithdrawn) return true;
  return next.stage >= before.stage;
}

class Planner {
 public:
  Planner(const LedgerSheetLayout& layout, const LedgerWorld& world, const LedgerImportOptions& options, LedgerPlan& plan)
      : layout_(layout), world_(world), options_(options), plan_(plan), enterprises_(world.enterprises),
        units_(world.units), leaders_(world.leaders) {
    for (size_t i = 0; i < world.projects.size(); ++i) {
      const Project& p = world.projects[i];
      if (!p.code.empty()) by_code_[p.code] = static_cast<int>(i);
      by_name_[NameKey(p.name, p.enterprise_id)].push_back(static_cast<int>(i));
      by_id_[p.id] = static_cast<int>(i);
    }
    for (size_t i = 0; i < world.entries.size(); ++i) {
      const RosterEntry& e = world.entries[i];
      entries_of_[e.project_id].push_back(static_cast<int>(i));
      auto& next = next_sequence_[{e.period, e.batch}];
      next = std::max(next, e.sequence + 1);
    }
    for (const auto& a : world.adjustments) adjustments_of_entry_[a.entry_id].push_back(&a);
    periods_.insert(world.periods.begin(), world.periods.end());
  }

  PlannedRow Plan(LedgerRow& row);

 private:
  void Problem(PlannedRow& out, const LedgerRow& row, LedgerColumn column, std::string value, Text reason) {
    out.problems.push_back({layout_.sheet, row.number, layout_.Has(column) ? layout_.Header(column)
                                                                            : std::string(LedgerHeader(column)),
                            std::move(value), std::move(reason)});
  }
  void ResolveEnterprise(PlannedRow& out, const LedgerRow& row);
  std::int64_t Resolve(PlannedRow& out, const LedgerRow& row, LedgerColumn column, const Directory& directory,
                       const std::string& text, const char* what_zh, const char* what_en);
  void Match(PlannedRow& out, const LedgerRow& row);
  void ApplyFields(PlannedRow& out, LedgerRow& row);
  void PlanEntry(PlannedRow& out, const LedgerRow& row);
  void NoteChanges(PlannedRow& out);

  const LedgerSheetLayout& layout_;
  const LedgerWorld& world_;
  const LedgerImportOptions& options_;
  LedgerPlan& plan_;
  Directory enterprises_, units_, leaders_;
  std::unordered_map<std::string, int> by_code_;
  std::unordered_map<std::string, std::vector<int>> by_name_;
  std::unordered_map<std::int64_t, int> by_id_;
  std::unordered_map<std::int64_t, std::vector<int>> entries_of_;
  std::unordered_map<std::int64_t, std::vector<const RosterAdjustment*>> adjustments_of_entry_;
  std::map<std::pair<int, Batch>, int> next_sequence_;
  std::set<int> periods_;
  std::unordered_map<std::string, int> new_enterprise_by_uscc_;
  std::unordered_map<int, int> claimed_project_;           // world index → row that matched it
  std::unordered_map<std::string, int> claimed_new_;        // code or name key of a new project → row
  bool cells_ok_ = true;                                    // the row's cells all read
};

std::int64_t Planner::Resolve(PlannedRow& out, const LedgerRow& row, LedgerColumn column, const Directory& directory,
                              const std::string& text, const char* what_zh, const char* what_en) {
  if (std::int64_t id = directory.ByKey(text)) return id;
  const auto* ids = directory.ByName(text);
  if (!ids) {
    Problem(out, row, column, text, {std::string("没有这个") + what_zh, std::string("no such ") + what_en + " in the zone"});
    return 0;
  }
  if (ids->size() > 1) {
    Problem(out, row, column, text, {std::string("同名") + what_zh + "不止一个，请改填编码或用户名",
                                     std::string("more than one ") + what_en + " has this name; use the code or username"});
    return 0;
  }
  return ids->front();
}

void Planner::ResolveEnterprise(PlannedRow& out, const LedgerRow& row) {
  Project& p = out.project;
  if (!row.uscc.empty()) {
    if (auto problem = UsccProblem(row.uscc)) {
      Problem(out, row, C::kUscc, row.uscc, *problem);
      return;
    }
    if (std::int64_t id = enterprises_.ByKey(row.uscc)) {
      p.enterprise_id = id;
      return;
    }
    if (auto it = new_enterprise_by_uscc_.find(row.uscc); it != new_enterprise_by_uscc_.end()) {
      out.new_enterprise = it->second;
      return;
    }
    if (row.enterprise.empty()) {
      Problem(out, row, C::kEnterprise, "", {"该统一社会信用代码未登记，须填写建设单位名称以便登记",
                                             "this credit code is not registered; give the enterprise's name to register it"});
      return;
    }
    Enterprise e;
    e.region_code = world_.region_code;
    e.name = row.enterprise;
    e.uscc = row.uscc;
    if (auto status = ValidateEnterprise(e); !status.ok()) {
      for (const auto& field : status.fields())
        Problem(out, row, field.field == "uscc" ? C::kUscc : C::kEnterprise, field.field == "uscc" ? row.uscc : row.enterprise,
                field.message);
      return;
    }
    out.new_enterprise = static_cast<int>(plan_.new_enterprises.size());
    new_enterprise_by_uscc_[row.uscc] = out.new_enterprise;
    plan_.new_enterprises.push_back(std::move(e));
    return;
  }
  if (row.enterprise.empty()) {
    p.enterprise_id = 0;
    return;
  }
  const auto* ids = enterprises_.ByName(row.enterprise);
  if (!ids) {
    Problem(out, row, C::kEnterprise, row.enterprise, {"建设单位未登记；请填写统一社会信用代码以便登记",
                                                       "the enterprise is not registered; give its credit code to register it"});
  } else if (ids->size() > 1) {
    Problem(out, row, C::kEnterprise, row.enterprise, {"同名建设单位不止一个，请填写统一社会信用代码",
                                                       "more than one enterprise has this name; give its credit code"});
  } else {
    p.enterprise_id = ids->front();
  }
}

void Planner::Match(PlannedRow& out, const LedgerRow& row) {
  int found = -1;
  if (!row.code.empty()) {
    if (auto it = by_code_.find(row.code); it != by_code_.end()) found = it->second;
  }
  bool enterprise_known = out.new_enterprise < 0;
  if (found < 0 && enterprise_known && !row.name.empty()) {
    if (auto it = by_name_.find(NameKey(row.name, out.project.enterprise_id)); it != by_name_.end()) {
      if (it->second.size() > 1) {
        Problem(out, row, C::kName, row.name, {"同一建设单位下有多个同名项目，请填写项目代码",
                                               "several projects of this enterprise have this name; give the project code"});
        return;
      }
      // A project found by name that already has another code is a different project.
      const Project& candidate = world_.projects[it->second.front()];
      if (row.code.empty() || candidate.code.empty()) found = it->second.front();
    }
  }
  if (found >= 0) {
    if (auto [it, fresh] = claimed_project_.emplace(found, row.number); !fresh) {
      Problem(out, row, row.code.empty() ? C::kName : C::kCode, row.code.empty() ? row.name : row.code,
              {"与第" + std::to_string(it->second) + "行是同一个项目", "the same project as row " + std::to_string(it->second)});
      return;
    }
    out.before = found;
    return;
  }
  std::string key = row.code.empty() ? "name:" + row.name + '\x1f' + row.enterprise + '\x1f' + row.uscc : "code:" + row.code;
  if (auto [it, fresh] = claimed_new_.emplace(key, row.number); !fresh) {
    Problem(out, row, row.code.empty() ? C::kName : C::kCode, row.code.empty() ? row.name : row.code,
            {"与第" + std::to_string(it->second) + "行是同一个项目", "the same project as row " + std::to_string(it->second)});
  }
}

void Planner::ApplyFields(PlannedRow& out, LedgerRow& row) {
  Project& p = out.project;
  const bool creating = out.before < 0;
  auto has = [&](LedgerColumn column) { return layout_.Has(column); };
  if (has(C::kCode) && !row.code.empty()) p.code = row.code;  // an issued code is never blanked
  if (has(C::kName)) p.name = row.name;
  if (has(C::kIndustry)) p.industry = row.industry;
  if (has(C::kKind)) p.kind = row.kind.value_or(creating ? ProjectKind::kIndustry : p.kind);
  if (has(C::kAddress)) p.address = row.address;
  if (has(C::kContent)) p.construction_content = row.content;
  if (has(C::kResponsiblePerson)) p.responsible_person = row.responsible_person;
  if (has(C::kPhone)) p.responsible_phone = row.phone;
  if (has(C::kTotalInvestment)) {
    if (row.total_investment) {
      p.total_investment = *row.total_investment;
    } else if (cells_ok_) {
      Problem(out, row, C::kTotalInvestment, "", {"总投资必填", "the total investment is required"});
    }
  } else if (creating) {
    Problem(out, row, C::kTotalInvestment, "", {"新项目须填写总投资", "a new project needs its total investment"});
  }
  if (!row.unit.empty()) {
    p.lead_unit_id = Resolve(out, row, C::kUnit, units_, row.unit, "责任单位", "unit");
  } else if (creating) {
    Problem(out, row, C::kUnit, "", {"新项目须填写责任单位", "a new project needs its responsible unit"});
  }
  if (!row.leader.empty()) {
    p.leader_id = Resolve(out, row, C::kLeader, leaders_, row.leader, "包联领导", "leader");
  } else if (creating) {
    Problem(out, row, C::kLeader, "", {"新项目须填写包联领导", "a new project needs its leader"});
  }
  // Stage and its dates.
  StageRecord& r = p.progress;
  const StageRecord before = r;
  auto date = [&](LedgerColumn column, std::optional<Date> StageRecord::*field, const std::optional<Date>& value) {
    if (has(column)) r.*field = value;
  };
  date(C::kSignedOn, &StageRecord::signed_on, row.signed_on);
  date(C::kFulfilledOn, &StageRecord::fulfilled_on, row.fulfilled_on);
  date(C::kStartedOn, &StageRecord::started_on, row.started_on);
  date(C::kProducingOn, &StageRecord::producing_on, row.producing_on);
  date(C::kEffectiveOn, &StageRecord::effective_on, row.effective_on);
  date(C::kWithdrawnOn, &StageRecord::withdrawn_on, row.withdrawn_on);
  if (has(C::kWithdrawalReason)) r.withdrawal_reason = row.withdrawal_reason;
  if (row.stage) {
    r.stage = *row.stage;
  } else if (creating || has(C::kStage)) {
    r.stage = InferStage(r);
  }
  if (!creating && r != before && !OnlyForward(before, r)) {
    Problem(out, row, C::kStage, std::string(StageName(r.stage)),
            {"导入只能推进阶段、补填日期；更改已记录的阶段日期或阶段倒退须在项目页面更正（当前：" +
                 std::string(StageName(before.stage)) + "）",
             "an import may only move the stage on and add dates; changing a recorded date or moving back is a "
             "correction on the project page (now: " + std::string(StageCode(before.stage)) + ")"});
  }
  if (has(C::kInStatsDb)) p.in_stats_db = row.in_stats_db.value_or(false);
  if (has(C::kInStatsDbOn)) p.in_stats_db_on = row.in_stats_db_on;
}

void Planner::PlanEntry(PlannedRow& out, const LedgerRow& row) {
  if (!row.period && !row.batch) return;
  if (!row.period || !row.batch) {
    if (cells_ok_) {
      auto missing = row.period ? C::kBatch : C::kPeriod;
      Problem(out, row, missing, "", {"期次和批次须同时填写", "the period and the batch go together"});
    }
    return;
  }
  if (!periods_.count(*row.period)) {
    Problem(out, row, C::kPeriod, std::to_string(*row.period), {"没有这个期次，请先登记期次", "no such period; create it first"});
    return;
  }
  const std::int64_t project_id = out.before >= 0 ? out.project.id : 0;
  std::vector<RosterEntry> entries;
  std::vector<RosterAdjustment> adjustments;
  int existing = -1;
  if (project_id != 0) {
    if (auto it = entries_of_.find(project_id); it != entries_of_.end()) {
      for (int index : it->second) {
        const RosterEntry& e = world_.entries[index];
        entries.push_back(e);
        if (e.period == *row.period) existing = index;
        if (auto a = adjustments_of_entry_.find(e.id); a != adjustments_of_entry_.end())
          for (const auto* adjustment : a->second) adjustments.push_back(*adjustment);
      }
    }
  }
  RosterEntry entry = existing >= 0 ? world_.entries[existing] : RosterEntry{};
  Commitment& c = entry.commitment;
  if (existing >= 0 && entry.batch != *row.batch) {
    Problem(out, row, C::kBatch, std::string(BatchName(*row.batch)),
            {"项目在第" + std::to_string(*row.period) + "期名单上属于" + std::string(BatchName(entry.batch)) +
                 "；批次变化须登记为动态调整",
             "on period " + std::to_string(*row.period) + "'s roster the project is in the " +
                 std::string(BatchCode(entry.batch)) + " batch; a move is recorded as an adjustment"});
    return;
  }
  entry.period = *row.period;
  entry.batch = *row.batch;
  if (existing < 0 || !c.sign_date) c.sign_date = row.signed_on;
  if (layout_.Has(C::kPlannedStartDate)) c.planned_start_date = row.planned_start_date;
  if (layout_.Has(C::kPlannedProductionDate)) c.planned_production_date = row.planned_production_date;
  if (layout_.Has(C::kYearPlannedInvestment) || existing < 0) {
    c.year_planned_investment = row.year_planned_investment.value_or(0);
    c.plan_year = row.year ? *row.year : (c.year_planned_investment > 0 ? options_.year : 0);
  } else if (row.year) {
    c.plan_year = *row.year;
  }
  FieldErrors errors;
  CheckCommitment(errors, entry.batch, c, "");
  const Status commitment_status = errors.ToStatus();
  for (const auto& field : commitment_status.fields()) {
    LedgerColumn column = ColumnOfField(field.field);
    std::string value = column == C::kYear ? (c.plan_year ? std::to_string(c.plan_year) : "") : "";
    Problem(out, row, column, value, field.message);
  }
  if (!errors.empty()) return;
  if (existing >= 0) {
    if (c == world_.entries[existing].commitment) return;
    out.entry_action = EntryAction::kUpdate;
    out.entry_before = existing;
  } else {
    entry.project_id = project_id != 0 ? project_id : std::int64_t{1} << 62;  // a stand-in for the new project
    if (auto status = CheckNewEntry(entries, adjustments, entry); !status.ok()) {
      Problem(out, row, C::kPeriod, std::to_string(entry.period), status.fields().empty() ? status.message()
                                                                                        : status.fields().front().message);
      return;
    }
    entry.project_id = project_id;
    entry.sequence = next_sequence_[{entry.period, entry.batch}]++;
    entry.id = 0;
    entry.version = 0;
    out.entry_action = EntryAction::kCreate;
  }
  // The batch the project is in now, for the ledger's batch filter.
  entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const RosterEntry& e) { return e.period == entry.period; }),
                entries.end());
  RosterEntry probe = entry;
  if (probe.project_id == 0) probe.project_id = std::int64_t{1} << 62;
  if (probe.id == 0) probe.id = std::int64_t{1} << 62;
  for (auto& e : entries) e.project_id = probe.project_id;
  entries.push_back(probe);
  auto lines = AdjustedRoster(entries, adjustments, kMaxPeriodNumber + 1);
  out.roster_batch = lines.empty() ? "" : std::string(BatchCode(lines.back().batch));
  out.entry = entry;
}

void Planner::NoteChanges(PlannedRow& out) {
  const Project& a = world_.projects[out.before];
  const Project& b = out.project;
  auto note = [&](bool differs, LedgerColumn column) {
    if (differs) out.changes.push_back(layout_.Has(column) ? layout_.Header(column) : std::string(LedgerHeader(column)));
  };
  note(a.code != b.code, C::kCode);
  note(a.name != b.name, C::kName);
  note(a.enterprise_id != b.enterprise_id || out.new_enterprise >= 0, C::kEnterprise);
  note(a.industry != b.industry, C::kIndustry);
  note(a.kind != b.kind, C::kKind);
  note(a.address != b.address, C::kAddress);
  note(a.construction_content != b.construction_content, C::kContent);
  note(a.total_investment != b.total_investment, C::kTotalInvestment);
  note(a.progress.stage != b.progress.stage, C::kStage);
  note(a.progress.signed_on != b.progress.signed_on, C::kSignedOn);
  note(a.progress.fulfilled_on != b.progress.fulfilled_on, C::kFulfilledOn);
  note(a.progress.started_on != b.progress.started_on, C::kStartedOn);
  note(a.progress.producing_on != b.progress.producing_on, C::kProducingOn);
  note(a.progress.effective_on != b.progress.effective_on, C::kEffectiveOn);
  note(a.progress.withdrawn_on != b.progress.withdrawn_on, C::kWithdrawnOn);
  note(a.progress.withdrawal_reason != b.progress.withdrawal_reason, C::kWithdrawalReason);
  note(a.in_stats_db != b.in_stats_db, C::kInStatsDb);
  note(a.in_stats_db_on != b.in_stats_db_on, C::kInStatsDbOn);
  note(a.lead_unit_id != b.lead_unit_id, C::kUnit);
  note(a.leader_id != b.leader_id, C::kLeader);
  note(a.responsible_person != b.responsible_person, C::kResponsiblePerson);
  note(a.responsible_phone != b.responsible_phone, C::kPhone);
  out.project_changed = !out.changes.empty();
}

PlannedRow Planner::Plan(LedgerRow& row) {
  PlannedRow out;
  out.row = row.number;
  out.problems = std::move(row.problems);
  row.problems.clear();
  const bool cells_ok = out.problems.empty();
  // The enterprise first: matching by name needs it.
  if (layout_.Has(C::kEnterprise) || layout_.Has(C::kUscc)) ResolveEnterprise(out, row);
  Match(out, row);
  if (out.before >= 0) {
    std::int64_t enterprise = out.project.enterprise_id;
    out.project = world_.projects[out.before];
    if (layout_.Has(C::kEnterprise) || layout_.Has(C::kUscc)) out.project.enterprise_id = enterprise;
  } else {
    out.project.region_code = world_.region_code;
  }
  cells_ok_ = cells_ok;
  ApplyFields(out, row);
  // The project's own rules, reported under the columns they concern.
  if (out.problems.empty() && cells_ok) {
    Project probe = out.project;
    if (out.new_enterprise >= 0) probe.enterprise_id = std::int64_t{1} << 62;
    if (auto status = ValidateProject(probe, options_.today); !status.ok()) {
      for (const auto& field : status.fields()) {
        LedgerColumn column = ColumnOfField(field.field);
        std::string value;
        if (IsDateColumn(column)) {
          const StageRecord& r = probe.progress;
          switch (column) {
            case C::kSignedOn: value = DateText(r.signed_on); break;
            case C::kFulfilledOn: value = DateText(r.fulfilled_on); break;
            case C::kStartedOn: value = DateText(r.started_on); break;
            case C::kProducingOn: value = DateText(r.producing_on); break;
            case C::kEffectiveOn: value = DateText(r.effective_on); break;
            case C::kWithdrawnOn: value = DateText(r.withdrawn_on); break;
            case C::kInStatsDbOn: value = DateText(probe.in_stats_db_on); break;
            default: break;
          }
        } else if (column == C::kStage) {
          value = std::string(StageName(probe.progress.stage));
        } else if (column == C::kCode) {
          value = probe.code;
        } else if (column == C::kName) {
          value = probe.name;
        } else if (column == C::kResponsiblePerson) {
          value = probe.responsible_person;
        } else if (column == C::kPhone) {
          value = probe.responsible_phone;
        } else if (column == C::kIndustry) {
          value = probe.industry;
        }
        if (column == C::kUnit || column == C::kLeader) {
          if (probe.lead_unit_id == 0 || probe.leader_id == 0) continue;  // already reported as unknown
        }
        Problem(out, row, column, value, field.message);
      }
    }
  }
  if (out.problems.empty()) PlanEntry(out, row);
  if (!out.problems.empty()) {
    out.action = RowAction::kInvalid;
    ++plan_.invalid;
    return out;
  }
  if (out.before >= 0) {
    NoteChanges(out);
    if (out.entry_action != EntryAction::kNone) out.changes.push_back(layout_.Header(C::kPeriod));
    out.action = out.changes.empty() ? RowAction::kUnchanged : RowAction::kUpdate;
  } else {
    out.action = RowAction::kCreate;
    out.project_changed = true;
  }
  if (out.action == RowAction::kCreate) ++plan_.creates;
  if (out.action == RowAction::kUpdate) ++plan_.updates;
  if (out.action == RowAction::kUnchanged) ++plan_.unchanged;
  if (out.entry_action == EntryAction::kCreate) ++plan_.entries_created;
  if (out.entry_action == EntryAction::kUpdate) ++plan_.entries_updated;
  return out;
}

}  // namespace

std::string_view RowActionCode(RowAction action) {
  switch (action) {
    case RowAction::kCreate: return "create";
    case RowAction::kUpdate: return "update";
    case RowAction::kUnchanged: return "unchanged";
    case RowAction::kInvalid: return "invalid";
  }
  return "invalid";
}

std::vector<ImportProblem> LedgerPlan::Problems() const {
  std::vector<ImportProblem> out = sheet_problems;
  for (const auto& row : rows) out.insert(out.end(), row.problems.begin(), row.problems.end());
  return out;
}

struct LedgerPlanner::State {
  State(LedgerSheetLayout sheet_layout, const LedgerWorld& world, const LedgerImportOptions& options)
      : layout(std::move(sheet_layout)), planner(layout, world, options, plan) {
    plan.warnings = layout.unknown_headers;
  }
  LedgerSheetLayout layout;
  LedgerPlan plan;
  Planner planner;
};

LedgerPlanner::LedgerPlanner(LedgerSheetLayout layout, const LedgerWorld& world, const LedgerImportOptions& options)
    : state_(std::make_unique<State>(std::move(layout), world, options)) {}

LedgerPlanner::~LedgerPlanner() = default;

PlannedRow& LedgerPlanner::Plan(LedgerRow& row) { return state_->plan.rows.emplace_back(state_->planner.Plan(row)); }

LedgerPlan LedgerPlanner::Finish() { return std::move(state_->plan); }

LedgerPlan PlanLedgerImport(const LedgerSheetLayout& layout, std::vector<LedgerRow> rows, const LedgerWorld& world,
                            const LedgerImportOptions& options) {
  LedgerPlanner planner(layout, world, options);
  for (auto& row : rows) planner.Plan(row);
  return planner.Finish();
}

}  // namespace sanpi::core
