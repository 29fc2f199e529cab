#include "core/monthly_report.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

bool HasField(const Status& status, const std::string& field) {
  for (const auto& error : status.fields())
    if (error.field == field) return !error.message.zh.empty() && !error.message.en.empty();
  return false;
}

MonthlyReport DraftReport() {
  MonthlyReport report{.id = 1, .project_id = 42, .year = 2024, .month = 3};
  report.figures = {.completed_this_month = 5'000'000,
                    .cumulative = 20'000'000,
                    .progress_text = "主体结构施工至12层",
                    .progress_percent = 40,
                    .problems = ""};
  return report;
}

TEST(MonthlyReport, SubmitFreezesAVersion) {
  MonthlyReport report = DraftReport();
  ASSERT_TRUE(ValidateMonthlyReport(report).ok());
  ASSERT_TRUE(Submit(report, Date(2024, 4, 3), 9).ok());
  EXPECT_EQ(report.status, ReportStatus::kSubmitted);
  ASSERT_EQ(report.versions.size(), 1u);
  EXPECT_EQ(report.versions[0].number, 1);
  EXPECT_EQ(report.versions[0].submitted_on, Date(2024, 4, 3));
  EXPECT_EQ(report.versions[0].submitted_by, 9);
  EXPECT_EQ(report.versions[0].figures.cumulative, 20'000'000);
  EXPECT_TRUE(ValidateMonthlyReport(report).ok());
}

TEST(MonthlyReport, ReturnResubmitAcceptKeepsEveryVersion) {
  MonthlyReport report = DraftReport();
  ASSERT_TRUE(Submit(report, Date(2024, 4, 3), 9).ok());
  ASSERT_TRUE(Return(report, "累计数与统计局不一致", Date(2024, 4, 6), 2).ok());
  EXPECT_EQ(report.status, ReportStatus::kReturned);
  EXPECT_EQ(report.versions[0].return_reason, "累计数与统计局不一致");
  EXPECT_EQ(report.versions[0].returned_on, Date(2024, 4, 6));

  ReportFigures corrected = report.figures;
  corrected.cumulative = 21'000'000;
  ASSERT_TRUE(EditFigures(report, corrected).ok());
  ASSERT_TRUE(Submit(report, Date(2024, 4, 8), 9).ok());
  EXPECT_EQ(report.status, ReportStatus::kResubmitted);
  ASSERT_EQ(report.versions.size(), 2u);
  EXPECT_EQ(report.versions[1].number, 2);
  EXPECT_EQ(report.versions[0].figures.cumulative, 20'000'000) << "the first version is frozen";
  EXPECT_EQ(report.versions[1].figures.cumulative, 21'000'000);

  ASSERT_TRUE(Return(report, "形象进度照片缺失", Date(2024, 4, 9), 2).ok());
  ASSERT_TRUE(Submit(report, Date(2024, 4, 10), 9).ok());
  ASSERT_TRUE(Accept(report, Date(2024, 4, 11), 2).ok());
  EXPECT_EQ(report.status, ReportStatus::kAccepted);
  EXPECT_EQ(report.versions.size(), 3u);
  EXPECT_EQ(report.versions[2].accepted_on, Date(2024, 4, 11));
  EXPECT_FALSE(report.versions[1].accepted_on);
}

TEST(MonthlyReport, IllegalMovesAreRuleBrokenAndChangeNothing) {
  MonthlyReport report = DraftReport();
  EXPECT_EQ(Return(report, "x", Date(2024, 4, 6), 2).code(), Code::kRuleBroken);
  EXPECT_EQ(Accept(report, Date(2024, 4, 6), 2).code(), Code::kRuleBroken);
  ASSERT_TRUE(Submit(report, Date(2024, 4, 3), 9).ok());
  Status twice = Submit(report, Date(2024, 4, 4), 9);
  EXPECT_EQ(twice.code(), Code::kRuleBroken);
  EXPECT_NE(twice.message().zh.find("已报送"), std::string::npos);
  EXPECT_EQ(EditFigures(report, report.figures).code(), Code::kRuleBroken);
  EXPECT_EQ(report.versions.size(), 1u);
  ASSERT_TRUE(Accept(report, Date(2024, 4, 6), 2).ok());
  EXPECT_EQ(Return(report, "too late", Date(2024, 4, 7), 2).code(), Code::kRuleBroken);
  EXPECT_EQ(Submit(report, Date(2024, 4, 7), 9).code(), Code::kRuleBroken);
  EXPECT_EQ(report.status, ReportStatus::kAccepted);
}

