#include "core/campaign_statistics.hpp"

#include <algorithm>
#include <unordered_map>

namespace sanpi::core {
namespace {

void Count(Rate& rate, bool in_denominator, bool in_numerator) {
  if (!in_denominator) return;
  ++rate.denominator;
  if (in_numerator) ++rate.numerator;
}

// The stages one line's project had reached by the as-of date, worked out once per line.
struct Reached {
  bool signed_by, fulfilled, started, producing, effective;
};

Reached ReachedOf(const StageRecord& progress, int as_of_day) {
  auto by = [&](const std::optional<Date>& date) { return date && date->DaysSinceEpoch() <= as_of_day; };
  const bool signed_by = by(progress.signed_on);
  return {signed_by, signed_by && by(progress.fulfilled_on), by(progress.started_on), by(progress.producing_on),
          by(progress.effective_on)};
}

// Adds one line to a set of figures.
void Add(RosterFigures& figures, const RosterLine& line, const ProjectFacts& project, const Reached& reached,
         int period) {
  const auto [signed_by, fulfilled, started, producing, effective] = reached;
  ++figures.count;
  figures.total_investment += project.total_investment;
  switch (line.batch) {
    case Batch::kSign: {
      SignFigures& sign = figures.sign;
      ++sign.count;
      sign.total_investment += project.total_investment;
      if (line.batch_period < period) {
        ++sign.earlier;
        if (fulfilled) ++sign.earlier_fulfilled;
      } else {
        ++sign.current;
      }
      if (fulfilled) ++sign.fulfilled;
      break;
    }
    case Batch::kStart: {
      StartFigures& start = figures.start;
      ++start.count;
      start.total_investment += project.total_investment;
      if (started) ++start.started;
      if (producing) ++start.producing;
      break;
    }
    case Batch::kProduction: {
      ProductionFigures& production = figures.production;
      ++production.count;
      production.total_investment += project.total_investment;
      production.year_planned_investment += line.commitment.year_planned_investment;
      if (producing) ++production.producing;
      if (producing && effective) ++production.effective;
      Count(production.effect_rate, producing, effective);
      break;
    }
  }
  Count(figures.rates.fulfilment, signed_by, fulfilled);
  Count(figures.rates.start, fulfilled, started);
  Count(figures.rates.production, started, producing);
  Count(figures.rates.effect, producing, effective);
}

template <class Key>
std::vector<std::pair<Key, RosterFigures>> Sorted(std::unordered_map<Key, RosterFigures>& groups) {
  std::vector<std::pair<Key, RosterFigures>> sorted(std::make_move_iterator(groups.begin()),
                                                    std::make_move_iterator(groups.end()));
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return sorted;
}

}  // namespace

std::optional<std::int64_t> Rate::PerMille() const {
  if (denominator <= 0) return std::nullopt;
  // Half up in integers: floor((2·1000·n + d) / 2d).
  return (2 * 1000 * numerator + denominator) / (2 * denominator);
}

std::string FormatRate(const Rate& rate) {
  auto per_mille = rate.PerMille();
  if (!per_mille) return "—";
  std::string text = std::to_string(*per_mille / 10);
  if (*per_mille % 10 != 0) text += "." + std::to_string(*per_mille % 10);
  return text + "%";
}

CampaignStatistics ComputeStatistics(const std::vector<RosterLine>& roster, const ProjectFactsIndex& projects,
                                     int period, const Date& as_of) {
  CampaignStatistics statistics;
  statistics.period = period;
  statistics.as_of = as_of;
  std::unordered_map<std::int64_t, RosterFigures> units, leaders;
  std::unordered_map<std::string, RosterFigures> industries;
  const int as_of_day = as_of.DaysSinceEpoch();
  for (const RosterLine& line : roster) {
    const ProjectFacts* project = projects.Find(line.project_id);
    if (!project) {
      ++statistics.missing_projects;
      continue;
    }
    const Reached reached = ReachedOf(project->progress, as_of_day);
    Add(statistics.overall, line, *project, reached, period);
    Add(units[project->lead_unit_id], line, *project, reached, period);
    Add(leaders[project->leader_id], line, *project, reached, period);
    Add(industries[project->industry], line, *project, reached, period);
  }
  for (auto& [id, figures] : Sorted(units)) statistics.by_unit.push_back({id, "", std::move(figures)});
  for (auto& [id, figures] : Sorted(leaders)) statistics.by_leader.push_back({id, "", std::move(figures)});
  for (auto& [name, figures] : Sorted(industries)) statistics.by_industry.push_back({0, name, std::move(figures)});
  return statistics;
}

}  // namespace sanpi::core
