#include "core/roster.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace sanpi::core {
namespace {

RosterLine LineOf(const RosterEntry& entry) {
  RosterLine line;
  line.entry_id = entry.id;
  line.project_id = entry.project_id;
  line.batch = line.origin_batch = entry.batch;
  line.batch_period = line.origin_period = entry.period;
  line.sequence = entry.sequence;
  line.commitment = line.original_commitment = entry.commitment;
  return line;
}

bool AdjustmentBefore(const RosterAdjustment* a, const RosterAdjustment* b) {
  return std::tie(a->after_period, a->decided_on, a->id) < std::tie(b->after_period, b->decided_on, b->id);
}

// Adjustments grouped by entry, each group in the order they apply.
std::unordered_map<std::int64_t, std::vector<const RosterAdjustment*>> ByEntry(
    const std::vector<RosterAdjustment>& adjustments) {
  std::unordered_map<std::int64_t, std::vector<const RosterAdjustment*>> by_entry;
  by_entry.reserve(adjustments.size());
  for (const auto& adjustment : adjustments) by_entry[adjustment.entry_id].push_back(&adjustment);
  for (auto& [entry_id, group] : by_entry) std::sort(group.begin(), group.end(), AdjustmentBefore);
  return by_entry;
}

// Applies one adjustment; false when the line leaves the roster.
bool Apply(RosterLine& line, const RosterAdjustment& adjustment) {
  ++line.adjustments;
  switch (adjustment.kind) {
    case AdjustmentKind::kWithdraw: return false;
    case AdjustmentKind::kMove:
      line.batch = adjustment.to_batch;
      line.batch_period = adjustment.after_period + 1;
      line.commitment = adjustment.commitment;
      return true;
    case AdjustmentKind::kChangeCommitment: line.commitment = adjustment.commitment; return true;
  }
  return true;
}

void Sort(std::vector<RosterLine>& lines) { std::sort(lines.begin(), lines.end(), LineBefore); }

std::string DateText(const Date& date) { return date.ToString(); }

}  // namespace

bool LineBefore(const RosterLine& a, const RosterLine& b) {
  auto key = [](const RosterLine& line) {
    return std::make_tuple(line.batch, line.origin_period, line.Converted(), line.origin_batch, line.sequence,
                           line.entry_id);
  };
  return key(a) < key(b);
}

std::vector<RosterLine> PublishedRoster(const std::vector<RosterEntry>& entries, int period) {
  std::vector<RosterLine> lines;
  for (const auto& entry : entries)
    if (entry.period == period) lines.push_back(LineOf(entry));
  Sort(lines);
  return lines;
}

std::vector<RosterLine> OriginalRoster(const std::vector<RosterEntry>& entries, int period) {
  std::vector<RosterLine> lines;
  for (const auto& entry : entries)
    if (entry.period <= period) lines.push_back(LineOf(entry));
  Sort(lines);
  return lines;
}

std::vector<RosterLine> AdjustedRoster(const std::vector<RosterEntry>& entries,
                                       const std::vector<RosterAdjustment>& adjustments, int period) {
  const auto by_entry = ByEntry(adjustments);
  std::vector<RosterLine> lines;
  std::unordered_map<std::int64_t, size_t> line_of_project;
  for (const auto& entry : entries) {
    if (entry.period > period) continue;
    RosterLine line = LineOf(entry);
    bool stays = true;
    if (auto found = by_entry.find(entry.id); found != by_entry.end()) {
      for (const RosterAdjustment* adjustment : found->second) {
        if (adjustment->after_period >= period) break;
        if (adjustment->after_period < entry.period) continue;  // cannot precede the entry; ignored
        if (!(stays = Apply(line, *adjustment))) break;
      }
    }
    if (!stays) continue;
    auto [slot, inserted] = line_of_project.emplace(entry.project_id, lines.size());
    if (inserted) {
      lines.push_back(std::move(line));
    } else if (std::tie(line.origin_period, line.entry_id) >
               std::tie(lines[slot->second].origin_period, lines[slot->second].entry_id)) {
      lines[slot->second] = std::move(line);
    }
  }
  Sort(lines);
  return lines;
}

Status CheckNewEntry(const std::vector<RosterEntry>& entries, const std::vector<RosterAdjustment>& adjustments,
                     const RosterEntry& entry) {
  if (Status status = ValidateRosterEntry(entry); !status.ok()) return status;
  for (const auto& other : entries) {
    if (other.id != entry.id && other.period == entry.period && other.project_id == entry.project_id) {
      return Status::Conflict({"该项目已列入" + PeriodOrdinal(entry.period) + std::string(BatchName(other.batch)),
                               "the project is already on period " + std::to_string(entry.period) + "'s " +
                                   std::string(BatchCode(other.batch)) + " roster"});
    }
  }
  std::vector<RosterEntry> others;
  others.reserve(entries.size());
  for (const auto& other : entries)
    if (other.id != entry.id || entry.id == 0) others.push_back(other);
  for (const RosterLine& line : AdjustedRoster(others, adjustments, entry.period)) {
    if (line.project_id != entry.project_id) continue;
    return Status::Conflict(
        {"该项目仍在" + PeriodOrdinal(line.origin_period) + std::string(BatchName(line.origin_batch)) +
             "名单中，请通过动态调整转化，不要重复列入",
         "the project is still on the roster through period " + std::to_string(line.origin_period) +
             "'s entry: convert that entry instead of listing it again"});
  }
  return Status::Ok();
}

