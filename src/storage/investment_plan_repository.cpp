#include "storage/investment_plan_repository.hpp"

#include <boost/json/serialize.hpp>

#include "codec/progress_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/progress_settings_repository.hpp"
#include "storage/project_repository.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kColumns =
    "id, project_id, year, annual, strategy, m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12, version";

core::InvestmentPlan FromRow(const Row& row) {
  core::InvestmentPlan plan;
  plan.id = row.Int(0);
  plan.project_id = row.Int(1);
  plan.year = static_cast<int>(row.Int(2));
  plan.annual = row.Int(3);
  plan.strategy = core::ParseDecompositionStrategy(row.Text(4)).value_or(core::DecompositionStrategy::kManual);
  for (int m = 0; m < core::kMonthsPerYear; ++m) plan.months[m] = row.Int(5 + m);
  plan.version = row.Int(17);
  return plan;
}

std::string Snapshot(const core::InvestmentPlan& plan) { return boost::json::serialize(codec::ToJson(plan)); }
core::Status NoPlan() { return core::Status::NotFound({"该年度没有投资计划", "no investment plan for this year"}); }
core::Status Stale() {
  return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
}

}  // namespace

core::Result<std::vector<core::InvestmentPlan>> InvestmentPlanRepository::List(const core::Principal& caller,
                                                                               std::int64_t project_id) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  std::vector<core::InvestmentPlan> plans;
  for (auto row : tx_.Query(std::string("SELECT ") + kColumns +
                                " FROM investment_plans WHERE project_id = $1 ORDER BY year",
                            {project_id})) {
    plans.push_back(FromRow(row));
  }
  return plans;
}

std::optional<core::InvestmentPlan> InvestmentPlanRepository::Find(std::int64_t project_id, int year) {
  auto rows = tx_.Query(std::string("SELECT ") + kColumns + " FROM investment_plans WHERE project_id = $1 AND year = $2",
                        {project_id, std::int64_t{year}});
  if (rows.empty()) return std::nullopt;
  return FromRow(rows.front());
}

core::Result<core::InvestmentPlan> InvestmentPlanRepository::Get(const core::Principal& caller,
                                                                 std::int64_t project_id, int year) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  auto plan = Find(project_id, year);
  if (!plan) return NoPlan();
  return *plan;
}

core::Result<core::MonthlyAmounts> InvestmentPlanRepository::Decompose(const std::string& region_code,
                                                                       std::int64_t project_id,
                                                                       core::DecompositionRequest& request) {
  if (request.strategy == core::DecompositionStrategy::kSeasonal) {
    request.seasonal_weights = ProgressSettingsRepository(tx_).Get(region_code).seasonal_weights;
  }
  if (request.strategy == core::DecompositionStrategy::kMilestone) {
    std::vector<core::Date> dates;
    for (auto row : tx_.Query("SELECT planned FROM milestones WHERE project_id = $1 AND planned IS NOT NULL",
                              {project_id})) {
      if (auto date = core::Date::Parse(row.Text(0))) dates.push_back(*date);
    }
    request.stretches = core::StretchesBetween(std::move(dates));
    if (request.stretches.empty()) {
      return core::Status::InvalidField("strategy", {"按节点分解需要至少两个有计划日期的节点",
                                                     "the milestone strategy needs at least two milestones with planned dates"});
    }
  }
  return core::Decompose(request);
}

core::Result<core::MonthlyAmounts> InvestmentPlanRepository::Preview(const core::Principal& caller,
                                                                     std::int64_t project_id,
                                                                     core::DecompositionRequest request) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  return Decompose(project->region_code, project_id, request);
}

core::Result<core::InvestmentPlan> InvestmentPlanRepository::Save(const core::Principal& caller,
                                                                  std::int64_t project_id,
                                                                  core::DecompositionRequest request,
                                                                  std::int64_t version) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  auto months = Decompose(project->region_code, project_id, request);
  if (!months.ok()) return months.status();
  auto current = Find(project_id, request.year);
  if ((current ? current->version : 0) != version) return Stale();

  core::InvestmentPlan plan;
  plan.project_id = project_id;
  plan.year = request.year;
  plan.annual = request.annual;
  plan.strategy = request.strategy;
  plan.months = *months;
  if (auto status = core::ValidateInvestmentPlan(plan); !status.ok()) return status;

  Params params{project->region_code, project_id, std::int64_t{plan.year}, plan.annual,
                std::string(core::DecompositionStrategyCode(plan.strategy))};
  for (auto amount : plan.months) params.push_back(amount);
  params.push_back(NowLocal());
  if (!current) {
    auto rows = tx_.Query(
        "INSERT INTO investment_plans (region_code, project_id, year, annual, strategy, m01, m02, m03, m04, m05, m06, "
        "m07, m08, m09, m10, m11, m12, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
        "$10, $11, $12, $13, $14, $15, $16, $17, 1, $18, $18) RETURNING id",
        params);
    plan.id = rows.front().Int(0);
  } else {
    params.push_back(current->version);
    auto changed = tx_.Execute(
        "UPDATE investment_plans SET annual = $4, strategy = $5, m01 = $6, m02 = $7, m03 = $8, m04 = $9, m05 = $10, "
        "m06 = $11, m07 = $12, m08 = $13, m09 = $14, m10 = $15, m11 = $16, m12 = $17, updated_at = $18, "
        "version = version + 1 WHERE project_id = $2 AND year = $3 AND version = $19 AND region_code = $1",
        params);
    if (changed != 1) return Stale();
    plan.id = current->id;
  }
  plan.version = version + 1;
  tx_.Execute("UPDATE investment_plans SET revision = $1 WHERE id = $2",
              {BumpProgressRevision(tx_, project->region_code), plan.id});
  AuditLog(tx_).Append(caller, current ? "update" : "create", "investment_plan", std::to_string(plan.id),
                       current ? Snapshot(*current) : "", Snapshot(plan));
  return plan;
}

}  // namespace sanpi::storage