TEST(MonthlyReport, ReturnNeedsAReason) {
  MonthlyReport report = DraftReport();
  ASSERT_TRUE(Submit(report, Date(2024, 4, 3), 9).ok());
  Status blank = Return(report, "   ", Date(2024, 4, 6), 2);
  EXPECT_TRUE(HasField(blank, "reason"));
  EXPECT_EQ(report.status, ReportStatus::kSubmitted);
}

TEST(MonthlyReport, InvalidFiguresCannotBeSubmitted) {
  MonthlyReport report = DraftReport();
  report.figures.progress_percent = 101;
  report.figures.cumulative = 1;
  Status bad = Submit(report, Date(2024, 4, 3), 9);
  EXPECT_EQ(bad.code(), Code::kInvalid);
  EXPECT_TRUE(HasField(bad, "progress_percent"));
  EXPECT_TRUE(HasField(bad, "cumulative"));
  EXPECT_EQ(report.status, ReportStatus::kDraft);
  EXPECT_TRUE(report.versions.empty());
  EXPECT_TRUE(HasField(ValidateReportFigures({.completed_this_month = -1}), "completed_this_month"));
  EXPECT_TRUE(HasField(ValidateReportFigures({.progress_text = std::string(501, 'x')}), "progress_text"));
}

TEST(MonthlyReport, ValidatesMonthAndStatusHistory) {
  MonthlyReport report = DraftReport();
  report.month = 13;
  EXPECT_TRUE(HasField(ValidateMonthlyReport(report), "month"));
  report = DraftReport();
  report.status = ReportStatus::kAccepted;  // accepted without any submission
  EXPECT_TRUE(HasField(ValidateMonthlyReport(report), "status"));
}

TEST(MonthlyReport, StatusCodesRoundTrip) {
  for (auto status : {ReportStatus::kDraft, ReportStatus::kSubmitted, ReportStatus::kReturned,
                      ReportStatus::kResubmitted, ReportStatus::kAccepted}) {
    EXPECT_EQ(ParseReportStatus(ReportStatusCode(status)), status);
  }
  EXPECT_FALSE(ParseReportStatus("deleted"));
}

TEST(ReportDueDate, DefaultsToTheFifthOfTheNextMonth) {
  EXPECT_EQ(ReportDueDate(2024, 3), Date(2024, 4, 5));
  EXPECT_EQ(ReportDueDate(2023, 12), Date(2024, 1, 5)) << "December rolls into January of the next year";
}

TEST(ReportDueDate, ClampsToTheEndOfShortMonths) {
  EXPECT_EQ(ReportDueDate(2024, 1, 31), Date(2024, 2, 29)) << "leap year";
  EXPECT_EQ(ReportDueDate(2023, 1, 31), Date(2023, 2, 28));
  EXPECT_EQ(ReportDueDate(2024, 3, 31), Date(2024, 4, 30));
  EXPECT_EQ(ReportDueDate(2024, 11, 10), Date(2024, 12, 10));
}

TEST(ReportDueDate, RuleValidation) {
  EXPECT_TRUE(ValidateReportingRule({"410171", 10}).ok());
  EXPECT_TRUE(HasField(ValidateReportingRule({"410171", 0}), "due_day"));
  EXPECT_TRUE(HasField(ValidateReportingRule({"410171", 32}), "due_day"));
  EXPECT_TRUE(HasField(ValidateReportingRule({"4101", 5}), "region_code"));
}

TEST(ReportTimeliness, OnTimeOnOrBeforeTheDueDate) {
  Date due = ReportDueDate(2024, 3);
  Timeliness on_day = ReportTimeliness(due, Date(2024, 4, 5), Date(2024, 5, 1));
  EXPECT_TRUE(on_day.on_time);
  EXPECT_TRUE(on_day.counts_as_due);
  EXPECT_EQ(on_day.days_late, 0);
  Timeliness a_day_late = ReportTimeliness(due, Date(2024, 4, 6), Date(2024, 5, 1));
  EXPECT_FALSE(a_day_late.on_time);
  EXPECT_EQ(a_day_late.days_late, 1);
}

