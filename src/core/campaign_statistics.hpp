#pragma once
// The figures every roster gives (domain.md "The campaign rosters"), for a period as of a date, on
// any roster view (roster.hpp: published, original or adjusted). One pass over the lines: O(n).
//
// Membership is the roster's (a line counts in its batch whatever the date); stages count when
// their date is on or before `as_of` (project_stage.hpp ReachedBy). "Earlier" sign entries are those
// in the sign batch before period N (batch_period < N): the seed's "除第7期3个项目外,前6期项目全部履约".
//
// The four chained rates of the province's scoring, over every line of the roster (one per
// project), with each numerator inside its denominator so no rate exceeds 100 %:
//   签约项目履约率 fulfilment = lines signed and fulfilled ÷ lines signed
//   履约项目开工率 start      = lines fulfilled and started ÷ lines fulfilled
//   开工项目投产率 production = lines started and producing ÷ lines started
//   投产项目达效率 effect     = lines producing and effective ÷ lines producing
// A project that never signed (own investment, government infrastructure) is outside the first two
// and inside the last two. The production batch's own 达效率 is the last rate restricted to that
// batch (effective ÷ producing among its lines: the seed's 6 ÷ 7 = 85.7 %).
//
// Zero denominators: a Rate keeps both counts; PerMille() is nullopt and FormatRate gives "—" (the
// API sends null). A rate of nothing is not 0 %, which would read as a failure.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/project.hpp"
#include "core/roster.hpp"

namespace sanpi::core {

struct Rate {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  // Tenths of a percent, rounded half up (6/7 → 857); nullopt when the denominator is 0.
  std::optional<std::int64_t> PerMille() const;
  bool operator==(const Rate&) const = default;
};

// "85.7%"; a whole percentage drops its ".0" ("100%", "50%"); "—" without a denominator.
std::string FormatRate(const Rate& rate);

struct SignFigures {  // 签约一批
  std::int64_t count = 0;
  Yuan total_investment = 0;
  std::int64_t current = 0;            // joined in period N itself
  std::int64_t earlier = 0;            // joined in an earlier period
  std::int64_t earlier_fulfilled = 0;  // … and fulfilled by as_of
  std::int64_t fulfilled = 0;          // all lines fulfilled by as_of
};

struct StartFigures {  // 开工一批
  std::int64_t count = 0;
  Yuan total_investment = 0;
  std::int64_t started = 0;    // reached started by as_of (those producing included)
  std::int64_t producing = 0;  // reached producing by as_of
};

struct ProductionFigures {  // 投产一批
  std::int64_t count = 0;
  Yuan total_investment = 0;
  Yuan year_planned_investment = 0;  // sum of the commitments in force
  std::int64_t producing = 0;
  std::int64_t effective = 0;
  Rate effect_rate;                  // effective ÷ producing, this batch only
};

struct ChainRates {
  Rate fulfilment;  // 签约项目履约率
  Rate start;       // 履约项目开工率
  Rate production;  // 开工项目投产率
  Rate effect;      // 投产项目达效率
};

struct RosterFigures {
  std::int64_t count = 0;
  Yuan total_investment = 0;
  SignFigures sign;
  StartFigures start;
  ProductionFigures production;
  ChainRates rates;
};

// One responsible unit, leader or industry. Units and leaders are keyed by id (name empty);
// industries by name (id 0; an empty name is a project without one).
struct GroupFigures {
  std::int64_t id = 0;
  std::string name;
  RosterFigures figures;
};

struct CampaignStatistics {
  int period = 0;
  Date as_of;
  RosterFigures overall;
  std::vector<GroupFigures> by_unit;      // by lead unit 牵头单位, ascending id
  std::vector<GroupFigures> by_leader;    // by 包联领导, ascending id
  std::vector<GroupFigures> by_industry;  // by 产业领域, ascending name (byte order)
  std::int64_t missing_projects = 0;      // lines whose project was not given: skipped, a data fault
};

CampaignStatistics ComputeStatistics(const std::vector<RosterLine>& roster, const ProjectFactsIndex& projects,
                                     int period, const Date& as_of);

}  // namespace sanpi::core
