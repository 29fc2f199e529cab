// Ledgers in and out of spreadsheets: POST /api/v1/imports/ledger (the .xlsx as the body; a dry run
// lists every problem and what would change, a commit writes it in one transaction), the import
// template, the filtered ledger and a period's statistics as .xlsx. Importing is the project
// office's (admin, office: Permission::kManageCampaign, over the caller's whole region); exports are
// scoped like the lists they mirror.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/campaign_statistics.hpp"
#include "http/api/ledger_query.hpp"
#include "http/api/routes.hpp"
#include "http/errors.hpp"
#include "storage/campaign_repository.hpp"
#include "transfer/ledger_export.hpp"
#include "transfer/ledger_import.hpp"
#include "transfer/monthly_report_import.hpp"
#include "transfer/statistics_export.hpp"
#include "transfer/xlsx_book.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::size_t kMaxLedgerUploadBytes = 32 * 1024 * 1024;  // a 100,000-row ledger is about 10 MB
// The dry-run answer lists every problem but only the first rows' actions: the counts cover all.
constexpr std::size_t kMaxListedRows = 2000;
constexpr std::size_t kMaxListedProblems = 10000;

json::object ProblemJson(const core::ImportProblem& p, core::Language language) {
  return json::object{{"sheet", p.sheet},   {"row", p.row},
                      {"column", p.column}, {"value", p.value},
                      {"reason", p.reason.In(language)}, {"reason_zh", p.reason.zh}, {"reason_en", p.reason.en}};
}

json::array ProblemsJson(const std::vector<core::ImportProblem>& problems, core::Language language, bool& truncated) {
  json::array out;
  for (const auto& p : problems) {
    if (out.size() >= kMaxListedProblems) {
      truncated = true;
      break;
    }
    out.push_back(ProblemJson(p, language));
  }
  return out;
}

json::object ReportJson(const transfer::LedgerImportReport& report, core::Language language) {
  const auto& plan = report.plan;
  bool problems_truncated = false, warnings_truncated = false;
  json::array rows;
  for (const auto& row : plan.rows) {
    if (rows.size() >= kMaxListedRows) break;
    json::array changes;
    for (const auto& change : row.changes) changes.push_back(json::value(change));
    rows.push_back(json::object{{"row", row.row},
                                {"action", std::string(core::RowActionCode(row.action))},
                                {"project_id", row.project.id},
                                {"code", row.project.code},
                                {"name", row.project.name},
                                {"changes", std::move(changes)},
                                {"roster_entry", row.entry_action == core::EntryAction::kCreate   ? "create"
                                                 : row.entry_action == core::EntryAction::kUpdate ? "update"
                                                                                                  : ""}});
  }
  const char* mode = report.mode == transfer::ImportMode::kDryRun   ? "dry_run"
                     : report.mode == transfer::ImportMode::kCommit ? "commit"
                                                                    : "commit_valid";
  json::object out{
      {"mode", mode},
      {"sheet", report.sheet},
      {"rows", report.rows},
      {"committed", report.committed},
      {"counts", json::object{{"create", plan.creates},
                              {"update", plan.updates},
                              {"unchanged", plan.unchanged},
                              {"invalid", plan.invalid},
                              {"roster_entries_created", plan.entries_created},
                              {"roster_entries_updated", plan.entries_updated},
                              {"enterprises_created", static_cast<std::int64_t>(plan.new_enterprises.size())}}},
      {"written", json::object{{"created", report.written.created},
                               {"updated", report.written.updated},
                               {"roster_entries_created", report.written.entries_created},
                               {"roster_entries_updated", report.written.entries_updated},
                               {"enterprises_created", report.written.enterprises_created}}},
      {"problems", ProblemsJson(plan.Problems(), language, problems_truncated)},
      {"warnings", ProblemsJson(plan.warnings, language, warnings_truncated)},
      {"row_actions", std::move(rows)},
      {"row_actions_truncated", plan.rows.size() > kMaxListedRows},
      {"problems_truncated", problems_truncated},
  };
  return out;
}

Response XlsxResponse(std::string body, const std::string& ascii_name, const std::string& utf8_percent_name) {
  Response response;
  response.content_type = kXlsx;
  response.body = std::move(body);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + ascii_name +
                                                           "\"; filename*=UTF-8''" + utf8_percent_name);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

