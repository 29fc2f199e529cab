#include "core/investment_plan.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace sanpi::core {
namespace {

using Wide = __int128;  // annual (< 2^63) × weight (< 2^63) needs 126 bits

std::string MonthField(int month) { return "months[" + std::to_string(month) + "]"; }

Status CheckYear(int year) {
  if (year >= kMinPlanYear && year <= kMaxPlanYear) return Status::Ok();
  return Status::InvalidField(
      "year", {"年度应在" + std::to_string(kMinPlanYear) + "至" + std::to_string(kMaxPlanYear) + "之间",
               "year must be between " + std::to_string(kMinPlanYear) + " and " + std::to_string(kMaxPlanYear)});
}

Status CheckAnnual(Yuan annual) {
  if (annual >= 0) return Status::Ok();
  return Status::InvalidField("annual", {"年度计划投资不能为负数", "the annual plan must not be negative"});
}

// Largest remainder with exact integer arithmetic in `Int` (the caller checks total × weight fits).
template <class Int>
MonthlyAmounts Apportion(Yuan total, const MonthWeights& weights, Int weight_sum) {
  MonthlyAmounts amounts{};
  std::array<Int, kMonthsPerYear> remainders{};
  Yuan assigned = 0;
  for (int month = 0; month < kMonthsPerYear; ++month) {
    Int share = static_cast<Int>(total) * weights[month];
    amounts[month] = static_cast<Yuan>(share / weight_sum);
    remainders[month] = share % weight_sum;
    assigned += amounts[month];
  }
  // Fewer than 12 yuan are left; each goes to the largest remaining remainder, the earlier month on a tie
  // (a stable insertion sort by remainder, descending). A zero-weight month has remainder 0 and there are
  // always enough positive remainders ahead of it, so it never gets one.
  Yuan left = total - assigned;
  if (left == 0) return amounts;
  std::array<int, kMonthsPerYear> order{};
  for (int month = 0; month < kMonthsPerYear; ++month) {
    int slot = month;
    while (slot > 0 && remainders[order[slot - 1]] < remainders[month]) {
      order[slot] = order[slot - 1];
      --slot;
    }
    order[slot] = month;
  }
  for (int k = 0; k < left; ++k) ++amounts[order[k]];
  return amounts;
}

}  // namespace

std::string_view DecompositionStrategyCode(DecompositionStrategy strategy) {
  switch (strategy) {
    case DecompositionStrategy::kEven:
      return "even";
    case DecompositionStrategy::kSeasonal:
      return "seasonal";
    case DecompositionStrategy::kMilestone:
      return "milestone";
    case DecompositionStrategy::kManual:
      return "manual";
  }
  return "even";
}

std::optional<DecompositionStrategy> ParseDecompositionStrategy(std::string_view code) {
  for (auto strategy : {DecompositionStrategy::kEven, DecompositionStrategy::kSeasonal,
                        DecompositionStrategy::kMilestone, DecompositionStrategy::kManual}) {
    if (DecompositionStrategyCode(strategy) == code) return strategy;
  }
  return std::nullopt;
}

Result<MonthlyAmounts> ApportionByWeights(Yuan total, const MonthWeights& weights, std::string_view field) {
  if (total < 0) return CheckAnnual(total);
  Wide weight_sum = 0;
  std::int64_t max_weight = 0;
  for (int month = 0; month < kMonthsPerYear; ++month) {
    if (weights[month] < 0) {
      return Status::InvalidField(std::string(field),
                                  {std::to_string(month + 1) + "月的权重不能为负数",
                                   "the weight of month " + std::to_string(month + 1) + " must not be negative"});
    }
    weight_sum += weights[month];
    max_weight = std::max(max_weight, weights[month]);
  }
  if (weight_sum == 0) {
    return Status::InvalidField(std::string(field), {"权重不能全部为零", "the weights must not all be zero"});
  }
  // 64-bit arithmetic when every product fits (the usual case, several times faster), else 128-bit.
  bool narrow = weight_sum <= INT64_MAX && (max_weight == 0 || total <= INT64_MAX / max_weight);
  return narrow ? Apportion<std::int64_t>(total, weights, static_cast<std::int64_t>(weight_sum))
                : Apportion<Wide>(total, weights, weight_sum);
}

