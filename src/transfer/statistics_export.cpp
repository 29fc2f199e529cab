#include "transfer/statistics_export.hpp"

#include <functional>
#include <vector>

#include "core/campaign.hpp"
#include "transfer/xlsx_book.hpp"

namespace sanpi::transfer {
namespace {

struct Column {
  const char* header;
  std::function<void(XlsxBook&, int, int, const core::RosterFigures&)> write;
};

const std::vector<Column>& Columns() {
  using F = core::RosterFigures;
  auto whole = [](std::int64_t F::*field) {
    return [field](XlsxBook& b, int r, int c, const F& f) { b.Whole(r, c, f.*field); };
  };
  auto rate = [](core::Rate core::ChainRates::*field) {
    return [field](XlsxBook& b, int r, int c, const F& f) { b.Text(r, c, core::FormatRate(f.rates.*field)); };
  };
  static const std::vector<Column> columns = {
      {"项目数", whole(&F::count)},
      {"总投资(万元)", [](XlsxBook& b, int r, int c, const F& f) { b.Wan(r, c, f.total_investment); }},
      {"签约一批项目数", [](XlsxBook& b, int r, int c, const F& f) { b.Whole(r, c, f.sign.count); }},
      {"签约一批总投资(万元)", [](XlsxBook& b, int r, int c, const F& f) { b.Wan(r, c, f.sign.total_investment); }},
      {"已履约", [](XlsxBook& b, int r, int c, const F& f) { b.Whole(r, c, f.sign.fulfilled); }},
      {"开工一批项目数", [](XlsxBook& b, int r, int c, const F& f) { b.Whole(r, c, f.start.count); }},
      {"开工一批总投资(万元)", [](XlsxBook& b, int r, int c, const F& f) { b.Wan(r, c, f.start.total_investment); }},
      {"已开工", [](XlsxBook& b, int r, int c, const F& f) { b.Whole(r, c, f.start.started); }},
      {"已投产", [](XlsxBook& b, int r, int c, const F& f) { b.Whole(r, c, f.start.producing); }},
      {"投产一批项目数", [](XlsxBook& b, int r, int c, const F& f) { b.Whole(r, c, f.production.count); }},
      {"投产一批总投资(万元)", [](XlsxBook& b, int r, int c, const F& f) { b.Wan(r, c, f.production.total_investment); }},
      {"年度计划投资(万元)",
       [](XlsxBook& b, int r, int c, const F& f) { b.Wan(r, c, f.production.year_planned_investment); }},
      {"已达效", [](XlsxBook& b, int r, int c, const F& f) { b.Whole(r, c, f.production.effective); }},
      {"达效率", [](XlsxBook& b, int r, int c, const F& f) { b.Text(r, c, core::FormatRate(f.production.effect_rate)); }},
      {"签约项目履约率", rate(&core::ChainRates::fulfilment)},
      {"履约项目开工率", rate(&core::ChainRates::start)},
      {"开工项目投产率", rate(&core::ChainRates::production)},
      {"投产项目达效率", rate(&core::ChainRates::effect)},
  };
  return columns;
}

void WriteSheet(XlsxBook& book, const std::string& name, const char* group_header,
                const std::vector<std::pair<std::string, const core::RosterFigures*>>& groups) {
  book.AddSheet(name);
  const auto& columns = Columns();
  book.Header(0, 0, group_header);
  book.ColumnWidth(0, 24);
  for (size_t c = 0; c < columns.size(); ++c) {
    book.Header(0, static_cast<int>(c) + 1, columns[c].header);
    book.ColumnWidth(static_cast<int>(c) + 1, 14);
  }
  book.FreezeHeader(1);
  int row = 0;
  for (const auto& [label, figures] : groups) {
    ++row;
    book.Text(row, 0, label);
    for (size_t c = 0; c < columns.size(); ++c) columns[c].write(book, row, static_cast<int>(c) + 1, *figures);
  }
  book.AutoFilter(0, row, static_cast<int>(columns.size()));
}

std::string NameOr(const std::map<std::int64_t, std::string>& names, std::int64_t id) {
  auto it = names.find(id);
  return it == names.end() ? "#" + std::to_string(id) : it->second;
}

}  // namespace

core::Status WriteStatisticsWorkbook(const core::CampaignStatistics& statistics, const StatisticsNames& names,
                                     const std::string& path) {
  XlsxBook book(path);
  std::string title = core::PeriodOrdinal(statistics.period) + "（截至" + statistics.as_of.ToString() + "）";
  WriteSheet(book, "总体", "范围", {{title, &statistics.overall}});
  std::vector<std::pair<std::string, const core::RosterFigures*>> groups;
  for (const auto& g : statistics.by_unit) groups.emplace_back(NameOr(names.units, g.id), &g.figures);
  WriteSheet(book, "按责任单位", "责任单位", groups);
  groups.clear();
  for (const auto& g : statistics.by_leader) groups.emplace_back(NameOr(names.leaders, g.id), &g.figures);
  WriteSheet(book, "按包联领导", "包联领导", groups);
  groups.clear();
  for (const auto& g : statistics.by_industry) groups.emplace_back(g.name.empty() ? "（未填）" : g.name, &g.figures);
  WriteSheet(book, "按产业领域", "产业领域", groups);
  return book.Close();
}

}  // namespace sanpi::transfer