std::string PercentEncode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Response ImportLedger(Context& ctx) {
  auto mode = transfer::ParseImportMode(ctx.QueryText("mode"));
  if (!mode) {
    return ErrorResponse(core::Status::InvalidField("mode", {"mode 应为 dry_run、commit 或 commit_valid",
                                                             "mode must be dry_run, commit or commit_valid"}),
                         ctx.language());
  }
  core::LedgerImportOptions options;
  options.today = core::Date::Today();
  auto year = ctx.QueryInt("year", options.today.year());
  if (!year.ok() || *year < 2000 || *year > 2099) {
    return ErrorResponse(core::Status::InvalidField("year", {"年度应为2000至2099", "the year must be 2000 to 2099"}),
                         ctx.language());
  }
  options.year = static_cast<int>(*year);
  if (ctx.request.body.empty()) {
    return ErrorResponse(core::Status::Malformed({"请上传 .xlsx 文件", "upload an .xlsx file as the request body"}),
                         ctx.language());
  }
  auto report = transfer::ImportLedger(ctx.db, ctx.principal, ctx.request.body, *mode, options);
  if (!report.ok()) return ErrorResponse(report.status(), ctx.language());
  return JsonResponse(200, ReportJson(*report, ctx.language()));
}

// POST /imports/monthly-reports: the 月报 sheet, each valid row filed (saved and submitted) as its
// project's report of the month; a unit or enterprise contact only for his own projects.
Response ImportMonthlyReports(Context& ctx) {
  const std::string mode = ctx.QueryText("mode").empty() ? "dry_run" : ctx.QueryText("mode");
  if (mode != "dry_run" && mode != "commit") {
    return ErrorResponse(core::Status::InvalidField("mode", {"mode 应为 dry_run 或 commit", "mode must be dry_run or commit"}),
                         ctx.language());
  }
  if (ctx.request.body.empty()) {
    return ErrorResponse(core::Status::Malformed({"请上传 .xlsx 文件", "upload an .xlsx file as the request body"}),
                         ctx.language());
  }
  auto result = transfer::ImportMonthlyReports(ctx.db, ctx.principal, ctx.request.body, mode == "commit");
  if (!result.ok()) return ErrorResponse(result.status(), ctx.language());
  bool truncated = false;
  auto problems = ProblemsJson(result->check.problems, ctx.language(), truncated);
  for (const auto& p : result->store_problems) problems.push_back(ProblemJson(p, ctx.language()));
  return JsonResponse(200, json::object{{"mode", mode},
                                        {"sheet", result->check.sheet},
                                        {"valid_rows", static_cast<std::int64_t>(result->check.lines.size())},
                                        {"committed", result->committed},
                                        {"submitted", result->stored.submitted},
                                        {"unchanged", result->stored.unchanged},
                                        {"problems", std::move(problems)},
                                        {"warnings", ProblemsJson(result->check.warnings, ctx.language(), truncated)},
                                        {"problems_truncated", truncated}});
}

Response Template(Context& ctx) {
  transfer::TempFile file;
  if (auto status = transfer::WriteLedgerTemplate(file.path()); !status.ok()) return ErrorResponse(status, ctx.language());
  return XlsxResponse(file.Read(), "ledger-template.xlsx", PercentEncode("项目台账导入模板.xlsx"));
}

Response ExportLedger(Context& ctx) {
  auto query = LedgerQueryOf(ctx);
  if (!query.ok()) return ErrorResponse(query.status(), ctx.language());
  transfer::TempFile file;
  auto tx = ctx.db.Begin(storage::Access::kRead);
  auto count = transfer::ExportLedger(*tx, ctx.principal, *query, file.path());
  if (!count.ok()) return ErrorResponse(count.status(), ctx.language());
  std::string day = core::Date::Today().ToString();
  return XlsxResponse(file.Read(), "ledger-" + day + ".xlsx", PercentEncode("项目台账-" + day + ".xlsx"));
}

