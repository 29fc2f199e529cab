#include "core/project_stage.hpp"

#include <array>

#include "core/validation.hpp"

namespace sanpi::core {
namespace {

struct StageNames {
  Stage stage;
  std::string_view code;
  std::string_view name;
};
constexpr std::array<StageNames, 6> kStageNames{{
    {Stage::kReserve, "reserve", "谋划储备"},
    {Stage::kSigned, "signed", "签约"},
    {Stage::kStarted, "started", "开工"},
    {Stage::kProducing, "producing", "投产"},
    {Stage::kEffective, "effective", "达效"},
    {Stage::kWithdrawn, "withdrawn", "退出"},
}};

// The dated milestones in the order their dates must run.
enum class Mark { kSigned, kFulfilled, kStarted, kProducing, kEffective, kWithdrawn };
struct MarkInfo {
  Mark mark;
  const char* field;
  const char* zh;
  const char* en;
  std::optional<Date> StageRecord::*date;
};
constexpr std::array<MarkInfo, 6> kMarks{{
    {Mark::kSigned, "signed_on", "签约日期", "signing date", &StageRecord::signed_on},
    {Mark::kFulfilled, "fulfilled_on", "履约日期", "fulfilment date", &StageRecord::fulfilled_on},
    {Mark::kStarted, "started_on", "开工日期", "start date", &StageRecord::started_on},
    {Mark::kProducing, "producing_on", "投产日期", "production date", &StageRecord::producing_on},
    {Mark::kEffective, "effective_on", "达效日期", "effect date", &StageRecord::effective_on},
    {Mark::kWithdrawn, "withdrawn_on", "退出日期", "withdrawal date", &StageRecord::withdrawn_on},
}};

const MarkInfo& Info(Mark mark) { return kMarks[static_cast<size_t>(mark)]; }

// The date that marks reaching `stage` (none for reserve).
std::optional<Mark> MarkOf(Stage stage) {
  switch (stage) {
    case Stage::kReserve: return std::nullopt;
    case Stage::kSigned: return Mark::kSigned;
    case Stage::kStarted: return Mark::kStarted;
    case Stage::kProducing: return Mark::kProducing;
    case Stage::kEffective: return Mark::kEffective;
    case Stage::kWithdrawn: return Mark::kWithdrawn;
  }
  return std::nullopt;
}

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

Text StageText(Stage stage) { return {std::string(StageName(stage)), std::string(StageCode(stage))}; }

// The first field error of a record as one 422 message ("开工日期：不能早于签约日期").
Status FirstErrorAsRule(const Status& status) {
  const FieldError& first = status.fields().front();
  std::string zh = first.field, en = first.field;
  for (const auto& info : kMarks) {
    if (first.field == info.field) zh = info.zh;
  }
  if (first.field == "stage") zh = "阶段";
  if (first.field == "withdrawal_reason") zh = "退出原因";
  return Status::RuleBroken({zh + "：" + first.message.zh, en + ": " + first.message.en});
}

}  // namespace

std::string_view StageCode(Stage stage) { return kStageNames[static_cast<size_t>(stage)].code; }
std::string_view StageName(Stage stage) { return kStageNames[static_cast<size_t>(stage)].name; }

std::optional<Stage> ParseStageCode(std::string_view code) {
  for (const auto& entry : kStageNames)
    if (entry.code == code) return entry.stage;
  return std::nullopt;
}

std::optional<Stage> ParseStageName(std::string_view name) {
  for (const auto& entry : kStageNames)
    if (entry.name == name) return entry.stage;
  return std::nullopt;
}

std::optional<Stage> ParseStage(std::string_view text) {
  if (auto stage = ParseStageCode(text)) return stage;
  return ParseStageName(text);
}

const std::vector<Stage>& AllStages() {
  static const std::vector<Stage> stages{Stage::kReserve,   Stage::kSigned,    Stage::kStarted,
                                         Stage::kProducing, Stage::kEffective, Stage::kWithdrawn};
  return stages;
}

void CheckStageRecord(FieldErrors& errors, const StageRecord& record, const Date& today) {
  const Stage stage = record.stage;
  const bool withdrawn = stage == Stage::kWithdrawn;
  // Which milestone dates this stage must have, and which it must not have yet.
  auto reached = [&](Stage s) { return withdrawn || stage >= s; };
  auto require = [&](Mark mark) {
    const auto& info = Info(mark);
    if (!(record.*info.date)) {
      errors.Add(info.field, {"处于“" + std::string(StageName(stage)) + "”阶段的项目须有" + info.zh,
                              std::string("a project at stage ") + std::string(StageCode(stage)) + " needs its " +
                                  info.en});
    }
  };
  auto forbid = [&](Mark mark) {
    const auto& info = Info(mark);
    if (record.*info.date) {
      errors.Add(info.field, {"处于“" + std::string(StageName(stage)) + "”阶段的项目不应有" + info.zh,
                              std::string("a project at stage ") + std::string(StageCode(stage)) +
                                  " cannot have a " + info.en});
    }
  };
  if (withdrawn) {
    require(Mark::kWithdrawn);
    if (Blank(record.withdrawal_reason))
      errors.Add("withdrawal_reason", {"退出须说明原因", "a withdrawal needs a reason"});
    CheckOptionalText(errors, "withdrawal_reason", record.withdrawal_reason, 500);
    // A withdrawn project keeps whatever it had reached, but the chain must still hold.
    if (record.effective_on) require(Mark::kProducing);
    if (record.producing_on) require(Mark::kStarted);
  } else {
    forbid(Mark::kWithdrawn);
    if (!record.withdrawal_reason.empty())
      errors.Add("withdrawal_reason", {"未退出的项目不应有退出原因", "only a withdrawn project has a withdrawal reason"});
    if (stage == Stage::kSigned) require(Mark::kSigned);
    if (reached(Stage::kStarted)) require(Mark::kStarted);
    if (reached(Stage::kProducing)) require(Mark::kProducing);
    if (reached(Stage::kEffective)) require(Mark::kEffective);
    if (stage == Stage::kReserve) forbid(Mark::kSigned);
    if (!reached(Stage::kStarted)) forbid(Mark::kStarted);
    if (!reached(Stage::kProducing)) forbid(Mark::kProducing);
    if (!reached(Stage::kEffective)) forbid(Mark::kEffective);
  }
  if (record.fulfilled_on && !record.signed_on)
    errors.Add("fulfilled_on", {"未签约的项目不能有履约日期", "a project that never signed cannot be fulfilled"});
  // 履约 comes before construction: a signed project that started must have it.
  if (record.signed_on && record.started_on && !record.fulfilled_on)
    errors.Add("fulfilled_on", {"已签约项目开工前须履约，请录入履约日期",
                                "a signed project must be fulfilled before it starts: give the fulfilment date"});
  // Dates in order, none in the future.
  const MarkInfo* latest = nullptr;
  for (const auto& info : kMarks) {
    const auto& date = record.*info.date;
    if (!date) continue;
    if (*date > today) {
      errors.Add(info.field, {std::string(info.zh) + "不能晚于今天（" + today.ToString() + "）",
                              std::string(info.en) + " cannot be after today (" + today.ToString() + ")"});
    } else if (latest && *date < *(record.*latest->date)) {
      errors.Add(info.field, {std::string(info.zh) + "不能早于" + latest->zh,
                              std::string(info.en) + " cannot be before the " + latest->en});
    }
    if (!latest || *date >= *(record.*latest->date)) latest = &info;
  }
}

Status ValidateStageRecord(const StageRecord& record, const Date& today) {
  FieldErrors errors;
  CheckStageRecord(errors, record, today);
  return errors.ToStatus();
}

Result<StageRecord> AdvanceStage(const StageRecord& current, const StageChange& change, bool contract_expected,
                                 const Date& today) {
  if (current.stage == Stage::kWithdrawn) {
    return Status::RuleBroken({"项目已退出，恢复须通过更正并说明原因",
                               "the project has withdrawn; reinstating it is a correction with a reason"});
  }
  StageRecord next = current;
  if (change.to == Stage::kWithdrawn) {
    if (current.stage == Stage::kEffective) {
      return Status::RuleBroken({"已达效项目不能退出", "an effective project cannot withdraw"});
    }
    if (Blank(change.reason)) return Status::InvalidField("reason", {"退出须说明原因", "a withdrawal needs a reason"});
    next.stage = Stage::kWithdrawn;
    next.withdrawn_on = change.on;
    next.withdrawal_reason = change.reason;
  } else {
    if (change.to <= current.stage) {
      const Text from = StageText(current.stage), to = StageText(change.to);
      return Status::RuleBroken(
          {"阶段不能从“" + from.zh + "”改为“" + to.zh + "”：只能向前推进，退回须通过更正并说明原因",
           "the stage cannot go from " + from.en + " to " + to.en +
               ": steps only go forward; going back is a correction with a reason"});
    }
    next.stage = change.to;
    next.*Info(*MarkOf(change.to)).date = change.on;
    // Stages passed on the way need their dates from the same request.
    if (change.to > Stage::kSigned && !next.signed_on && change.signed_on) next.signed_on = change.signed_on;
    if (change.to > Stage::kStarted && !next.started_on) {
      if (!change.started_on)
        return Status::RuleBroken({"越过“开工”须同时录入开工日期", "skipping past started needs the start date"});
      next.started_on = change.started_on;
    }
    if (change.to > Stage::kProducing && !next.producing_on) {
      if (!change.producing_on)
        return Status::RuleBroken({"越过“投产”须同时录入投产日期", "skipping past producing needs the production date"});
      next.producing_on = change.producing_on;
    }
    if (next.signed_on && !next.fulfilled_on && change.fulfilled_on) next.fulfilled_on = change.fulfilled_on;
    if (change.to >= Stage::kStarted) {
      if (contract_expected && !next.signed_on) {
        return Status::RuleBroken({"该项目须签约：开工前须录入签约日期和履约日期",
                                   "this project signs a contract: record the signing and fulfilment dates before it starts"});
      }
      if (next.signed_on && !next.fulfilled_on) {
        return Status::RuleBroken({"已签约项目开工前须履约，请录入履约日期",
                                   "a signed project must be fulfilled before it starts: give the fulfilment date"});
      }
    }
  }
  if (Status status = ValidateStageRecord(next, today); !status.ok()) return FirstErrorAsRule(status);
  return next;
}

Result<StageRecord> RecordFulfilment(const StageRecord& current, const Date& on, const Date& today) {
  if (current.stage != Stage::kSigned) {
    return Status::RuleBroken({"只有处于“签约”阶段的项目可以录入履约", "only a signed project can record its fulfilment"});
  }
  if (current.fulfilled_on) {
    return Status::RuleBroken({"已录入履约日期，修改须通过更正并说明原因",
                               "the fulfilment is already recorded; changing it is a correction with a reason"});
  }
  StageRecord next = current;
  next.fulfilled_on = on;
  if (Status status = ValidateStageRecord(next, today); !status.ok()) return FirstErrorAsRule(status);
  return next;
}

Result<StageCorrection> CorrectStage(const StageRecord& current, const StageRecord& corrected, std::string reason,
                                     const Date& today) {
  FieldErrors errors;
  long length = Utf8Length(reason);
  if (length < 0 || Blank(reason) || length < kMinCorrectionReasonChars) {
    errors.Add("reason", {"更正须说明原因（至少" + std::to_string(kMinCorrectionReasonChars) + "个字）",
                          "a correction needs a reason of at least " + std::to_string(kMinCorrectionReasonChars) +
                              " characters"});
  }
  CheckOptionalText(errors, "reason", reason, 500);
  CheckStageRecord(errors, corrected, today);
  if (!errors.empty()) return errors.ToStatus();
  StageCorrection correction{current, corrected, std::move(reason), {}};
  if (current.stage != corrected.stage) correction.changed_fields.push_back("stage");
  for (const auto& info : kMarks)
    if (current.*info.date != corrected.*info.date) correction.changed_fields.push_back(info.field);
  if (current.withdrawal_reason != corrected.withdrawal_reason) correction.changed_fields.push_back("withdrawal_reason");
  if (correction.changed_fields.empty())
    return Status::RuleBroken({"更正内容与现状相同", "the correction changes nothing"});
  return correction;
}

bool ReachedBy(const StageRecord& record, Stage stage, const Date& as_of) {
  auto mark = MarkOf(stage);
  if (!mark) return true;
  const auto& date = record.*Info(*mark).date;
  return date && *date <= as_of;
}

bool FulfilledBy(const StageRecord& record, const Date& as_of) {
  return record.fulfilled_on && *record.fulfilled_on <= as_of;
}

Stage StageAsOf(const StageRecord& record, const Date& as_of) {
  if (ReachedBy(record, Stage::kWithdrawn, as_of)) return Stage::kWithdrawn;
  for (Stage stage : {Stage::kEffective, Stage::kProducing, Stage::kStarted, Stage::kSigned})
    if (ReachedBy(record, stage, as_of)) return stage;
  return Stage::kReserve;
}

}  // namespace sanpi::core
