#include "transfer/monthly_report_import.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "storage/monthly_report_repository.hpp"
#include "storage/project_repository.hpp"
#include "transfer/ledger_sheet.hpp"

namespace sanpi::transfer {

core::Result<MonthlyReportCheck> CheckMonthlyReportSheet(storage::Transaction& tx, const core::Principal& caller,
                                                         std::string bytes) {
  auto sheet = ReadReportSheet(std::move(bytes));
  if (!sheet.ok()) return sheet.status();
  MonthlyReportCheck check;
  check.sheet = sheet->layout.sheet;
  check.problems = sheet->problems;
  check.warnings = sheet->layout.unknown_headers;
  if (!check.problems.empty()) return check;

  std::unordered_map<std::string, std::int64_t> by_code;
  std::unordered_map<std::string, std::vector<std::int64_t>> by_name;
  storage::Params params{caller.region_code};
  std::string visible = storage::ProjectRepository::VisibleTo(caller, params);
  for (auto row : tx.Query("SELECT t.id, t.code, t.name FROM projects t WHERE t.region_code = $1 AND " + visible, params)) {
    if (!row.Text(1).empty()) by_code[row.Text(1)] = row.Int(0);
    by_name[row.Text(2)].push_back(row.Int(0));
  }
  std::set<std::tuple<std::int64_t, int, int>> seen;
  for (auto& row : sheet->rows) {
    auto problem = [&](core::ReportColumn column, std::string value, core::Text reason) {
      std::string header = sheet->layout.Has(column) ? sheet->layout.Header(column) : std::string(core::ReportHeader(column));
      row.problems.push_back({check.sheet, row.number, header, std::move(value), std::move(reason)});
    };
    std::int64_t project_id = 0;
    if (!row.code.empty()) {
      if (auto it = by_code.find(row.code); it != by_code.end()) project_id = it->second;
      else problem(core::ReportColumn::kCode, row.code, {"没有这个项目代码（或不在您的管辖范围内）", "no project with this code in your scope"});
    } else if (!row.name.empty()) {
      auto it = by_name.find(row.name);
      if (it == by_name.end()) {
        problem(core::ReportColumn::kName, row.name, {"没有这个项目（或不在您的管辖范围内）", "no such project in your scope"});
      } else if (it->second.size() > 1) {
        problem(core::ReportColumn::kName, row.name, {"同名项目不止一个，请填写项目代码", "several projects have this name; give the code"});
      } else {
        project_id = it->second.front();
      }
    }
    if (project_id != 0 && row.problems.empty() && !seen.emplace(project_id, row.year, row.month).second) {
      problem(core::ReportColumn::kMonth, std::to_string(row.month),
              {"同一项目同一月份出现多次", "the same project and month appear more than once"});
    }
    if (!row.problems.empty()) {
      check.problems.insert(check.problems.end(), row.problems.begin(), row.problems.end());
      continue;
    }
    check.lines.push_back({project_id, std::move(row)});
  }
  return check;
}

core::Result<StoredReports> StoreMonthlyReports(storage::Transaction& tx, const core::Principal& caller,
                                                const std::vector<MonthlyReportLine>& lines) {
  std::vector<const MonthlyReportLine*> order;
  for (const auto& line : lines) order.push_back(&line);
  std::sort(order.begin(), order.end(), [](const MonthlyReportLine* a, const MonthlyReportLine* b) {
    return std::tie(a->project_id, a->row.year, a->row.month) < std::tie(b->project_id, b->row.year, b->row.month);
  });
  storage::MonthlyReportRepository reports(tx);
  StoredReports stored;
  for (const auto* line : order) {
    const auto& row = line->row;
    const auto month = static_cast<unsigned>(row.month);
    auto at_row = [&](const core::Status& status) {
      const std::string where = "第" + std::to_string(row.number) + "行";
      const std::string where_en = "row " + std::to_string(row.number);
      if (status.fields().empty()) {
        core::Text message{where + "：" + status.message().zh, where_en + ": " + status.message().en};
        return status.code() == core::Code::kRuleBroken ? core::Status::RuleBroken(std::move(message))
                                                        : core::Status::Malformed(std::move(message));
      }
      core::FieldErrors errors;
      for (const auto& field : status.fields()) {
        errors.Add(where_en + "." + field.field, {where + "：" + field.message.zh, where_en + ": " + field.message.en});
      }
      return errors.ToStatus();
    };
    core::ReportFigures figures{row.completed_this_month, row.cumulative, row.progress_text, 0, ""};
    std::vector<std::int64_t> photos;
    std::int64_t version = 0;
    if (auto current = reports.Get(caller, line->project_id, row.year, month); current.ok()) {
      const auto& report = current->report;
      figures.progress_percent = report.figures.progress_percent;
      figures.problems = report.figures.problems;
      photos = report.photo_ids;
      version = report.version;
      const bool editable = report.status == core::ReportStatus::kDraft || report.status == core::ReportStatus::kReturned;
      if (!editable) {
        const auto& was = report.figures;
        if (was.completed_this_month == figures.completed_this_month && was.cumulative == figures.cumulative &&
            was.progress_text == figures.progress_text) {
          ++stored.unchanged;
          continue;
        }
        return at_row(core::Status::RuleBroken({"该月报已报送，不能通过导入修改（请项目办退回后再导入）",
                                                "this report is already submitted; the office must return it first"}));
      }
    }
    auto saved = reports.SaveDraft(caller, line->project_id, row.year, month, figures, photos, version);
    if (!saved.ok()) return at_row(saved.status());
    auto submitted = reports.Submit(caller, line->project_id, row.year, month, saved->report.version);
    if (!submitted.ok()) return at_row(submitted.status());
    ++stored.submitted;
  }
  return stored;
}

core::Result<MonthlyReportImport> ImportMonthlyReports(storage::Database& db, const core::Principal& caller,
                                                       std::string bytes, bool commit) {
  auto tx = db.Begin(commit ? storage::Access::kWrite : storage::Access::kRead);
  auto check = CheckMonthlyReportSheet(*tx, caller, std::move(bytes));
  if (!check.ok()) return check.status();
  MonthlyReportImport result;
  result.check = std::move(*check);
  if (!commit || !result.check.problems.empty()) return result;
  auto stored = StoreMonthlyReports(*tx, caller, result.check.lines);
  if (!stored.ok()) {
    const auto& status = stored.status();
    if (status.fields().empty()) {
      result.store_problems.push_back({result.check.sheet, 0, "", "", status.message()});
    } else {
      for (const auto& field : status.fields()) result.store_problems.push_back({result.check.sheet, 0, field.field, "", field.message});
    }
    return result;  // the transaction is dropped: nothing written
  }
  tx->Commit();
  result.committed = true;
  result.stored = *stored;
  return result;
}

}  // namespace sanpi::transfer
