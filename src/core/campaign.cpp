#include "core/campaign.hpp"

#include <array>

#include "core/validation.hpp"

namespace sanpi::core {
namespace {

struct BatchNames {
  Batch batch;
  std::string_view code, name, verb;
};
constexpr std::array<BatchNames, 3> kBatchNames{{
    {Batch::kSign, "sign", "签约一批", "签约"},
    {Batch::kStart, "start", "开工一批", "开工"},
    {Batch::kProduction, "production", "投产一批", "投产"},
}};

struct KindNames {
  AdjustmentKind kind;
  std::string_view code, name;
};
constexpr std::array<KindNames, 3> kKindNames{{
    {AdjustmentKind::kMove, "move", "转化"},
    {AdjustmentKind::kChangeCommitment, "change_commitment", "调整"},
    {AdjustmentKind::kWithdraw, "withdraw", "退出"},
}};

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string ChineseNumber(int n) {  // 1 … 99
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return kDigits[n];
  std::string out = n / 10 == 1 ? "" : kDigits[n / 10];
  out += "十";
  if (n % 10 != 0) out += kDigits[n % 10];
  return out;
}

}  // namespace

Status ValidatePeriod(const Period& period) {
  FieldErrors errors;
  if (period.region_code.size() != 6 || !IsDigits(period.region_code))
    errors.Add("region_code", {"区划代码应为6位数字", "region code must be six digits"});
  if (period.number < 1 || period.number > kMaxPeriodNumber) {
    errors.Add("number", {"期次应为1至" + std::to_string(kMaxPeriodNumber) + "的整数",
                          "the period number must be 1 to " + std::to_string(kMaxPeriodNumber)});
  }
  CheckOptionalText(errors, "name", period.name, 100);
  return errors.ToStatus();
}

Status CheckPeriodSequence(const std::vector<Period>& existing, const Period& period) {
  for (const Period& other : existing) {
    if (other.id == period.id && period.id != 0) continue;
    if (other.number == period.number) {
      return Status::Conflict({PeriodOrdinal(period.number) + "已存在", "period " + std::to_string(period.number) +
                                                                           " already exists"});
    }
    bool out_of_order = (other.number < period.number && other.held_on >= period.held_on) ||
                        (other.number > period.number && other.held_on <= period.held_on);
    if (out_of_order) {
      return Status::Conflict({PeriodOrdinal(period.number) + "的日期须在" + PeriodOrdinal(other.number) +
                                   (other.number < period.number ? "之后" : "之前"),
                               "period " + std::to_string(period.number) + " must be held " +
                                   (other.number < period.number ? "after" : "before") + " period " +
                                   std::to_string(other.number)});
    }
  }
  return Status::Ok();
}

std::string PeriodOrdinal(int number) {
  if (number >= 1 && number <= 99) return "第" + ChineseNumber(number) + "期";
  return "第" + std::to_string(number) + "期";
}

std::string_view BatchCode(Batch batch) { return kBatchNames[static_cast<size_t>(batch)].code; }
std::string_view BatchName(Batch batch) { return kBatchNames[static_cast<size_t>(batch)].name; }
std::string_view BatchVerb(Batch batch) { return kBatchNames[static_cast<size_t>(batch)].verb; }

std::optional<Batch> ParseBatch(std::string_view text) {
  for (const auto& entry : kBatchNames)
    if (entry.code == text || entry.name == text) return entry.batch;
  return std::nullopt;
}

const std::vector<Batch>& AllBatches() {
  static const std::vector<Batch> batches{Batch::kSign, Batch::kStart, Batch::kProduction};
  return batches;
}

void CheckCommitment(FieldErrors& errors, Batch batch, const Commitment& commitment, std::string_view prefix) {
  auto field = [&](const char* name) { return std::string(prefix) + name; };
  if (batch == Batch::kSign && !commitment.sign_date)
    errors.Add(field("sign_date"), {"签约一批须填写签约日期", "the sign batch needs the sign date"});
  if (batch == Batch::kStart && !commitment.planned_start_date)
    errors.Add(field("planned_start_date"), {"开工一批须填写计划开工日期", "the start batch needs the planned start date"});
  if (batch == Batch::kProduction && !commitment.planned_production_date) {
    errors.Add(field("planned_production_date"),
               {"投产一批须填写计划投产日期", "the production batch needs the planned production date"});
  }
  if (commitment.year_planned_investment < 0) {
    errors.Add(field("year_planned_investment"), {"年度计划投资不能为负", "the year's planned investment cannot be negative"});
  }
  if (commitment.plan_year != 0 && (commitment.plan_year < 2000 || commitment.plan_year > 2099)) {
    errors.Add(field("plan_year"), {"计划年度应在2000至2099之间", "the plan year must be 2000 to 2099"});
  } else if (commitment.year_planned_investment > 0 && commitment.plan_year == 0) {
    errors.Add(field("plan_year"), {"填写年度计划投资时须注明年度", "the year's planned investment needs its year"});
  }
}

Status ValidateRosterEntry(const RosterEntry& entry) {
  FieldErrors errors;
  if (entry.period < 1 || entry.period > kMaxPeriodNumber) errors.Add("period", {"期次无效", "invalid period"});
  if (entry.project_id <= 0) errors.Add("project_id", {"须指定项目", "a roster entry needs its project"});
  if (entry.sequence < 0) errors.Add("sequence", {"序号不能为负", "the sequence cannot be negative"});
  CheckCommitment(errors, entry.batch, entry.commitment, "commitment.");
  return errors.ToStatus();
}

std::string_view AdjustmentKindCode(AdjustmentKind kind) { return kKindNames[static_cast<size_t>(kind)].code; }
std::string_view AdjustmentKindName(AdjustmentKind kind) { return kKindNames[static_cast<size_t>(kind)].name; }

std::optional<AdjustmentKind> ParseAdjustmentKind(std::string_view text) {
  for (const auto& entry : kKindNames)
    if (entry.code == text || entry.name == text) return entry.kind;
  return std::nullopt;
}

Status ValidateRosterAdjustment(const RosterAdjustment& adjustment) {
  FieldErrors errors;
  if (adjustment.entry_id <= 0) errors.Add("entry_id", {"须指定名单条目", "an adjustment needs its roster entry"});
  if (adjustment.after_period < 1 || adjustment.after_period > kMaxPeriodNumber)
    errors.Add("after_period", {"期次无效", "invalid period"});
  if (Blank(adjustment.reason)) {
    errors.Add("reason", {"调整须说明原因", "an adjustment needs a reason"});
  } else {
    CheckOptionalText(errors, "reason", adjustment.reason, 500);
  }
  if (adjustment.kind == AdjustmentKind::kMove) CheckCommitment(errors, adjustment.to_batch, adjustment.commitment, "commitment.");
  return errors.ToStatus();
}

}  // namespace sanpi::core
