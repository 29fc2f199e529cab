#include "core/monthly_report.hpp"

#include <algorithm>
#include <string>

#include "core/validation.hpp"

namespace sanpi::core {
namespace {

constexpr int kMinReportYear = 2000;
constexpr int kMaxReportYear = 2100;

std::string YuanText(Yuan amount) { return std::to_string(amount); }

Status IllegalMove(ReportStatus from, std::string_view action_zh, std::string_view action_en) {
  Text label = ReportStatusLabel(from);
  return Status::RuleBroken({"月报当前状态为“" + label.zh + "”，不能" + std::string(action_zh),
                             "a report that is " + label.en + " cannot be " + std::string(action_en)});
}

// A running month number: consecutive months differ by one, also from December to January.
int MonthIndex(int year, unsigned month) { return year * 12 + static_cast<int>(month) - 1; }

}  // namespace

std::string_view ReportStatusCode(ReportStatus status) {
  switch (status) {
    case ReportStatus::kDraft:
      return "draft";
    case ReportStatus::kSubmitted:
      return "submitted";
    case ReportStatus::kReturned:
      return "returned";
    case ReportStatus::kResubmitted:
      return "resubmitted";
    case ReportStatus::kAccepted:
      return "accepted";
  }
  return "draft";
}

std::optional<ReportStatus> ParseReportStatus(std::string_view code) {
  for (auto status : {ReportStatus::kDraft, ReportStatus::kSubmitted, ReportStatus::kReturned,
                      ReportStatus::kResubmitted, ReportStatus::kAccepted}) {
    if (ReportStatusCode(status) == code) return status;
  }
  return std::nullopt;
}

Text ReportStatusLabel(ReportStatus status) {
  switch (status) {
    case ReportStatus::kDraft:
      return {"草稿", "a draft"};
    case ReportStatus::kSubmitted:
      return {"已报送", "submitted"};
    case ReportStatus::kReturned:
      return {"已退回", "returned"};
    case ReportStatus::kResubmitted:
      return {"已重报", "resubmitted"};
    case ReportStatus::kAccepted:
      return {"已确认", "accepted"};
  }
  return {"草稿", "a draft"};
}

Status ValidateReportFigures(const ReportFigures& figures) {
  FieldErrors errors;
  if (figures.completed_this_month < 0) {
    errors.Add("completed_this_month", {"本月完成投资不能为负数", "this month's investment must not be negative"});
  }
  if (figures.cumulative < 0) {
    errors.Add("cumulative", {"累计完成投资不能为负数", "the cumulative investment must not be negative"});
  } else if (figures.cumulative < figures.completed_this_month) {
    errors.Add("cumulative",
               {"累计完成投资不能小于本月完成投资", "the cumulative investment cannot be less than this month's"});
  }
  if (figures.progress_percent < 0 || figures.progress_percent > 100) {
    errors.Add("progress_percent",
               {"形象进度百分比应在0至100之间", "the physical progress must be between 0 and 100 percent"});
  }
  CheckOptionalText(errors, "progress_text", figures.progress_text, kMaxProgressTextChars);
  CheckOptionalText(errors, "problems", figures.problems, kMaxProblemsChars);
  return errors.ToStatus();
}

Status ValidateMonthlyReport(const MonthlyReport& report) {
  FieldErrors errors;
  if (report.project_id <= 0) errors.Add("project_id", {"必须指定项目", "a project is required"});
  if (report.year < kMinReportYear || report.year > kMaxReportYear) {
    errors.Add("year", {"年份应在2000至2100之间", "year must be between 2000 and 2100"});
  }
  if (report.month < 1 || report.month > 12)
    errors.Add("month", {"月份应在1至12之间", "month must be between 1 and 12"});
  Status figures = ValidateReportFigures(report.figures);
  for (const auto& field : figures.fields()) errors.Add(field.field, field.message);
  bool has_versions = !report.versions.empty();
  if ((report.status == ReportStatus::kDraft) == has_versions) {
    errors.Add("status", {"状态与报送记录不一致", "the status does not match the submission history"});
  }
  return errors.ToStatus();
}

Status EditFigures(MonthlyReport& report, ReportFigures figures) {
  if (report.status != ReportStatus::kDraft && report.status != ReportStatus::kReturned) {
    return IllegalMove(report.status, "修改", "edited");
  }
  if (Status valid = ValidateReportFigures(figures); !valid.ok()) return valid;
  report.figures = std::move(figures);
  return Status::Ok();
}

Status Submit(MonthlyReport& report, Date on, std::int64_t by) {
  if (report.status != ReportStatus::kDraft && report.status != ReportStatus::kReturned) {
    return IllegalMove(report.status, "报送", "submitted");
  }
  if (Status valid = ValidateReportFigures(report.figures); !valid.ok()) return valid;
  ReportVersion version;
  version.number = static_cast<int>(report.versions.size()) + 1;
  version.figures = report.figures;
  version.submitted_on = on;
  version.submitted_by = by;
  report.status = report.versions.empty() ? ReportStatus::kSubmitted : ReportStatus::kResubmitted;
  report.versions.push_back(std::move(version));
  return Status::Ok();
}

Status Return(MonthlyReport& report, std::string reason, Date on, std::int64_t by) {
  if (report.status != ReportStatus::kSubmitted && report.status != ReportStatus::kResubmitted) {
    return IllegalMove(report.status, "退回", "returned");
  }
  FieldErrors errors;
  CheckName(errors, "reason", reason, kMaxReturnReasonChars);
  if (!errors.empty()) return errors.ToStatus();
  ReportVersion& judged = report.versions.back();
  judged.returned_on = on;
  judged.returned_by = by;
  judged.return_reason = std::move(reason);
  report.status = ReportStatus::kReturned;
  return Status::Ok();
}

Status Accept(MonthlyReport& report, Date on, std::int64_t by) {
  if (report.status != ReportStatus::kSubmitted && report.status != ReportStatus::kResubmitted) {
    return IllegalMove(report.status, "确认", "accepted");
  }
  ReportVersion& judged = report.versions.back();
  judged.accepted_on = on;
  judged.accepted_by = by;
  report.status = ReportStatus::kAccepted;
  return Status::Ok();
}

Date ReportDueDate(int year, unsigned month, unsigned due_day) {
  using namespace std::chrono;
  const int due_year = month == 12 ? year + 1 : year;
  const unsigned due_month = month == 12 ? 1 : month + 1;
  const unsigned last_day = static_cast<unsigned>(
      year_month_day_last{std::chrono::year{due_year}, month_day_last{std::chrono::month{due_month}}}.day());
  return Date(due_year, due_month, std::clamp(due_day, 1u, last_day));
}

Status ValidateReportingRule(const ReportingRule& rule) {
  FieldErrors errors;
  if (rule.region_code.size() != 6 || !IsDigits(rule.region_code)) {
    errors.Add("region_code", {"区域代码应为6位数字", "the region code must be six digits"});
  }
  if (rule.due_day < 1 || rule.due_day > 31) {
    errors.Add("due_day", {"报送截止日应在1至31之间", "the due day must be between 1 and 31"});
  }
  return errors.ToStatus();
}

Timeliness ReportTimeliness(Date due, std::optional<Date> first_submitted, Date as_of) {
  Timeliness timeliness;
  timeliness.due = due;
  if (first_submitted && *first_submitted > as_of) first_submitted.reset();
  timeliness.first_submitted = first_submitted;
  if (first_submitted) {
    timeliness.counts_as_due = true;
    timeliness.on_time = *first_submitted <= due;
    timeliness.days_late = std::max(0, first_submitted->DaysSinceEpoch() - due.DaysSinceEpoch());
  } else {
    timeliness.counts_as_due = as_of > due;
    timeliness.days_late = std::max(0, as_of.DaysSinceEpoch() - due.DaysSinceEpoch());
  }
  return timeliness;
}

Timeliness ReportTimeliness(const MonthlyReport& report, unsigned due_day, Date as_of) {
  std::optional<Date> first;
  if (!report.versions.empty()) first = report.versions.front().submitted_on;
  return ReportTimeliness(ReportDueDate(report.year, report.month, due_day), first, as_of);
}

Status CheckCumulative(int year, unsigned month, const ReportFigures& figures,
                       const std::optional<PreviousCumulative>& previous) {
  if (!previous) {
    if (figures.cumulative >= figures.completed_this_month) return Status::Ok();
    return Status::InvalidField("cumulative", {"累计完成投资不能小于本月完成投资",
                                               "the cumulative investment cannot be less than this month's"});
  }
  int gap = MonthIndex(year, month) - MonthIndex(previous->year, previous->month);
  if (gap <= 0) {
    return Status::InvalidField(
        "previous", {"用于核对的上期月报不早于本月", "the report used for the check is not from an earlier month"});
  }
  Yuan expected = previous->cumulative + figures.completed_this_month;
  std::string previous_label = std::to_string(previous->year) + "-" + std::to_string(previous->month);
  if (gap == 1 && figures.cumulative != expected) {
    return Status::InvalidField(
        "cumulative",
        {"累计完成投资应为上月累计" + YuanText(previous->cumulative) + "元加本月" +
             YuanText(figures.completed_this_month) + "元，即" + YuanText(expected) + "元",
         "the cumulative investment should be last month's " + YuanText(previous->cumulative) + " plus this month's " +
             YuanText(figures.completed_this_month) + ", i.e. " + YuanText(expected) + " yuan"});
  }
  if (gap > 1 && figures.cumulative < expected) {
    return Status::InvalidField(
        "cumulative", {"累计完成投资不能少于" + previous_label + "的累计" + YuanText(previous->cumulative) +
                           "元加本月" + YuanText(figures.completed_this_month) + "元，即" + YuanText(expected) + "元",
                       "the cumulative investment cannot be less than " + previous_label + "'s " +
                           YuanText(previous->cumulative) + " plus this month's " +
                           YuanText(figures.completed_this_month) + ", i.e. " + YuanText(expected) + " yuan"});
  }
  return Status::Ok();
}

}  // namespace sanpi::core