Status CheckAdjustment(const std::vector<RosterEntry>& entries, const std::vector<RosterAdjustment>& adjustments,
                       const RosterAdjustment& adjustment) {
  if (Status status = ValidateRosterAdjustment(adjustment); !status.ok()) return status;
  auto entry = std::find_if(entries.begin(), entries.end(), [&](const RosterEntry& e) { return e.id == adjustment.entry_id; });
  if (entry == entries.end()) return Status::NotFound({"名单条目不存在", "roster entry not found"});
  if (adjustment.after_period < entry->period) {
    return Status::RuleBroken({"调整只能在该项目列入的" + PeriodOrdinal(entry->period) + "之后",
                               "an adjustment can only follow period " + std::to_string(entry->period) +
                                   ", when the entry was published"});
  }
  RosterLine line = LineOf(*entry);
  std::vector<const RosterAdjustment*> history;
  for (const auto& other : adjustments)
    if (other.entry_id == entry->id && other.id != adjustment.id) history.push_back(&other);
  std::sort(history.begin(), history.end(), AdjustmentBefore);
  for (const RosterAdjustment* earlier : history) {
    if (earlier->after_period > adjustment.after_period) {
      return Status::RuleBroken({"该条目在" + PeriodOrdinal(earlier->after_period) + "之后已有调整，新调整不能更早",
                                 "the entry was already adjusted after period " +
                                     std::to_string(earlier->after_period) + "; a new adjustment cannot come earlier"});
    }
    if (!Apply(line, *earlier)) {
      return Status::RuleBroken({"该项目已退出名单", "the entry has already left the roster"});
    }
  }
  switch (adjustment.kind) {
    case AdjustmentKind::kWithdraw: return Status::Ok();
    case AdjustmentKind::kMove:
      if (adjustment.to_batch <= line.batch) {
        return Status::RuleBroken(
            {"只能由" + std::string(BatchName(line.batch)) + "向后转化（签约→开工→投产）",
             "a move only goes forward from the " + std::string(BatchCode(line.batch)) +
                 " batch (sign → start → production)"});
      }
      return Status::Ok();
    case AdjustmentKind::kChangeCommitment: {
      FieldErrors errors;
      CheckCommitment(errors, line.batch, adjustment.commitment, "commitment.");
      if (!errors.empty()) return errors.ToStatus();
      if (adjustment.commitment == line.commitment)
        return Status::RuleBroken({"调整后的承诺与现承诺相同", "the new commitment is the same as the current one"});
      return Status::Ok();
    }
  }
  return Status::Ok();
}

std::vector<RosterAdjustment> ProposeConversions(const std::vector<RosterLine>& roster,
                                                 const ProjectFactsIndex& projects, int after_period,
                                                 const Date& as_of) {
  std::vector<RosterAdjustment> proposals;
  for (const RosterLine& line : roster) {
    const ProjectFacts* project = projects.Find(line.project_id);
    if (!project) continue;
    const StageRecord& progress = project->progress;
    RosterAdjustment proposal;
    proposal.entry_id = line.entry_id;
    proposal.after_period = after_period;
    proposal.decided_on = as_of;
    proposal.commitment = line.commitment;
    if (ReachedBy(progress, Stage::kWithdrawn, as_of)) {
      proposal.kind = AdjustmentKind::kWithdraw;
      proposal.reason = "项目已于" + DateText(*progress.withdrawn_on) + "退出：" + progress.withdrawal_reason;
    } else if (line.batch != Batch::kProduction && ReachedBy(progress, Stage::kProducing, as_of)) {
      proposal.kind = AdjustmentKind::kMove;
      proposal.to_batch = Batch::kProduction;
      proposal.commitment.planned_production_date = progress.producing_on;
      proposal.reason = "已于" + DateText(*progress.producing_on) + "投产，转入投产一批";
    } else if (line.batch == Batch::kSign && ReachedBy(progress, Stage::kStarted, as_of)) {
      proposal.kind = AdjustmentKind::kMove;
      proposal.to_batch = Batch::kStart;
      proposal.commitment.planned_start_date = progress.started_on;
      proposal.reason = "已于" + DateText(*progress.started_on) + "开工，转入开工一批";
    } else {
      continue;
    }
    proposals.push_back(std::move(proposal));
  }
  return proposals;
}

}  // namespace sanpi::core
