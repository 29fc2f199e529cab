#pragma once
// 年度计划投资 and its 逐月分解: a project's investment plan for one year, broken into twelve whole-yuan
// monthly amounts that always add up to the annual figure exactly, whatever strategy produced them.
//
// Every strategy reduces to "share the annual figure out in proportion to twelve integer weights"
// (ApportionByWeights), so there is one rounding rule for all of them:
//   largest remainder 最大余数法 — each month first gets floor(annual × weight ÷ Σweights); the few
//   yuan left over (fewer than 12) go one each to the months with the largest remainders; when
//   remainders are equal the EARLIER month wins (January before February …). The arithmetic is exact
//   (128-bit integers, no floating point), so the same input always gives the same twelve figures,
//   and a month whose weight is zero always gets exactly zero.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/status.hpp"

namespace sanpi::core {

inline constexpr int kMonthsPerYear = 12;
using MonthlyAmounts = std::array<Yuan, kMonthsPerYear>;        // [0] = January
using MonthWeights = std::array<std::int64_t, kMonthsPerYear>;  // non-negative, not all zero

// The limits a plan's year must fall in (keeps typos such as 20024 out of the data).
inline constexpr int kMinPlanYear = 2000;
inline constexpr int kMaxPlanYear = 2100;

enum class DecompositionStrategy {
  kEven,       // 平均分解: the same share each month
  kSeasonal,   // 季节系数: the region's twelve weights (e.g. low in the Spring Festival month)
  kMilestone,  // 按节点计划: spread over the days between the project's milestone dates
  kManual,     // 手工填报: twelve amounts typed in, which must add up to the annual figure
};
// Stable codes for storage and the API: "even", "seasonal", "milestone", "manual".
std::string_view DecompositionStrategyCode(DecompositionStrategy strategy);
std::optional<DecompositionStrategy> ParseDecompositionStrategy(std::string_view code);

// One project's plan for one year. Changes are audited by the storage layer (version + audit log).
struct InvestmentPlan {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  int year = 0;
  Yuan annual = 0;  // 年度计划投资
  DecompositionStrategy strategy = DecompositionStrategy::kEven;
  MonthlyAmounts months{};  // 逐月计划; sums to `annual`
  std::int64_t version = 0;
};

// A region's seasonal profile 季节系数: twelve relative weights (any scale: 8 and 80 mean the same).
struct SeasonalProfile {
  std::string region_code{};
  MonthWeights weights{};
};

// Construction stretches for the milestone strategy: investment is spent evenly per day over
// [from, to) — e.g. 开工 → 主体封顶 — times the stretch's intensity (a structure phase can spend
// more per day than fitting-out). Months of the plan year outside every stretch get nothing.
struct MilestoneStretch {
  Date from{};
  Date to{};                   // exclusive
  std::int64_t intensity = 1;  // 0 … kMaxStretchIntensity
};
inline constexpr std::int64_t kMaxStretchIntensity = 1'000'000;

// What a caller asks for; only the input of the chosen strategy is read.
struct DecompositionRequest {
  int year = 0;
  Yuan annual = 0;
  DecompositionStrategy strategy = DecompositionStrategy::kEven;
  MonthWeights seasonal_weights{};            // kSeasonal
  std::vector<MilestoneStretch> stretches{};  // kMilestone
  std::vector<Yuan> manual_months{};          // kManual: exactly 12 amounts
};

// Shares `total` (>= 0) in proportion to `weights` by largest remainder (see the file comment).
// Invalid (field `field`) when total < 0, a weight is negative, or all weights are zero.
Result<MonthlyAmounts> ApportionByWeights(Yuan total, const MonthWeights& weights, std::string_view field = "weights");

Result<MonthlyAmounts> DecomposeEven(Yuan annual);
Result<MonthlyAmounts> DecomposeSeasonal(Yuan annual, const MonthWeights& weights);
// Weight of each month = Σ over stretches of intensity × days of the stretch inside that month of
// `year` (leap years count Feb 29). Invalid when no stretch touches the year or a stretch is reversed.
Result<MonthlyAmounts> DecomposeByMilestones(Yuan annual, int year, const std::vector<MilestoneStretch>& stretches);
// Checks hand-typed amounts: 12 of them, none negative, adding up to `annual`. A field error names the
// month: `months[M]` (1-based) for a negative month or for the month where the running total first
// exceeds the annual figure; `months` for a total that falls short (the message says by how much).
Result<MonthlyAmounts> CheckManualMonths(Yuan annual, const std::vector<Yuan>& months);
// Dispatches on request.strategy; also checks year and annual.
Result<MonthlyAmounts> Decompose(const DecompositionRequest& request);

// Consecutive planned milestone dates → stretches of intensity 1 (dates are sorted, repeats dropped).
std::vector<MilestoneStretch> StretchesBetween(std::vector<Date> dates);
// Weights of the milestone strategy (exposed for the plan tab's preview).
Result<MonthWeights> MilestoneMonthWeights(int year, const std::vector<MilestoneStretch>& stretches);

Status ValidateSeasonalProfile(const SeasonalProfile& profile);
// project_id > 0, year in range, annual >= 0, months non-negative and summing to annual.
Status ValidateInvestmentPlan(const InvestmentPlan& plan);

// Planned amount for months 1..through_month (0 → 0, > 12 → the whole year).
Yuan PlannedThrough(const MonthlyAmounts& months, int through_month);
// Cumulative plan of a project up to (year, month): every earlier year's annual figure plus this
// year's months 1..month — the PV of the earned-value view. Plans of later years are ignored.
Yuan CumulativePlanned(std::span<const InvestmentPlan> plans, int year, int month);

}  // namespace sanpi::core
