#pragma once
// 年度计划投资: one plan per project and year, as visible and writable as its project. Saving decomposes
// the annual figure by the chosen strategy with the region's seasonal profile or the project's
// milestone dates, so the twelve stored months always add up to the annual figure.
#include <vector>

#include "core/access.hpp"
#include "core/investment_plan.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

class InvestmentPlanRepository {
 public:
  explicit InvestmentPlanRepository(Transaction& tx) : tx_(tx) {}

  // NotFound when the project is absent or outside the caller's scope. Oldest year first.
  core::Result<std::vector<core::InvestmentPlan>> List(const core::Principal& caller, std::int64_t project_id);
  // NotFound also when the project has no plan for the year.
  core::Result<core::InvestmentPlan> Get(const core::Principal& caller, std::int64_t project_id, int year);
  // The twelve months `request` gives for this project, without saving (the plan tab's preview). The
  // seasonal weights and milestone stretches come from the region and the project, not the request.
  core::Result<core::MonthlyAmounts> Preview(const core::Principal& caller, std::int64_t project_id,
                                             core::DecompositionRequest request);
  // Creates the plan (version 0) or replaces it (the version read); Conflict on a stale version, Invalid
  // naming the field (annual, months[M] …). Audited; raises the region's progress revision.
  core::Result<core::InvestmentPlan> Save(const core::Principal& caller, std::int64_t project_id,
                                          core::DecompositionRequest request, std::int64_t version);

  // For callers that already checked the project (ledger import, demo): the plan or nullopt.
  std::optional<core::InvestmentPlan> Find(std::int64_t project_id, int year);

 private:
  core::Result<core::MonthlyAmounts> Decompose(const std::string& region_code, std::int64_t project_id,
                                               core::DecompositionRequest& request);
  Transaction& tx_;
};

}  // namespace sanpi::storage