TEST(ReportTimeliness, UnsubmittedReportsAreOverdueOnlyAfterTheDueDay) {
  Date due = ReportDueDate(2024, 3);
  Timeliness before = ReportTimeliness(due, std::nullopt, Date(2024, 4, 5));
  EXPECT_FALSE(before.counts_as_due);
  EXPECT_EQ(before.days_late, 0);
  Timeliness after = ReportTimeliness(due, std::nullopt, Date(2024, 4, 9));
  EXPECT_TRUE(after.counts_as_due);
  EXPECT_FALSE(after.on_time);
  EXPECT_EQ(after.days_late, 4);
  // A submission dated after the as-of date has not happened yet.
  Timeliness future = ReportTimeliness(due, Date(2024, 4, 20), Date(2024, 4, 9));
  EXPECT_FALSE(future.first_submitted);
  EXPECT_EQ(future.days_late, 4);
}

TEST(ReportTimeliness, JudgedOnTheFirstSubmissionEvenAfterAReturn) {
  MonthlyReport report = DraftReport();
  ASSERT_TRUE(Submit(report, Date(2024, 4, 2), 9).ok());
  ASSERT_TRUE(Return(report, "补充照片", Date(2024, 4, 4), 2).ok());
  ASSERT_TRUE(Submit(report, Date(2024, 4, 12), 9).ok());
  Timeliness timeliness = ReportTimeliness(report, 5, Date(2024, 4, 30));
  EXPECT_TRUE(timeliness.on_time);
  EXPECT_EQ(timeliness.first_submitted, Date(2024, 4, 2));
  // A region with due day 1 makes the same report late.
  EXPECT_EQ(ReportTimeliness(report, 1, Date(2024, 4, 30)).days_late, 1);
}

TEST(CheckCumulative, ConsecutiveMonthMustMatchExactly) {
  ReportFigures figures{.completed_this_month = 300, .cumulative = 1300};
  EXPECT_TRUE(CheckCumulative(2024, 3, figures, PreviousCumulative{2024, 2, 1000}).ok());
  figures.cumulative = 1301;
  Status wrong = CheckCumulative(2024, 3, figures, PreviousCumulative{2024, 2, 1000});
  ASSERT_TRUE(HasField(wrong, "cumulative"));
  EXPECT_NE(wrong.fields()[0].message.en.find("1300"), std::string::npos) << "names the expected figure";
}

TEST(CheckCumulative, DecemberIsTheMonthBeforeJanuary) {
  ReportFigures figures{.completed_this_month = 50, .cumulative = 1100};
  EXPECT_FALSE(CheckCumulative(2024, 1, figures, PreviousCumulative{2023, 12, 1000}).ok()) << "consecutive: exact";
  figures.cumulative = 1050;
  EXPECT_TRUE(CheckCumulative(2024, 1, figures, PreviousCumulative{2023, 12, 1000}).ok());
}

TEST(CheckCumulative, AGapAllowsMoreButNotLess) {
  ReportFigures figures{.completed_this_month = 100, .cumulative = 1500};
  EXPECT_TRUE(CheckCumulative(2024, 5, figures, PreviousCumulative{2024, 2, 1000}).ok());
  figures.cumulative = 1099;
  EXPECT_TRUE(HasField(CheckCumulative(2024, 5, figures, PreviousCumulative{2024, 2, 1000}), "cumulative"));
}

TEST(CheckCumulative, FirstReportTakesTheOpeningBalance) {
  EXPECT_TRUE(CheckCumulative(2024, 5, {.completed_this_month = 100, .cumulative = 80'000}, std::nullopt).ok());
  EXPECT_FALSE(CheckCumulative(2024, 5, {.completed_this_month = 100, .cumulative = 99}, std::nullopt).ok());
}

TEST(CheckCumulative, PreviousMustBeEarlier) {
  ReportFigures figures{.completed_this_month = 100, .cumulative = 1100};
  EXPECT_TRUE(HasField(CheckCumulative(2024, 5, figures, PreviousCumulative{2024, 5, 1000}), "previous"));
  EXPECT_TRUE(HasField(CheckCumulative(2024, 5, figures, PreviousCumulative{2025, 1, 1000}), "previous"));
}

}  // namespace
}  // namespace sanpi::core
