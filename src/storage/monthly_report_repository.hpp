#pragma once
// 月报 records: a project's report per month with every submission kept, as visible and as fileable as the
// project (a unit files for the projects it leads, an enterprise contact for his company's), reviewed by
// the project office. Each submission also updates the project's report_year_totals row, which the
// progress figures read.
#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/monthly_report.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

// A report as the API shows it: the record plus its due date and lateness as of today.
struct ReportView {
  core::MonthlyReport report;
  core::Timeliness timeliness;
};

// One line of the entry screen: a project due to report for the month, with its report if any.
struct ReportEntryLine {
  std::int64_t project_id = 0;
  std::string project_code;
  std::string project_name;
  std::string unit_name;
  core::Yuan planned_month = 0;
  std::optional<core::PreviousCumulative> previous;  // the latest earlier report that is not a draft
  std::optional<ReportView> report;
};

struct ReportEntrySheet {
  int year = 0;
  unsigned month = 0;
  core::Date due_on;
  std::int64_t total = 0;  // lines in the caller's scope (before limit/offset)
  int submitted = 0;       // of all those lines: reports submitted at least once
  int overdue = 0;         // of all those lines: not submitted and past the due date
  std::vector<ReportEntryLine> lines;
};

class MonthlyReportRepository {
 public:
  explicit MonthlyReportRepository(Transaction& tx) : tx_(tx) {}

  // NotFound when the project is absent or outside the caller's scope. Oldest month first.
  core::Result<std::vector<ReportView>> List(const core::Principal& caller, std::int64_t project_id,
                                             std::optional<int> year);
  core::Result<ReportView> Get(const core::Principal& caller, std::int64_t project_id, int year, unsigned month);
  // Creates the report as a draft (version 0) or edits its working figures (draft or returned only).
  // A month that has not begun cannot be reported; photos must be the project's attachments.
  core::Result<ReportView> SaveDraft(const core::Principal& caller, std::int64_t project_id, int year, unsigned month,
                                     core::ReportFigures figures, std::vector<std::int64_t> photo_ids,
                                     std::int64_t version);
  // draft/returned → submitted/resubmitted, after the cumulative check against the previous report.
  core::Result<ReportView> Submit(const core::Principal& caller, std::int64_t project_id, int year, unsigned month,
                                  std::int64_t version);
  core::Result<ReportView> Return(const core::Principal& caller, std::int64_t project_id, int year, unsigned month,
                                  std::int64_t version, std::string reason);
  core::Result<ReportView> Accept(const core::Principal& caller, std::int64_t project_id, int year, unsigned month,
                                  std::int64_t version);

  // Every project in the caller's scope with a plan for the year (optionally of one lead unit), by unit
  // and code, `limit` lines from `offset`.
  core::Result<ReportEntrySheet> Entry(const core::Principal& caller, int year, unsigned month,
                                       std::int64_t unit_id, int limit, int offset);

  // The due date of (year, month) under the region's due day.
  core::Date DueOn(const std::string& region_code, int year, unsigned month);

 private:
  struct Stored {
    core::MonthlyReport report;
    core::Date due_on;
  };
  std::optional<Stored> Load(std::int64_t project_id, int year, unsigned month);
  std::optional<core::PreviousCumulative> Previous(std::int64_t project_id, int year, unsigned month);
  // Loads the report in the caller's scope, checks `version`, applies `move` and stores the result.
  template <class Move>
  core::Result<ReportView> Transition(const core::Principal& caller, std::int64_t project_id, int year,
                                      unsigned month, std::int64_t version, const std::string& action, Move move);
  core::Result<ReportView> Store(const core::Principal& caller, const std::string& region_code, const Stored& before,
                                 core::MonthlyReport after, const std::string& action);
  Transaction& tx_;
};

}  // namespace sanpi::storage
