#pragma once
// The columns of the ledger spreadsheet (台账, domain.md "Ledger spreadsheet"): what each header
// means, how the template spells it, and how a header typed by a person — in any order, with or
// without its unit in brackets, half- or full-width — is recognised.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sanpi::core {

// In template order. kSequence (序号) and kRemark (备注) are recognised and not stored.
enum class LedgerColumn {
  kSequence,               // 序号
  kCode,                   // 项目代码
  kName,                   // 项目名称
  kEnterprise,             // 建设单位
  kUscc,                   // 统一社会信用代码
  kIndustry,               // 产业领域
  kKind,                   // 项目类型
  kAddress,                // 建设地点
  kContent,                // 建设内容及规模
  kTotalInvestment,        // 总投资(万元)
  kStage,                  // 当前阶段
  kSignedOn,               // 签约日期
  kFulfilledOn,            // 履约日期
  kStartedOn,              // 开工日期
  kProducingOn,            // 投产日期
  kEffectiveOn,            // 达效日期
  kWithdrawnOn,            // 退出日期
  kWithdrawalReason,       // 退出原因
  kInStatsDb,              // 是否入库
  kInStatsDbOn,            // 入库日期
  kPeriod,                 // 期次
  kBatch,                  // 批次
  kYear,                   // 年度 (of 年度计划投资)
  kYearPlannedInvestment,  // 年度计划投资(万元)
  kPlannedStartDate,       // 计划开工日期
  kPlannedProductionDate,  // 计划投产日期
  kUnit,                   // 责任单位 (the lead unit 牵头单位)
  kLeader,                 // 包联领导
  kResponsiblePerson,      // 责任人
  kPhone,                  // 联系电话
  kRemark,                 // 备注
};

inline constexpr std::size_t kLedgerColumnCount = static_cast<std::size_t>(LedgerColumn::kRemark) + 1;

// Every column, in template order.
const std::vector<LedgerColumn>& AllLedgerColumns();
// The header as the template and the export write it: "总投资(万元)".
std::string_view LedgerHeader(LedgerColumn column);
// Whether the cell holds 万元 / a date (for the export's formats and the template's hints).
bool IsWanColumn(LedgerColumn column);
bool IsDateColumn(LedgerColumn column);

// A header without spaces (half- or full-width), without a trailing "*" (a required mark) and
// without a trailing bracketed unit — "总投资（万元）", "总投资(万元)", "总投资【万元】" → "总投资".
std::string NormaliseHeader(std::string_view header);
// The column a typed header names (through NormaliseHeader and a few synonyms: 项目编码, 投资主体,
// 牵头单位 …); nullopt when unknown.
std::optional<LedgerColumn> MatchLedgerHeader(std::string_view header);

}  // namespace sanpi::core