Result<MonthlyAmounts> DecomposeEven(Yuan annual) {
  MonthWeights equal;
  equal.fill(1);
  return ApportionByWeights(annual, equal);
}

Result<MonthlyAmounts> DecomposeSeasonal(Yuan annual, const MonthWeights& weights) {
  return ApportionByWeights(annual, weights, "seasonal_weights");
}

Result<MonthWeights> MilestoneMonthWeights(int year, const std::vector<MilestoneStretch>& stretches) {
  if (Status year_ok = CheckYear(year); !year_ok.ok()) return year_ok;
  FieldErrors errors;
  for (size_t i = 0; i < stretches.size(); ++i) {
    const auto& stretch = stretches[i];
    std::string field = "stretches[" + std::to_string(i) + "]";
    if (stretch.to < stretch.from) {
      errors.Add(field, {"结束日期" + stretch.to.ToString() + "早于开始日期" + stretch.from.ToString(),
                         "ends (" + stretch.to.ToString() + ") before it starts (" + stretch.from.ToString() + ")"});
    }
    if (stretch.intensity < 0 || stretch.intensity > kMaxStretchIntensity) {
      errors.Add(field, {"强度应在0至" + std::to_string(kMaxStretchIntensity) + "之间",
                         "intensity must be between 0 and " + std::to_string(kMaxStretchIntensity)});
    }
  }
  if (!errors.empty()) return errors.ToStatus();

  std::array<int, kMonthsPerYear + 1> month_starts{};  // day numbers; [12] is next year's January 1st
  for (int month = 0; month < kMonthsPerYear; ++month) month_starts[month] = Date(year, month + 1, 1).DaysSinceEpoch();
  month_starts[kMonthsPerYear] = Date(year + 1, 1, 1).DaysSinceEpoch();
  MonthWeights weights{};
  for (const auto& stretch : stretches) {
    int from = stretch.from.DaysSinceEpoch(), to = stretch.to.DaysSinceEpoch();
    for (int month = 0; month < kMonthsPerYear; ++month) {
      int overlap = std::min(month_starts[month + 1], to) - std::max(month_starts[month], from);
      if (overlap > 0) weights[month] += overlap * stretch.intensity;
    }
  }
  bool any = std::any_of(weights.begin(), weights.end(), [](std::int64_t weight) { return weight > 0; });
  if (!any) {
    return Status::InvalidField("stretches", {"没有节点区间落在" + std::to_string(year) + "年内，无法按节点分解",
                                              "no milestone stretch falls in " + std::to_string(year) +
                                                  ", so the plan cannot follow the milestones"});
  }
  return weights;
}

Result<MonthlyAmounts> DecomposeByMilestones(Yuan annual, int year, const std::vector<MilestoneStretch>& stretches) {
  if (Status annual_ok = CheckAnnual(annual); !annual_ok.ok()) return annual_ok;
  auto weights = MilestoneMonthWeights(year, stretches);
  if (!weights.ok()) return weights.status();
  return ApportionByWeights(annual, *weights, "stretches");
}

