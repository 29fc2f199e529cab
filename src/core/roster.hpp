#pragma once
// Rosters computed from entries and adjustments (campaign.hpp): as first published, and as in force
// at a period after the dynamic adjustments (动态调整及转化).
//
// Conversion is a recorded decision, not a side effect of a stage date. The seed shows why: its
// period-7 start batch still holds four projects already producing on 2022-12-31 — the office had
// not (yet) converted them. So the rules of domain.md (a signed project that started converts to
// the start batch, a started project that produced converts to the production batch, a withdrawn
// project leaves) are applied by ProposeConversions, whose proposals the office reviews and
// records as RosterAdjustments; AdjustedRoster then applies what was recorded.
#include <cstdint>
#include <vector>

#include "core/campaign.hpp"
#include "core/project.hpp"

namespace sanpi::core {

// One project's line on a roster. The same shape for every view, so statistics and the bulletin
// work on any of them.
struct RosterLine {
  std::int64_t entry_id = 0;
  std::int64_t project_id = 0;
  Batch batch = Batch::kSign;         // the batch it is in now
  int batch_period = 0;               // the period from which it is in that batch
  Batch origin_batch = Batch::kSign;  // where it was first published …
  int origin_period = 0;              // … and when ("第五期签约开工项目")
  int sequence = 0;
  Commitment commitment;              // in force
  Commitment original_commitment;     // as published, never overwritten
  int adjustments = 0;                // how many recorded adjustments shaped this line

  bool Converted() const { return batch != origin_batch; }
};

// Lines are ordered by batch, then origin period, entries published in their batch before those
// converted into it, then origin batch, sequence and entry id — the order the seed lists them in.
bool LineBefore(const RosterLine& a, const RosterLine& b);

// The three lists announced on the day of period N, as announced.
std::vector<RosterLine> PublishedRoster(const std::vector<RosterEntry>& entries, int period);
// Every entry of periods 1…N as published, with no adjustment applied.
std::vector<RosterLine> OriginalRoster(const std::vector<RosterEntry>& entries, int period);
// The roster in force at period N (现有第N期项目): entries of periods 1…N with every adjustment
// made after an earlier period (after_period < N) applied in order (after_period, decided_on, id).
// Withdrawn entries leave. Should a project still hold two lines, the later entry supersedes.
// O(entries + adjustments · log adjustments).
std::vector<RosterLine> AdjustedRoster(const std::vector<RosterEntry>& entries,
                                       const std::vector<RosterAdjustment>& adjustments, int period);

// May `entry` join its period's roster? Invalid for bad fields; Conflict when the project already
// has an entry in that period or is still on the adjusted roster through an earlier entry (it is
// then converted, not listed again).
Status CheckNewEntry(const std::vector<RosterEntry>& entries, const std::vector<RosterAdjustment>& adjustments,
                     const RosterEntry& entry);

// May `adjustment` be recorded? NotFound without its entry; RuleBroken when it comes before the
// entry was published or before the entry's latest adjustment, touches a withdrawn entry, moves
// backwards or to the same batch, or changes nothing.
Status CheckAdjustment(const std::vector<RosterEntry>& entries, const std::vector<RosterAdjustment>& adjustments,
                       const RosterAdjustment& adjustment);

// The adjustments domain.md's rules call for on `roster` (normally AdjustedRoster of period N) given
// the stages reached by `as_of`: withdraw a withdrawn project; move a sign-batch project that
// started to the start batch (to production if it also produced); move a start-batch project that
// produced to the production batch. The new commitment is the old one with the actual date as the
// planned one. Proposals carry after_period, decided_on = as_of and a reason in the office's
// words (Chinese: it is recorded data, not a system message); id 0.
std::vector<RosterAdjustment> ProposeConversions(const std::vector<RosterLine>& roster,
                                                 const ProjectFactsIndex& projects, int after_period,
                                                 const Date& as_of);

}  // namespace sanpi::core
