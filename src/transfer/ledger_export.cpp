#include "transfer/ledger_export.hpp"

#include <map>
#include <unordered_map>

#include "core/ledger_columns.hpp"
#include "core/ledger_plan.hpp"
#include "core/sheet_values.hpp"
#include "storage/ledger_import_store.hpp"
#include "transfer/xlsx_book.hpp"

namespace sanpi::transfer {
namespace {

using C = core::LedgerColumn;
constexpr int kTemplateLines = 1000;

double WidthOf(C column) {
  switch (column) {
    case C::kSequence: return 6;
    case C::kName:
    case C::kEnterprise:
    case C::kContent:
    case C::kAddress: return 28;
    case C::kCode:
    case C::kUscc: return 24;
    default: return core::IsDateColumn(column) ? 12 : 14;
  }
}

void WriteHeaders(XlsxBook& book) {
  const auto& columns = core::AllLedgerColumns();
  for (size_t c = 0; c < columns.size(); ++c) {
    book.Header(0, static_cast<int>(c), core::LedgerHeader(columns[c]));
    book.ColumnWidth(static_cast<int>(c), WidthOf(columns[c]));
  }
  book.FreezeHeader(1);
}

// Names as the import will read them back: the name when unique, else the key (code, username).
std::unordered_map<std::int64_t, std::string> Names(const std::vector<core::NamedRecord>& records) {
  std::unordered_map<std::string, int> uses;
  for (const auto& r : records) ++uses[r.name];
  std::unordered_map<std::int64_t, std::string> out;
  for (const auto& r : records) out[r.id] = uses[r.name] > 1 && !r.key.empty() ? r.key : r.name;
  return out;
}

}  // namespace

core::Result<std::int64_t> ExportLedger(storage::Transaction& tx, const core::Principal& caller,
                                        const storage::LedgerQuery& query, const std::string& path) {
  core::LedgerWorld refs;
  storage::LoadLedgerReferences(tx, caller, refs);
  std::unordered_map<std::int64_t, const core::NamedRecord*> enterprises;
  for (const auto& e : refs.enterprises) enterprises[e.id] = &e;
  auto unit_names = Names(refs.units);
  auto leader_names = Names(refs.leaders);
  std::unordered_map<std::int64_t, const core::RosterEntry*> latest_entry;
  for (const auto& e : refs.entries) {
    auto& slot = latest_entry[e.project_id];
    if (!slot || slot->period < e.period) slot = &e;
  }

  XlsxBook book(path);
  book.AddSheet(kLedgerSheetName);
  WriteHeaders(book);
  const auto& columns = core::AllLedgerColumns();
  int row = 0;
  storage::ForEachLedgerProject(tx, caller, query, [&](const core::Project& p) {
    ++row;
    const core::RosterEntry* entry = latest_entry.count(p.id) ? latest_entry[p.id] : nullptr;
    const core::NamedRecord* enterprise = enterprises.count(p.enterprise_id) ? enterprises[p.enterprise_id] : nullptr;
    for (size_t c = 0; c < columns.size(); ++c) {
      const int col = static_cast<int>(c);
      auto day = [&](const std::optional<core::Date>& date) {
        if (date) book.Day(row, col, *date);
      };
      switch (columns[c]) {
        case C::kSequence: book.Whole(row, col, row); break;
        case C::kCode: book.Text(row, col, p.code); break;
        case C::kName: book.Text(row, col, p.name); break;
        case C::kEnterprise: if (enterprise) book.Text(row, col, enterprise->name); break;
        case C::kUscc: if (enterprise) book.Text(row, col, enterprise->key); break;
        case C::kIndustry: book.Text(row, col, p.industry); break;
        case C::kKind: book.Text(row, col, core::ProjectKindName(p.kind)); break;
        case C::kAddress: book.Text(row, col, p.address); break;
        case C::kContent: book.Text(row, col, p.construction_content); break;
        case C::kTotalInvestment: book.Wan(row, col, p.total_investment); break;
        case C::kStage: book.Text(row, col, core::StageName(p.progress.stage)); break;
        case C::kSignedOn: day(p.progress.signed_on); break;
        case C::kFulfilledOn: day(p.progress.fulfilled_on); break;
        case C::kStartedOn: day(p.progress.started_on); break;
        case C::kProducingOn: day(p.progress.producing_on); break;
        case C::kEffectiveOn: day(p.progress.effective_on); break;
        case C::kWithdrawnOn: day(p.progress.withdrawn_on); break;
        case C::kWithdrawalReason: book.Text(row, col, p.progress.withdrawal_reason); break;
        case C::kInStatsDb: book.Text(row, col, core::YesNo(p.in_stats_db)); break;
        case C::kInStatsDbOn: day(p.in_stats_db_on); break;
        case C::kPeriod: if (entry) book.Whole(row, col, entry->period); break;
        case C::kBatch: if (entry) book.Text(row, col, core::BatchName(entry->batch)); break;
        case C::kYear: if (entry && entry->commitment.plan_year) book.Whole(row, col, entry->commitment.plan_year); break;
        case C::kYearPlannedInvestment:
          if (entry && (entry->commitment.plan_year || entry->commitment.year_planned_investment))
            book.Wan(row, col, entry->commitment.year_planned_investment);
          break;
        case C::kPlannedStartDate: if (entry) day(entry->commitment.planned_start_date); break;
        case C::kPlannedProductionDate: if (entry) day(entry->commitment.planned_production_date); break;
        case C::kUnit: book.Text(row, col, unit_names[p.lead_unit_id]); break;
        case C::kLeader: book.Text(row, col, leader_names[p.leader_id]); break;
        case C::kResponsiblePerson: book.Text(row, col, p.responsible_person); break;
        case C::kPhone: book.Text(row, col, p.responsible_phone); break;
        case C::kRemark: break;
      }
    }
  });
  book.AutoFilter(0, row, static_cast<int>(columns.size()) - 1);
  if (auto status = book.Close(); !status.ok()) return status;
  return std::int64_t{row};
}

core::Status WriteLedgerTemplate(const std::string& path) {
  XlsxBook book(path);
  book.AddSheet(kLedgerSheetName);
  WriteHeaders(book);
  const auto& columns = core::AllLedgerColumns();
  auto position = [&](C column) {
    for (size_t c = 0; c < columns.size(); ++c)
      if (columns[c] == column) return static_cast<int>(c);
    return 0;
  };
  std::vector<std::string> stages, batches, kinds;
  for (auto stage : core::AllStages()) stages.emplace_back(core::StageName(stage));
  for (auto batch : core::AllBatches()) batches.emplace_back(core::BatchName(batch));
  for (auto kind : {core::ProjectKind::kIndustry, core::ProjectKind::kInfrastructure, core::ProjectKind::kLivelihood})
    kinds.emplace_back(core::ProjectKindName(kind));
  book.ListValidation(position(C::kStage), 1, kTemplateLines, stages);
  book.ListValidation(position(C::kBatch), 1, kTemplateLines, batches);
  book.ListValidation(position(C::kKind), 1, kTemplateLines, kinds);
  book.ListValidation(position(C::kInStatsDb), 1, kTemplateLines, {"是", "否"});
  book.AutoFilter(0, 0, static_cast<int>(columns.size()) - 1);

  book.AddSheet("填写说明");
  book.Header(0, 0, "列");
  book.Header(0, 1, "填写要求");
  book.ColumnWidth(0, 22);
  book.ColumnWidth(1, 90);
  const std::vector<std::pair<std::string, std::string>> notes = {
      {"项目代码", "全国投资项目代码 YYYY-RRRRRR-II-TT-NNNNNN；未赋码可空。有代码按代码匹配已有项目，否则按项目名称+建设单位匹配"},
      {"项目名称", "必填"},
      {"建设单位 / 统一社会信用代码", "按信用代码查找，其次按名称；信用代码未登记的企业将随导入登记"},
      {"总投资(万元) / 年度计划投资(万元)", "以万元计，最多4位小数（精确到元）"},
      {"当前阶段", "谋划储备、签约、开工、投产、达效、退出；空白时按最晚的阶段日期确定"},
      {"日期各列", "Excel日期，或 2023-01-28、2023/1/28、2023年1月28日"},
      {"是否入库", "是 / 否；入库须有入库日期"},
      {"期次 / 批次", "同时填写则列入该期名单；批次为 签约一批、开工一批、投产一批"},
      {"年度", "年度计划投资所属年度；空白时为导入时选择的年度"},
      {"责任单位 / 包联领导", "单位名称或编码 / 领导姓名或用户名；新项目必填"},
      {"责任人", "必填"},
      {"序号 / 备注", "不导入"},
  };
  for (size_t i = 0; i < notes.size(); ++i) {
    book.Text(static_cast<int>(i) + 1, 0, notes[i].first);
    book.Text(static_cast<int>(i) + 1, 1, notes[i].second);
  }
  return book.Close();
}

}  // namespace sanpi::transfer
