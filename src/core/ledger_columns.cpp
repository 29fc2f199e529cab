#include "core/ledger_columns.hpp"

#include <array>
#include <utility>

namespace sanpi::core {
namespace {

struct ColumnName {
  LedgerColumn column;
  std::string_view header;  // as the template writes it
  std::string_view bare;    // without the unit
};

constexpr std::array<ColumnName, kLedgerColumnCount> kColumns = {{
    {LedgerColumn::kSequence, "序号", "序号"},
    {LedgerColumn::kCode, "项目代码", "项目代码"},
    {LedgerColumn::kName, "项目名称", "项目名称"},
    {LedgerColumn::kEnterprise, "建设单位", "建设单位"},
    {LedgerColumn::kUscc, "统一社会信用代码", "统一社会信用代码"},
    {LedgerColumn::kIndustry, "产业领域", "产业领域"},
    {LedgerColumn::kKind, "项目类型", "项目类型"},
    {LedgerColumn::kAddress, "建设地点", "建设地点"},
    {LedgerColumn::kContent, "建设内容及规模", "建设内容及规模"},
    {LedgerColumn::kTotalInvestment, "总投资(万元)", "总投资"},
    {LedgerColumn::kStage, "当前阶段", "当前阶段"},
    {LedgerColumn::kSignedOn, "签约日期", "签约日期"},
    {LedgerColumn::kFulfilledOn, "履约日期", "履约日期"},
    {LedgerColumn::kStartedOn, "开工日期", "开工日期"},
    {LedgerColumn::kProducingOn, "投产日期", "投产日期"},
    {LedgerColumn::kEffectiveOn, "达效日期", "达效日期"},
    {LedgerColumn::kWithdrawnOn, "退出日期", "退出日期"},
    {LedgerColumn::kWithdrawalReason, "退出原因", "退出原因"},
    {LedgerColumn::kInStatsDb, "是否入库", "是否入库"},
    {LedgerColumn::kInStatsDbOn, "入库日期", "入库日期"},
    {LedgerColumn::kPeriod, "期次", "期次"},
    {LedgerColumn::kBatch, "批次", "批次"},
    {LedgerColumn::kYear, "年度", "年度"},
    {LedgerColumn::kYearPlannedInvestment, "年度计划投资(万元)", "年度计划投资"},
    {LedgerColumn::kPlannedStartDate, "计划开工日期", "计划开工日期"},
    {LedgerColumn::kPlannedProductionDate, "计划投产日期", "计划投产日期"},
    {LedgerColumn::kUnit, "责任单位", "责任单位"},
    {LedgerColumn::kLeader, "包联领导", "包联领导"},
    {LedgerColumn::kResponsiblePerson, "责任人", "责任人"},
    {LedgerColumn::kPhone, "联系电话", "联系电话"},
    {LedgerColumn::kRemark, "备注", "备注"},
}};

// Other spellings seen in zone ledgers.
constexpr std::array<std::pair<std::string_view, LedgerColumn>, 9> kSynonyms = {{
    {"项目编码", LedgerColumn::kCode},
    {"项目编号", LedgerColumn::kCode},
    {"投资主体", LedgerColumn::kEnterprise},
    {"牵头单位", LedgerColumn::kUnit},
    {"项目阶段", LedgerColumn::kStage},
    {"所属期次", LedgerColumn::kPeriod},
    {"计划年度", LedgerColumn::kYear},
    {"总投资额", LedgerColumn::kTotalInvestment},
    {"是否纳统", LedgerColumn::kInStatsDb},
}};

bool EndsWith(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

void TrimTrailing(std::string& text, std::string_view tail) {
  while (EndsWith(text, tail)) text.erase(text.size() - tail.size());
}

}  // namespace

const std::vector<LedgerColumn>& AllLedgerColumns() {
  static const std::vector<LedgerColumn> all = [] {
    std::vector<LedgerColumn> out;
    for (const auto& entry : kColumns) out.push_back(entry.column);
    return out;
  }();
  return all;
}

std::string_view LedgerHeader(LedgerColumn column) { return kColumns[static_cast<std::size_t>(column)].header; }

bool IsWanColumn(LedgerColumn column) {
  return column == LedgerColumn::kTotalInvestment || column == LedgerColumn::kYearPlannedInvestment;
}

bool IsDateColumn(LedgerColumn column) {
  switch (column) {
    case LedgerColumn::kSignedOn:
    case LedgerColumn::kFulfilledOn:
    case LedgerColumn::kStartedOn:
    case LedgerColumn::kProducingOn:
    case LedgerColumn::kEffectiveOn:
    case LedgerColumn::kWithdrawnOn:
    case LedgerColumn::kInStatsDbOn:
    case LedgerColumn::kPlannedStartDate:
    case LedgerColumn::kPlannedProductionDate:
      return true;
    default:
      return false;
  }
}

std::string NormaliseHeader(std::string_view header) {
  std::string out;
  out.reserve(header.size());
  for (size_t i = 0; i < header.size();) {
    if (header[i] == ' ' || header[i] == '\t' || header[i] == '\n' || header[i] == '\r') {
      ++i;
    } else if (header.substr(i, 3) == "\u3000") {  // full-width space
      i += 3;
    } else {
      out += header[i++];
    }
  }
  TrimTrailing(out, "*");
  TrimTrailing(out, "＊");
  // A bracketed tail is the unit: (万元) （万元） [万元] 【万元】.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kBrackets = {
      {{"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}}};
  for (const auto& [open, close] : kBrackets) {
    if (!EndsWith(out, close)) continue;
    auto at = out.rfind(open);
    if (at != std::string::npos && at > 0) {
      out.erase(at);
      break;
    }
  }
  TrimTrailing(out, "*");
  return out;
}

std::optional<LedgerColumn> MatchLedgerHeader(std::string_view header) {
  std::string bare = NormaliseHeader(header);
  if (bare.empty()) return std::nullopt;
  for (const auto& entry : kColumns)
    if (entry.bare == bare) return entry.column;
  for (const auto& [synonym, column] : kSynonyms)
    if (synonym == bare) return column;
  return std::nullopt;
}

}  // namespace sanpi::core