Response ExportStatistics(Context& ctx) {
  auto number = ctx.PathId("n");
  if (!number.ok() || *number > core::kMaxPeriodNumber) {
    return ErrorResponse(core::Status::InvalidField("n", {"期次应为1至999的整数", "the period must be a whole number from 1 to 999"}),
                         ctx.language());
  }
  core::Date as_of = core::Date::Today();
  if (auto text = ctx.QueryText("as_of"); !text.empty()) {
    auto parsed = core::Date::Parse(text);
    if (!parsed) {
      return ErrorResponse(core::Status::InvalidField("as_of", {"日期格式应为YYYY-MM-DD", "a date must read YYYY-MM-DD"}),
                           ctx.language());
    }
    as_of = *parsed;
  }
  auto view = storage::ParseRosterView(ctx.QueryText("view").empty() ? "adjusted" : ctx.QueryText("view"));
  if (!view) {
    return ErrorResponse(core::Status::InvalidField("view", {"视图应为 published、original 或 adjusted",
                                                             "view must be published, original or adjusted"}),
                         ctx.language());
  }
  auto tx = ctx.db.Begin(storage::Access::kRead);
  storage::CampaignRepository repo(*tx);
  auto roster = repo.LoadRoster(ctx.principal.region_code, static_cast<int>(*number), *view);
  if (!roster.ok()) return ErrorResponse(roster.status(), ctx.language());
  core::ProjectFactsIndex index(roster->facts);
  auto statistics = core::ComputeStatistics(roster->lines, index, static_cast<int>(*number), as_of);
  transfer::StatisticsNames names{repo.UnitNames(ctx.principal.region_code), repo.UserNames(ctx.principal.region_code)};
  transfer::TempFile file;
  if (auto status = transfer::WriteStatisticsWorkbook(statistics, names, file.path()); !status.ok()) {
    return ErrorResponse(status, ctx.language());
  }
  std::string name = "period-" + std::to_string(*number) + "-statistics-" + as_of.ToString() + ".xlsx";
  return XlsxResponse(file.Read(), name,
                      PercentEncode("第" + std::to_string(*number) + "期统计-" + as_of.ToString() + ".xlsx"));
}

}  // namespace

void AddTransferRoutes(Router& router) {
  RouteDoc import_doc{"transfer", "导入台账 Import a ledger .xlsx: dry run (problems, creates, updates) or commit",
                      "", "LedgerImportReport", false, 200,
                      {{"mode", "string", "dry_run (default) | commit (nothing while any row is invalid) | commit_valid"},
                       {"year", "integer", "the year of 年度计划投资 for rows without 年度 (default: this year)"}}};
  import_doc.request_media_type = kXlsx;
  import_doc.max_body_bytes = kMaxLedgerUploadBytes;
  router.Add({"POST", "/api/v1/imports/ledger", Permission::kManageCampaign, ImportLedger, import_doc});

  RouteDoc reports_doc{"transfer", "导入月报 Import a monthly report sheet: dry run, or file every row (all or nothing)",
                       "", "MonthlyReportImport", false, 200, {{"mode", "string", "dry_run (default) | commit"}}};
  reports_doc.request_media_type = kXlsx;
  reports_doc.max_body_bytes = kMaxLedgerUploadBytes;
  router.Add({"POST", "/api/v1/imports/monthly-reports", Permission::kFileReports, ImportMonthlyReports, reports_doc});

  RouteDoc template_doc{"transfer", "台账导入模板 The ledger import template (.xlsx)", "", "", false, 200, {}};
  template_doc.response_media_type = kXlsx;
  router.Add({"GET", "/api/v1/imports/ledger/template.xlsx", Permission::kManageCampaign, Template, template_doc});

  RouteDoc export_doc{"transfer", "导出台账 The filtered ledger as .xlsx (the list's filters)", "", "", false, 200,
                      {{"q", "string", "name or 项目代码 contains"},
                       {"stage", "string", "reserve|signed|started|producing|effective|withdrawn"},
                       {"batch", "string", "sign|start|production: the batch it is in now"},
                       {"period", "integer", "published on this period's roster"},
                       {"unit_id", "integer", "lead unit"},
                       {"leader_id", "integer", "包联领导"},
                       {"industry", "string", "产业领域 equals"},
                       {"min_investment", "integer", "total investment ≥ (yuan)"},
                       {"max_investment", "integer", "total investment ≤ (yuan)"}}};
  export_doc.response_media_type = kXlsx;
  router.Add({"GET", "/api/v1/projects/export.xlsx", Permission::kReadProjects, ExportLedger, export_doc});

  RouteDoc statistics_doc{"transfer", "导出期次统计 A period's statistics as .xlsx", "", "", false, 200,
                          {{"as_of", "string", "YYYY-MM-DD, default today"},
                           {"view", "string", "adjusted (default) | original | published"}}};
  statistics_doc.response_media_type = kXlsx;
  router.Add({"GET", "/api/v1/periods/{n}/statistics.xlsx", Permission::kReadCampaign, ExportStatistics, statistics_doc});
}

}  // namespace sanpi::http