Result<MonthlyAmounts> CheckManualMonths(Yuan annual, const std::vector<Yuan>& months) {
  if (Status annual_ok = CheckAnnual(annual); !annual_ok.ok()) return annual_ok;
  if (months.size() != kMonthsPerYear) {
    return Status::InvalidField("months", {"应填写12个月的计划，实际" + std::to_string(months.size()) + "个",
                                           "12 monthly amounts are needed, got " + std::to_string(months.size())});
  }
  FieldErrors errors;
  MonthlyAmounts amounts{};
  // 128-bit and pinned just above `annual` once past it, so absurd inputs cannot overflow.
  Wide running = 0;
  bool overrun_named = false;
  for (int month = 1; month <= kMonthsPerYear; ++month) {
    Yuan amount = months[month - 1];
    amounts[month - 1] = amount;
    if (amount < 0) {
      errors.Add(MonthField(month), {std::to_string(month) + "月计划投资不能为负数",
                                     "the plan for month " + std::to_string(month) + " must not be negative"});
      continue;
    }
    running += amount;
    if (!overrun_named && running > annual) {
      overrun_named = true;
      std::string sum =
          running > INT64_MAX ? std::string("9223372036854775807+") : std::to_string(static_cast<Yuan>(running));
      errors.Add(MonthField(month),
                 {"1至" + std::to_string(month) + "月合计" + sum + "元，已超过年度计划" + std::to_string(annual) + "元",
                  "months 1 to " + std::to_string(month) + " add up to " + sum +
                      " yuan, more than the annual plan of " + std::to_string(annual) + " yuan"});
    }
    running = std::min<Wide>(running, static_cast<Wide>(annual) + 1);
  }
  if (errors.empty() && running < annual) {
    Yuan sum = static_cast<Yuan>(running);
    errors.Add("months", {"12个月合计" + std::to_string(sum) + "元，比年度计划少" + std::to_string(annual - sum) + "元",
                          "the 12 months add up to " + std::to_string(sum) + " yuan, " + std::to_string(annual - sum) +
                              " yuan short of the annual plan"});
  }
  if (!errors.empty()) return errors.ToStatus();
  return amounts;
}

Result<MonthlyAmounts> Decompose(const DecompositionRequest& request) {
  if (Status year_ok = CheckYear(request.year); !year_ok.ok()) return year_ok;
  switch (request.strategy) {
    case DecompositionStrategy::kEven:
      return DecomposeEven(request.annual);
    case DecompositionStrategy::kSeasonal:
      return DecomposeSeasonal(request.annual, request.seasonal_weights);
    case DecompositionStrategy::kMilestone:
      return DecomposeByMilestones(request.annual, request.year, request.stretches);
    case DecompositionStrategy::kManual:
      return CheckManualMonths(request.annual, request.manual_months);
  }
  return Status::InvalidField("strategy", {"未知的分解方式", "unknown decomposition strategy"});
}

std::vector<MilestoneStretch> StretchesBetween(std::vector<Date> dates) {
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  std::vector<MilestoneStretch> stretches;
  for (size_t i = 1; i < dates.size(); ++i) stretches.push_back({dates[i - 1], dates[i], 1});
  return stretches;
}

Status ValidateSeasonalProfile(const SeasonalProfile& profile) {
  FieldErrors errors;
  if (profile.region_code.size() != 6)
    errors.Add("region_code", {"区域代码应为6位数字", "the region code must be six digits"});
  auto apportioned = ApportionByWeights(0, profile.weights, "weights");
  if (!apportioned.ok()) {
    for (const auto& field : apportioned.status().fields()) errors.Add(field.field, field.message);
  }
  return errors.ToStatus();
}

Status ValidateInvestmentPlan(const InvestmentPlan& plan) {
  FieldErrors errors;
  if (plan.project_id <= 0) errors.Add("project_id", {"必须指定项目", "a project is required"});
  if (Status year_ok = CheckYear(plan.year); !year_ok.ok()) errors.Add("year", year_ok.fields().front().message);
  if (plan.annual < 0) {
    errors.Add("annual", {"年度计划投资不能为负数", "the annual plan must not be negative"});
  } else {
    auto checked = CheckManualMonths(plan.annual, std::vector<Yuan>(plan.months.begin(), plan.months.end()));
    if (!checked.ok()) {
      for (const auto& field : checked.status().fields()) errors.Add(field.field, field.message);
    }
  }
  return errors.ToStatus();
}

Yuan PlannedThrough(const MonthlyAmounts& months, int through_month) {
  int last = std::clamp(through_month, 0, kMonthsPerYear);
  Yuan sum = 0;
  for (int month = 0; month < last; ++month) sum += months[month];
  return sum;
}

Yuan CumulativePlanned(std::span<const InvestmentPlan> plans, int year, int month) {
  Yuan sum = 0;
  for (const auto& plan : plans) {
    if (plan.year < year) sum += plan.annual;
    if (plan.year == year) sum += PlannedThrough(plan.months, month);
  }
  return sum;
}

}  // namespace sanpi::core
