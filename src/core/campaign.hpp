#pragma once
// The 三个一批 campaign's records: periods (期次), the three batches, roster entries with the
// commitment made that day, and the recorded adjustments (动态调整及转化) that follow. The rosters
// computed from them are in roster.hpp. domain.md "The campaign rosters and their dynamic adjustment".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/status.hpp"

namespace sanpi::core {

// 期次: one province-wide campaign event (第七期 on 2023-01-28).
struct Period {
  std::int64_t id = 0;
  std::string region_code;
  int number = 0;      // 1, 2, … in the order they were held
  std::string name;    // "第七期“三个一批”项目建设活动"; may be left empty (PeriodOrdinal is used)
  Date held_on;        // the day of the event
  std::int64_t version = 0;
};

inline constexpr int kMaxPeriodNumber = 999;

Status ValidatePeriod(const Period& period);
// A new or edited period among a region's others: number unique, and dates rising with numbers
// (period 7 cannot be held before period 6). Conflict (409) otherwise.
Status CheckPeriodSequence(const std::vector<Period>& existing, const Period& period);
// "第七期": Chinese numerals as the seed writes them (第一期 … 第九十九期; 第100期 beyond).
std::string PeriodOrdinal(int number);

// 批次.
enum class Batch { kSign, kStart, kProduction };

std::string_view BatchCode(Batch batch);   // sign, start, production
std::string_view BatchName(Batch batch);   // 签约一批, 开工一批, 投产一批
std::string_view BatchVerb(Batch batch);   // 签约, 开工, 投产 (as in "第五期签约开工项目")
std::optional<Batch> ParseBatch(std::string_view text);  // code or name
const std::vector<Batch>& AllBatches();

// The commitment made that day. The batch decides which date is required: the sign date (sign
// batch), the planned start date (start batch) or the planned production date (production batch).
struct Commitment {
  std::optional<Date> sign_date;                // 签约日期
  std::optional<Date> planned_start_date;       // 计划开工日期
  std::optional<Date> planned_production_date;  // 计划投产日期
  Yuan year_planned_investment = 0;             // 年度计划投资 of `plan_year`
  int plan_year = 0;                            // required when the amount is set

  bool operator==(const Commitment&) const = default;
};

// Adds errors under `prefix` + field name ("commitment.planned_start_date").
void CheckCommitment(FieldErrors& errors, Batch batch, const Commitment& commitment, std::string_view prefix);

// One project on one batch's roster of one period, as published that day. Never edited afterwards
// except to correct a typing error; changes of substance are RosterAdjustments.
struct RosterEntry {
  std::int64_t id = 0;
  int period = 0;             // period number
  std::int64_t project_id = 0;
  Batch batch = Batch::kSign;
  int sequence = 0;           // order in the published list (序号)
  Commitment commitment;
  std::int64_t created_by = 0;
  std::int64_t version = 0;
};

Status ValidateRosterEntry(const RosterEntry& entry);

enum class AdjustmentKind {
  kMove,              // 转化: to a later batch (signed project started, started project produced)
  kChangeCommitment,  // 调整: a date or amount of the commitment changed
  kWithdraw,          // 退出: leaves the roster
};

std::string_view AdjustmentKindCode(AdjustmentKind kind);  // move, change_commitment, withdraw
std::string_view AdjustmentKindName(AdjustmentKind kind);  // 转化, 调整, 退出
std::optional<AdjustmentKind> ParseAdjustmentKind(std::string_view text);

// A recorded change to an entry, made after period `after_period` and in force from the roster of
// period after_period + 1 on. The entry itself keeps the original commitment.
struct RosterAdjustment {
  std::int64_t id = 0;
  std::int64_t entry_id = 0;
  AdjustmentKind kind = AdjustmentKind::kMove;
  int after_period = 0;
  Date decided_on;
  std::string reason;
  Batch to_batch = Batch::kStart;  // kMove only
  Commitment commitment;           // kMove and kChangeCommitment: the commitment from then on
  std::int64_t created_by = 0;
};

// The record alone (reason, period, commitment shape); CheckAdjustment in roster.hpp checks it
// against the entry's history.
Status ValidateRosterAdjustment(const RosterAdjustment& adjustment);

}  // namespace sanpi::core
