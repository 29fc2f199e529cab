#pragma once
// The stage lifecycle of a project (项目阶段): reserve 谋划储备 → signed 签约 → (履约, a dated event
// inside the signed stage) → started 开工 → producing 投产 → effective 达效, or withdrawn 退出.
//
// Rules, as a zone office expects them (domain.md "Entities"):
// - Every stage a project has reached keeps its actual date; no stage without its date.
// - Dates run in order: signed ≤ fulfilled ≤ started ≤ producing ≤ effective ≤ withdrawn, and no
//   actual date lies after today (an actual date records a fact).
// - Normal steps only go forward. A step may jump ahead (e.g. a ledger imported with a project that
//   is already producing) only when the same step supplies the dates of the stages it passes:
//   started is never skipped on the way to producing, producing never on the way to effective.
// - Signing may be absent: government-built infrastructure or an enterprise's own expansion never
//   signs an investment contract. But a project that signed (or that the caller says must have
//   signed, e.g. because it sat on a 签约一批 roster) cannot start without its signing and 履约 dates,
//   because 履约 is what the contract is checked on before construction and the chained rates
//   (履约项目开工率) count started projects among fulfilled ones.
// - Withdrawal needs a reason and is possible from any stage before effective: an effective project
//   has delivered and is no longer in the campaign's pipeline.
// - Anything else — a wrong date, a step back, reinstating a withdrawn project — is an explicit
//   correction with a reason, returned as a before/after pair for the audit log.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/status.hpp"

namespace sanpi::core {

// In lifecycle order; withdrawn is off the line and sorts last.
enum class Stage { kReserve, kSigned, kStarted, kProducing, kEffective, kWithdrawn };

// API code: reserve, signed, started, producing, effective, withdrawn.
std::string_view StageCode(Stage stage);
// Chinese name as ledgers write it: 谋划储备, 签约, 开工, 投产, 达效, 退出.
std::string_view StageName(Stage stage);
std::optional<Stage> ParseStageCode(std::string_view code);
std::optional<Stage> ParseStageName(std::string_view name);
// Either form (what a spreadsheet cell or a query parameter may hold).
std::optional<Stage> ParseStage(std::string_view text);
const std::vector<Stage>& AllStages();

// Where a project stands and the actual date of every stage it reached.
struct StageRecord {
  Stage stage = Stage::kReserve;
  std::optional<Date> signed_on;     // 签约日期
  std::optional<Date> fulfilled_on;  // 履约日期 (event inside the signed stage)
  std::optional<Date> started_on;    // 开工日期
  std::optional<Date> producing_on;  // 投产日期
  std::optional<Date> effective_on;  // 达效日期
  std::optional<Date> withdrawn_on;  // 退出日期
  std::string withdrawal_reason;     // 退出原因

  bool operator==(const StageRecord&) const = default;
};

// Adds an error per inconsistent field ("stage", "signed_on", … "withdrawal_reason").
void CheckStageRecord(FieldErrors& errors, const StageRecord& record, const Date& today);
Status ValidateStageRecord(const StageRecord& record, const Date& today);

// One step forward. `on` is the date of the new stage; the optional dates fill in stages the step
// passes (or the 履约 date a signed project still lacks). Ignored when already recorded.
struct StageChange {
  Stage to = Stage::kSigned;
  Date on;
  std::optional<Date> signed_on;
  std::optional<Date> fulfilled_on;
  std::optional<Date> started_on;
  std::optional<Date> producing_on;
  std::string reason;  // required when `to` is withdrawn
};

// `contract_expected`: the project must have signed before it starts (it was on a sign roster).
// Returns the new record, or RuleBroken (422) naming the problem in both languages.
Result<StageRecord> AdvanceStage(const StageRecord& current, const StageChange& change, bool contract_expected,
                                 const Date& today);
// Records 履约 for a signed project that has not started; RuleBroken otherwise.
Result<StageRecord> RecordFulfilment(const StageRecord& current, const Date& on, const Date& today);

// An audited correction: any consistent record may replace the current one, backwards included.
struct StageCorrection {
  StageRecord before;
  StageRecord after;
  std::string reason;
  std::vector<std::string> changed_fields;  // API names, for the audit log
};
inline constexpr long kMinCorrectionReasonChars = 4;
// Invalid (400) when the reason is missing or the corrected record is inconsistent; RuleBroken when
// nothing changes.
Result<StageCorrection> CorrectStage(const StageRecord& current, const StageRecord& corrected, std::string reason,
                                     const Date& today);

// "As of" helpers: a stage counts when its date is on or before `as_of`.
// Reserve is reached by every project; withdrawn when withdrawn_on ≤ as_of.
bool ReachedBy(const StageRecord& record, Stage stage, const Date& as_of);
bool FulfilledBy(const StageRecord& record, const Date& as_of);
// The furthest stage reached by `as_of` (withdrawn wins once its date has come).
Stage StageAsOf(const StageRecord& record, const Date& as_of);

}  // namespace sanpi::core
