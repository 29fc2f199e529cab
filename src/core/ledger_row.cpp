#include "core/ledger_row.hpp"

namespace sanpi::core {
namespace {

class RowReader {
 public:
  RowReader(const LedgerSheetLayout& layout, const LedgerCells& cells, LedgerRow& row)
      : layout_(layout), cells_(cells), row_(row) {}

  const SheetCell& Cell(LedgerColumn column) const { return cells_[static_cast<size_t>(column)]; }

  void Problem(LedgerColumn column, Text reason) {
    row_.problems.push_back({layout_.sheet, row_.number, layout_.Header(column), Cell(column).text, std::move(reason)});
  }

  std::string TextOf(LedgerColumn column) const { return TrimCellText(Cell(column).text); }

  std::optional<Date> DateOf(LedgerColumn column) {
    const SheetCell& cell = Cell(column);
    if (cell.blank()) return std::nullopt;
    auto date = CellDate(cell);
    if (!date) {
      Problem(column, {"日期无法识别，应为日期或 YYYY-MM-DD、YYYY/M/D、YYYY年M月D日",
                       "not a date: use a date cell or YYYY-MM-DD, YYYY/M/D, YYYY年M月D日"});
    }
    return date;
  }

  std::optional<Yuan> WanOf(LedgerColumn column) {
    const SheetCell& cell = Cell(column);
    if (cell.blank()) return std::nullopt;
    auto yuan = cell.date ? std::nullopt : ParseWanCell(cell.text);
    if (!yuan) {
      Problem(column, {"金额应为以万元计的数字，最多4位小数（精确到元）",
                       "must be an amount in 万元 (10,000 yuan) with at most 4 decimals (whole yuan)"});
    } else if (*yuan < 0) {
      Problem(column, {"金额不能为负", "an amount cannot be negative"});
      return std::nullopt;
    }
    return yuan;
  }

  std::optional<int> WholeOf(LedgerColumn column, int min, int max, Text why) {
    const SheetCell& cell = Cell(column);
    if (cell.blank()) return std::nullopt;
    std::string text = cell.text;
    // 期次 may be written "第7期" or "7期".
    if (column == LedgerColumn::kPeriod) {
      if (text.rfind("第", 0) == 0) text.erase(0, 3);
      if (text.size() >= 3 && text.compare(text.size() - 3, 3, "期") == 0) text.erase(text.size() - 3);
    }
    auto value = ParseWholeNumber(text);
    if (!value || *value < min || *value > max) {
      Problem(column, std::move(why));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

 private:
  const LedgerSheetLayout& layout_;
  const LedgerCells& cells_;
  LedgerRow& row_;
};

}  // namespace

std::vector<ImportProblem> ReadLedgerHeader(LedgerSheetLayout& layout,
                                            const std::vector<std::pair<int, std::string>>& cells) {
  std::vector<ImportProblem> problems;
  for (const auto& [position, raw] : cells) {
    std::string header = TrimCellText(raw);
    if (header.empty()) continue;
    auto column = MatchLedgerHeader(header);
    if (!column) {
      layout.unknown_headers.push_back({layout.sheet, layout.header_row, header, header,
                                        {"无法识别的列标题，该列未导入", "unknown column header; the column is ignored"}});
      continue;
    }
    auto index = static_cast<size_t>(*column);
    if (!layout.headers[index].empty()) {
      problems.push_back({layout.sheet, layout.header_row, header, header,
                          {"与“" + layout.headers[index] + "”是同一列，列标题重复",
                           "names the same column as “" + layout.headers[index] + "”: a duplicate header"}});
      continue;
    }
    layout.headers[index] = header;
    layout.positions[index] = position;
  }
  if (!layout.Has(LedgerColumn::kName)) {
    problems.push_back({layout.sheet, layout.header_row, "", "",
                        {"缺少“项目名称”列", "the sheet has no 项目名称 (project name) column"}});
  }
  return problems;
}

LedgerRow ParseLedgerRow(const LedgerSheetLayout& layout, int number, const LedgerCells& cells) {
  LedgerRow row;
  row.number = number;
  RowReader read(layout, cells, row);
  using C = LedgerColumn;
  row.code = read.TextOf(C::kCode);
  row.name = read.TextOf(C::kName);
  row.enterprise = read.TextOf(C::kEnterprise);
  row.uscc = read.TextOf(C::kUscc);
  row.industry = read.TextOf(C::kIndustry);
  row.address = read.TextOf(C::kAddress);
  row.content = read.TextOf(C::kContent);
  row.withdrawal_reason = read.TextOf(C::kWithdrawalReason);
  row.unit = read.TextOf(C::kUnit);
  row.leader = read.TextOf(C::kLeader);
  row.responsible_person = read.TextOf(C::kResponsiblePerson);
  row.phone = read.TextOf(C::kPhone);
  if (auto kind = read.TextOf(C::kKind); !kind.empty()) {
    row.kind = ParseProjectKind(kind);
    if (!row.kind) read.Problem(C::kKind, {"项目类型应为 产业、基础设施 或 社会民生", "the kind must be 产业, 基础设施 or 社会民生"});
  }
  row.total_investment = read.WanOf(C::kTotalInvestment);
  if (auto stage = read.TextOf(C::kStage); !stage.empty()) {
    row.stage = ParseStage(stage);
    if (!row.stage) {
      read.Problem(C::kStage, {"阶段应为 谋划储备、签约、开工、投产、达效 或 退出",
                               "the stage must be 谋划储备, 签约, 开工, 投产, 达效 or 退出"});
    }
  }
  row.signed_on = read.DateOf(C::kSignedOn);
  row.fulfilled_on = read.DateOf(C::kFulfilledOn);
  row.started_on = read.DateOf(C::kStartedOn);
  row.producing_on = read.DateOf(C::kProducingOn);
  row.effective_on = read.DateOf(C::kEffectiveOn);
  row.withdrawn_on = read.DateOf(C::kWithdrawnOn);
  if (auto yes_no = read.TextOf(C::kInStatsDb); !yes_no.empty()) {
    row.in_stats_db = ParseYesNo(yes_no);
    if (!row.in_stats_db) read.Problem(C::kInStatsDb, {"应填 是 或 否", "must be 是 (yes) or 否 (no)"});
  }
  row.in_stats_db_on = read.DateOf(C::kInStatsDbOn);
  row.period = read.WholeOf(C::kPeriod, 1, kMaxPeriodNumber, {"期次应为1至999的整数", "the period must be a whole number 1 to 999"});
  if (auto batch = read.TextOf(C::kBatch); !batch.empty()) {
    row.batch = ParseBatch(batch);
    if (!row.batch) read.Problem(C::kBatch, {"批次应为 签约一批、开工一批 或 投产一批", "the batch must be 签约一批, 开工一批 or 投产一批"});
  }
  row.year = read.WholeOf(C::kYear, 2000, 2099, {"年度应为2000至2099的整数", "the year must be a whole number 2000 to 2099"});
  row.year_planned_investment = read.WanOf(C::kYearPlannedInvestment);
  row.planned_start_date = read.DateOf(C::kPlannedStartDate);
  row.planned_production_date = read.DateOf(C::kPlannedProductionDate);
  return row;
}

}  // namespace sanpi::core
