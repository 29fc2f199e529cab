#pragma once
// 月报: what a project did in a month, filed by its unit or enterprise, reviewed by the project office.
//
// Workflow:  draft ──Submit──▶ submitted ──Accept──▶ accepted (final)
//                                 │  ▲
//                            Return  Submit (a resubmission: status kResubmitted)
//                                 ▼  │
//                               returned (with a reason)
// Each Submit freezes the figures as a new ReportVersion (1, 2, …), so a returned report keeps what was
// first sent. An accepted report is final here; a later correction is an audited edit, not a transition.
//
// Timeliness (报表报送效率) is judged on the FIRST submission: a unit that filed by the due date is on
// time even if the office returned the report for correction later — the return is a quality matter
// and the office's review date is outside the unit's control. All dates are Asia/Shanghai dates.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/status.hpp"

namespace sanpi::core {

inline constexpr unsigned kDefaultReportDueDay = 5;  // 次月5日前报送
inline constexpr long kMaxProgressTextChars = 500;
inline constexpr long kMaxProblemsChars = 2000;
inline constexpr long kMaxReturnReasonChars = 500;

enum class ReportStatus { kDraft, kSubmitted, kReturned, kResubmitted, kAccepted };
// "draft", "submitted", "returned", "resubmitted", "accepted".
std::string_view ReportStatusCode(ReportStatus status);
std::optional<ReportStatus> ParseReportStatus(std::string_view code);
Text ReportStatusLabel(ReportStatus status);  // 草稿, 已报送, 已退回, 已重报, 已确认

// The figures a reporter types; `cumulative` is project-to-date (自开工累计完成投资), the AC of earned value.
struct ReportFigures {
  Yuan completed_this_month = 0;  // 本月完成投资
  Yuan cumulative = 0;            // 累计完成投资
  std::string progress_text{};    // 形象进度 (e.g. "主体结构施工至12层")
  int progress_percent = 0;       // 形象进度百分比 0–100
  std::string problems{};         // 存在问题
};

// One submission, frozen. Return and acceptance are recorded on the version they judged.
struct ReportVersion {
  int number = 0;  // 1 for the first submission
  ReportFigures figures{};
  Date submitted_on{};
  std::int64_t submitted_by = 0;
  std::optional<Date> returned_on{};
  std::int64_t returned_by = 0;
  std::string return_reason{};  // 退回原因
  std::optional<Date> accepted_on{};
  std::int64_t accepted_by = 0;
};

struct MonthlyReport {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  int year = 0;
  unsigned month = 0;  // 1–12: the month reported on
  ReportStatus status = ReportStatus::kDraft;
  ReportFigures figures{};                // the working copy, editable in draft and returned
  std::vector<std::int64_t> photo_ids{};  // 形象进度照片 (attachments kept by storage)
  std::vector<ReportVersion> versions{};  // every submission, oldest first
  std::int64_t version = 0;               // optimistic lock for storage
};

// Checks the figures on their own: amounts >= 0, cumulative >= this month, percent 0–100, text lengths.
Status ValidateReportFigures(const ReportFigures& figures);
// Project, year (2000–2100), month, figures; and that versions and status agree.
Status ValidateMonthlyReport(const MonthlyReport& report);

// Transitions. Each returns RuleBroken (422) for a move the current status does not allow and Invalid
// for bad input, and leaves the report untouched on any failure.
// Edits the working figures: only in draft or returned.
Status EditFigures(MonthlyReport& report, ReportFigures figures);
// draft → submitted, returned → resubmitted; validates the figures and appends a version.
Status Submit(MonthlyReport& report, Date on, std::int64_t by);
// submitted | resubmitted → returned; the reason must not be blank.
Status Return(MonthlyReport& report, std::string reason, Date on, std::int64_t by);
// submitted | resubmitted → accepted.
Status Accept(MonthlyReport& report, Date on, std::int64_t by);

// Due date: day `due_day` of the month after (year, month), clamped to that month's last day
// (due day 31 for January → Feb 28/29); December is due in January of the next year.
Date ReportDueDate(int year, unsigned month, unsigned due_day = kDefaultReportDueDay);
// Per-region rule; due_day must be 1–31.
struct ReportingRule {
  std::string region_code{};
  unsigned due_day = kDefaultReportDueDay;
};
Status ValidateReportingRule(const ReportingRule& rule);

struct Timeliness {
  Date due{};
  std::optional<Date> first_submitted{};  // nullopt: not yet submitted
  bool counts_as_due = false;  // in the denominator of 报表报送效率: submitted, or due date passed by as_of
  bool on_time = false;        // first submitted on or before the due date
  int days_late = 0;           // submitted: days after due (0 when on time); not submitted: days overdue as of as_of
};
// Lateness of a report as of `as_of`. A submission dated after `as_of` is ignored (figures "as of").
Timeliness ReportTimeliness(const MonthlyReport& report, unsigned due_day, Date as_of);
// Same, from bare dates, for callers that keep only the first submission date.
Timeliness ReportTimeliness(Date due, std::optional<Date> first_submitted, Date as_of);

// The latest earlier report of the same project that is not a draft, for the cumulative check.
struct PreviousCumulative {
  int year = 0;
  unsigned month = 0;
  Yuan cumulative = 0;
};
// Cumulative consistency 累计数核对 for a report of (year, month):
//  - previous is the month just before (Dec → Jan across years): cumulative must EQUAL previous + this month;
//  - previous is older (months missing in between): the missing months can only add, so cumulative must be
//    AT LEAST previous + this month;
//  - no previous report (first report in the system; the project may have started earlier): cumulative must be
//    at least this month — the opening balance is taken as reported.
// Invalid on field "cumulative" with the expected figure; Invalid on "previous" if it is not earlier.
Status CheckCumulative(int year, unsigned month, const ReportFigures& figures,
                       const std::optional<PreviousCumulative>& previous);

}  // namespace sanpi::core
