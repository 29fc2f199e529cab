#include "core/project.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace sanpi::core {
namespace {

const Date kToday{2023, 1, 31};

std::vector<std::string> Fields(const Status& status) {
  std::vector<std::string> fields;
  for (const auto& error : status.fields()) fields.push_back(error.field);
  return fields;
}

bool HasField(const Status& status, const std::string& field) {
  auto fields = Fields(status);
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

Project GoodProject() {
  Project project;
  project.region_code = "410173";
  project.code = "2022-410173-39-03-012345";
  project.name = "郑州天健湖生命健康科技园（西区）项目";
  project.enterprise_id = 7;
  project.industry = "生物医药";
  project.kind = ProjectKind::kIndustry;
  project.address = "郑州高新区科学大道与长椿路交叉口";
  project.longitude = 113.55;
  project.latitude = 34.81;
  project.total_investment = 25 * kYuanPerYi;
  project.leader_id = 3;
  project.lead_unit_id = 11;
  project.cooperating_unit_ids = {12, 13};
  project.responsible_person = "王伟";
  project.responsible_phone = "13800000000";
  return project;
}

TEST(Project, AGoodProjectPasses) {
  EXPECT_TRUE(ValidateProject(GoodProject(), kToday).ok()) << ValidateProject(GoodProject(), kToday).ToString();
  Project no_code = GoodProject();
  no_code.code.clear();  // optional until issued
  no_code.longitude.reset();
  no_code.latitude.reset();
  EXPECT_TRUE(ValidateProject(no_code, kToday).ok());
}

TEST(Project, CodeFormatIsChecked) {
  EXPECT_FALSE(ProjectCodeProblem("2022-410173-39-03-012345"));
  for (const char* bad : {"2022-410173-39-03-01234", "2022-41017-39-03-012345", "2022_410173_39_03_012345",
                          "2022-410173-39-03-012345-1", "2022-410173-3A-03-012345", "202-410173-39-03-012345",
                          "2022-410173-39-03", "1999-410173-39-03-012345", ""}) {
    EXPECT_TRUE(ProjectCodeProblem(bad)) << bad;
  }
  Project project = GoodProject();
  project.code = "2022-4101-39-03-012345";
  Status status = ValidateProject(project, kToday);
  ASSERT_TRUE(HasField(status, "code"));
  EXPECT_NE(status.fields()[0].message.zh.find("项目代码"), std::string::npos);
  EXPECT_FALSE(status.fields()[0].message.en.empty());
}

TEST(Project, ReportsEveryFieldErrorAtOnce) {
  Project project;
  project.cooperating_unit_ids = {0};
  project.responsible_phone = "12345";
  project.longitude = 113.5;
  project.in_stats_db = true;
  Status status = ValidateProject(project, kToday);
  EXPECT_EQ(status.code(), Code::kInvalid);
  for (const char* field : {"region_code", "name", "industry", "latitude", "total_investment", "leader_id",
                            "lead_unit_id", "cooperating_unit_ids", "responsible_person", "responsible_phone",
                            "in_stats_db_on"}) {
    EXPECT_TRUE(HasField(status, field)) << field << " in " << status.ToString();
  }
  for (const auto& error : status.fields()) {
    EXPECT_FALSE(error.message.zh.empty()) << error.field;
    EXPECT_FALSE(error.message.en.empty()) << error.field;
  }
}

TEST(Project, CoordinatesMustLieInChina) {
  Project swapped = GoodProject();
  swapped.longitude = 34.81;  // latitude and longitude swapped
  swapped.latitude = 113.55;
  Status status = ValidateProject(swapped, kToday);
  EXPECT_TRUE(HasField(status, "longitude"));
  EXPECT_TRUE(HasField(status, "latitude"));
  Project not_a_number = GoodProject();
  not_a_number.latitude = std::nan("");
  EXPECT_TRUE(HasField(ValidateProject(not_a_number, kToday), "latitude"));
  Project edge = GoodProject();
  edge.longitude = 73.0;
  edge.latitude = 54.0;
  EXPECT_TRUE(ValidateProject(edge, kToday).ok());
}

TEST(Project, InvestmentMustBePositiveAndSane) {
  Project project = GoodProject();
  project.total_investment = 0;
  EXPECT_TRUE(HasField(ValidateProject(project, kToday), "total_investment"));
  project.total_investment = -1;
  EXPECT_TRUE(HasField(ValidateProject(project, kToday), "total_investment"));
  project.total_investment = kMaxProjectInvestment + 1;
  EXPECT_TRUE(HasField(ValidateProject(project, kToday), "total_investment"));
  project.total_investment = 1;
  EXPECT_TRUE(ValidateProject(project, kToday).ok());
}

TEST(Project, CooperatingUnitsAreDistinctFromEachOtherAndTheLead) {
  Project project = GoodProject();
  project.cooperating_unit_ids = {12, 12};
  EXPECT_TRUE(HasField(ValidateProject(project, kToday), "cooperating_unit_ids"));
  project.cooperating_unit_ids = {11};
  EXPECT_TRUE(HasField(ValidateProject(project, kToday), "cooperating_unit_ids"));
  project.cooperating_unit_ids.assign(kMaxCooperatingUnits + 1, 0);
  for (size_t i = 0; i < project.cooperating_unit_ids.size(); ++i) project.cooperating_unit_ids[i] = 100 + i;
  EXPECT_TRUE(HasField(ValidateProject(project, kToday), "cooperating_unit_ids"));
}

TEST(Project, StatisticsDatabaseEntryFollowsTheStart) {
  Project project = GoodProject();
  project.in_stats_db = true;
  project.in_stats_db_on = Date(2022, 7, 1);
  EXPECT_TRUE(HasField(ValidateProject(project, kToday), "in_stats_db"));  // not started
  project.progress.stage = Stage::kStarted;
  project.progress.started_on = Date(2022, 7, 2);
  EXPECT_TRUE(HasField(ValidateProject(project, kToday), "in_stats_db_on"));  // before the start
  project.progress.started_on = Date(2022, 7, 1);
  EXPECT_TRUE(ValidateProject(project, kToday).ok());
  project.in_stats_db = false;
  EXPECT_TRUE(HasField(ValidateProject(project, kToday), "in_stats_db_on"));  // a date without the flag
}

TEST(Project, StageErrorsJoinTheOtherFieldErrors) {
  Project project = GoodProject();
  project.name.clear();
  project.progress.stage = Stage::kSigned;  // without its date
  Status status = ValidateProject(project, kToday);
  EXPECT_TRUE(HasField(status, "name"));
  EXPECT_TRUE(HasField(status, "signed_on"));
  project.progress.signed_on = Date(2022, 1, 1);
  project.enterprise_id = 0;
  EXPECT_TRUE(HasField(ValidateProject(project, kToday), "enterprise_id"));  // a contract has a counterparty
}

TEST(Project, KindParsesCodesAndChineseNames) {
  for (ProjectKind kind : {ProjectKind::kIndustry, ProjectKind::kInfrastructure, ProjectKind::kLivelihood}) {
    EXPECT_EQ(ParseProjectKind(ProjectKindCode(kind)), kind);
    EXPECT_EQ(ParseProjectKind(ProjectKindName(kind)), kind);
  }
  EXPECT_EQ(ParseProjectKind("社会民生"), ProjectKind::kLivelihood);
  EXPECT_FALSE(ParseProjectKind("工业"));
}

TEST(Project, FactsCarryWhatStatisticsRead) {
  Project project = GoodProject();
  project.id = 42;
  ProjectFacts facts = FactsOf(project);
  EXPECT_EQ(facts.id, 42);
  EXPECT_EQ(facts.total_investment, project.total_investment);
  EXPECT_EQ(facts.lead_unit_id, 11);
  std::vector<ProjectFacts> all{facts};
  ProjectFactsIndex index(all);
  ASSERT_NE(index.Find(42), nullptr);
  EXPECT_EQ(index.Find(42)->name, project.name);
  EXPECT_EQ(index.Find(43), nullptr);
}

TEST(ChecklistItem, NeedsItemOwnerAndDeadline) {
  ChecklistItem item;
  Status status = ValidateChecklistItem(item, kToday);
  EXPECT_TRUE(HasField(status, "item"));
  EXPECT_TRUE(HasField(status, "owner"));
  EXPECT_TRUE(HasField(status, "deadline"));
  item.item = "完成施工许可办理";
  item.owner_unit_id = 5;  // a unit alone is an owner
  item.deadline = Date(2023, 3, 1);
  EXPECT_TRUE(ValidateChecklistItem(item, kToday).ok());
  item.done_on = kToday.AddDays(1);
  EXPECT_TRUE(HasField(ValidateChecklistItem(item, kToday), "done_on"));
}

TEST(ChecklistItem, OverdueOnlyAfterTheDeadlineAndWhileOpen) {
  ChecklistItem item;
  item.deadline = Date(2023, 3, 1);
  EXPECT_FALSE(IsOverdue(item, Date(2023, 3, 1)));
  EXPECT_TRUE(IsOverdue(item, Date(2023, 3, 2)));
  item.done_on = Date(2023, 3, 5);
  EXPECT_FALSE(IsOverdue(item, Date(2023, 3, 9)));
}

}  // namespace
}  // namespace sanpi::core
