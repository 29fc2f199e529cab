// Walks every route in the router and proves that a user of unit B can neither read nor change
// unit A's records: a record route answers 404 (existence is not leaked) and changes nothing, a
// list never shows them, a create cannot place anything in unit A. A route missing from the rule
// table below fails the test, so every new route must say how it is scoped.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "demo/demo_zone.hpp"
#include "storage/campaign_repository.hpp"
#include "storage/checklist_repository.hpp"
#include "support/xlsx_sheet.hpp"
#include "storage/investment_plan_repository.hpp"
#include "storage/milestone_repository.hpp"
#include "storage/monthly_report_repository.hpp"
#include "storage/enterprise_repository.hpp"
#include "storage/project_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/api_harness.hpp"
#include "transfer/ledger_sheet.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

enum class Rule {
  kPublic,      // no login: health, openapi, login
  kOwnSession,  // acts only on the caller's own session or account
  kSystem,      // no records at all (metrics)
  kRegionTree,  // regions: not owned by units; scoped by region (tested in RegionsStayInsideTheCallersTree)
  kRecord,      // /…/{id} of a unit-owned record
  kCollection,  // list or create of unit-owned records
  kAuditQuery,  // the history of a record named in the query
  kRegionWide,  // the campaign's published lists (periods, rosters, figures): region-wide by design,
                // tested in tests/http/campaign_api_test.cpp (another zone sees none of them)
  kProjectInBody,  // a write naming unit A's project in its body (a roster entry): refused, nothing written
  kScopedFigures,  // figures over the caller's projects (roll-ups, the report entry sheet): unit A's project and
                   // unit A itself never appear in what unit B reads
  kScopedLedgerFile,  // the ledger as .xlsx: read back, unit A's project is not in what unit B downloads
  kRegionImport,      // the ledger import: the project office's (admin, office) over its whole region; others 403
  kReportImport,      // the monthly report sheet naming unit A's project: refused as not in scope, nothing written
};

struct RouteRule {
  Rule rule;
  std::string entity;  // for kRecord / kCollection
};

const std::map<std::string, RouteRule>& Rules() {
  static const std::map<std::string, RouteRule> rules = {
      {"GET /api/v1/health", {Rule::kPublic, ""}},
      {"GET /api/v1/openapi.json", {Rule::kPublic, ""}},
      {"POST /api/v1/auth/login", {Rule::kPublic, ""}},
      {"POST /api/v1/auth/logout", {Rule::kOwnSession, ""}},
      {"GET /api/v1/auth/me", {Rule::kOwnSession, ""}},
      {"POST /api/v1/auth/password", {Rule::kOwnSession, ""}},
      {"GET /api/v1/metrics", {Rule::kSystem, ""}},
      {"GET /api/v1/regions", {Rule::kRegionTree, ""}},
      {"POST /api/v1/regions", {Rule::kRegionTree, ""}},
      // 区域边界: the outline of a region in the caller's tree (tested in tests/http/dashboard_api_test.cpp).
      {"GET /api/v1/regions/{code}/outline", {Rule::kRegionTree, ""}},
      {"PUT /api/v1/regions/{code}/outline", {Rule::kRegionTree, ""}},
      {"GET /api/v1/org-units", {Rule::kCollection, "org_unit"}},
      {"POST /api/v1/org-units", {Rule::kCollection, "org_unit"}},
      {"GET /api/v1/org-units/{id}", {Rule::kRecord, "org_unit"}},
      {"PUT /api/v1/org-units/{id}", {Rule::kRecord, "org_unit"}},
      {"DELETE /api/v1/org-units/{id}", {Rule::kRecord, "org_unit"}},
      {"GET /api/v1/users", {Rule::kCollection, "user"}},
      {"POST /api/v1/users", {Rule::kCollection, "user"}},
      {"GET /api/v1/users/{id}", {Rule::kRecord, "user"}},
      {"PUT /api/v1/users/{id}", {Rule::kRecord, "user"}},
      {"POST /api/v1/users/{id}/password", {Rule::kRecord, "user"}},
      {"GET /api/v1/enterprises", {Rule::kCollection, "enterprise"}},
      {"POST /api/v1/enterprises", {Rule::kCollection, "enterprise"}},
      {"GET /api/v1/enterprises/{id}", {Rule::kRecord, "enterprise"}},
      {"PUT /api/v1/enterprises/{id}", {Rule::kRecord, "enterprise"}},
      {"DELETE /api/v1/enterprises/{id}", {Rule::kRecord, "enterprise"}},
      {"GET /api/v1/audit", {Rule::kAuditQuery, "enterprise"}},
      {"GET /api/v1/projects", {Rule::kCollection, "project"}},
      {"POST /api/v1/projects", {Rule::kCollection, "project"}},
      {"GET /api/v1/projects/{id}", {Rule::kRecord, "project"}},
      {"PUT /api/v1/projects/{id}", {Rule::kRecord, "project"}},
      {"DELETE /api/v1/projects/{id}", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/stage", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/fulfilment", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/correction", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/stats-db", {Rule::kRecord, "project"}},
      {"GET /api/v1/projects/{id}/checklist", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/checklist", {Rule::kRecord, "project"}},
      {"PUT /api/v1/projects/{id}/checklist/{item_id}", {Rule::kRecord, "project"}},
      {"DELETE /api/v1/projects/{id}/checklist/{item_id}", {Rule::kRecord, "project"}},
      {"GET /api/v1/projects/{id}/attachments", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/attachments", {Rule::kRecord, "project"}},
      {"GET /api/v1/projects/{id}/attachments/{attachment_id}", {Rule::kRecord, "project"}},
      {"DELETE /api/v1/projects/{id}/attachments/{attachment_id}", {Rule::kRecord, "project"}},
      {"GET /api/v1/projects/{id}/roster", {Rule::kRecord, "project"}},
      {"GET /api/v1/projects/{id}/oc4ids", {Rule::kRecord, "project"}},
      {"GET /api/v1/periods", {Rule::kRegionWide, ""}},
      {"POST /api/v1/periods", {Rule::kRegionWide, ""}},
      {"PUT /api/v1/periods/{n}", {Rule::kRegionWide, ""}},
      {"GET /api/v1/periods/{n}/roster", {Rule::kRegionWide, ""}},
      {"POST /api/v1/periods/{n}/roster", {Rule::kProjectInBody, "project"}},
      {"POST /api/v1/roster-entries/{id}/adjustments", {Rule::kRegionWide, ""}},
      {"GET /api/v1/periods/{n}/statistics", {Rule::kRegionWide, ""}},
      {"GET /api/v1/periods/{n}/bulletin", {Rule::kRegionWide, ""}},
      {"GET /api/v1/periods/{n}/statistics.xlsx", {Rule::kRegionWide, ""}},
      {"GET /api/v1/projects/export.xlsx", {Rule::kScopedLedgerFile, ""}},
      {"GET /api/v1/imports/ledger/template.xlsx", {Rule::kSystem, ""}},
      {"POST /api/v1/imports/ledger", {Rule::kRegionImport, ""}},
      {"POST /api/v1/imports/monthly-reports", {Rule::kReportImport, ""}},
      {"GET /api/v1/projects/{id}/plans", {Rule::kRecord, "project"}},
      {"GET /api/v1/projects/{id}/plans/{year}", {Rule::kRecord, "project"}},
      {"PUT /api/v1/projects/{id}/plans/{year}", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/plans/{year}/preview", {Rule::kRecord, "project"}},
      {"GET /api/v1/projects/{id}/progress", {Rule::kRecord, "project"}},
      {"GET /api/v1/projects/{id}/reports", {Rule::kRecord, "project"}},
      {"GET /api/v1/projects/{id}/reports/{year}/{month}", {Rule::kRecord, "project"}},
      {"PUT /api/v1/projects/{id}/reports/{year}/{month}", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/reports/{year}/{month}/submit", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/reports/{year}/{month}/return", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/reports/{year}/{month}/accept", {Rule::kRecord, "project"}},
      {"GET /api/v1/projects/{id}/milestones", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/milestones", {Rule::kRecord, "project"}},
      {"PUT /api/v1/projects/{id}/milestones/{milestone_id}", {Rule::kRecord, "project"}},
      {"DELETE /api/v1/projects/{id}/milestones/{milestone_id}", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/milestones/template", {Rule::kRecord, "project"}},
      {"POST /api/v1/projects/{id}/milestones/schedule", {Rule::kRecord, "project"}},
      {"GET /api/v1/reports/entry", {Rule::kScopedFigures, ""}},
      {"GET /api/v1/progress", {Rule::kScopedFigures, ""}},
      {"GET /api/v1/progress/export.xlsx", {Rule::kScopedFigures, ""}},
      {"GET /api/v1/progress/forecast", {Rule::kScopedFigures, ""}},
      {"GET /api/v1/dashboard", {Rule::kScopedFigures, ""}},
      {"GET /api/v1/progress/settings", {Rule::kRegionWide, ""}},
      {"PUT /api/v1/progress/settings", {Rule::kRegionWide, ""}},
      // 预警督办: rules and the sweep are the region's (tested in tests/http/warning_api_test.cpp); warnings are
      // unit A's through their project.
      {"GET /api/v1/warnings/rules", {Rule::kRegionWide, ""}},
      {"PUT /api/v1/warnings/rules", {Rule::kRegionWide, ""}},
      {"POST /api/v1/warnings/sweep", {Rule::kRegionWide, ""}},
      {"GET /api/v1/warnings", {Rule::kCollection, "warning"}},
      {"GET /api/v1/warnings/{id}", {Rule::kRecord, "warning"}},
      {"POST /api/v1/warnings/{id}/acknowledge", {Rule::kRecord, "warning"}},
      {"POST /api/v1/warnings/{id}/assign", {Rule::kRecord, "warning"}},
      {"POST /api/v1/warnings/{id}/order/reply", {Rule::kRecord, "warning"}},
      {"POST /api/v1/warnings/{id}/order/return", {Rule::kRecord, "warning"}},
      {"POST /api/v1/warnings/{id}/order/sign-off", {Rule::kRecord, "warning"}},
      // 通知: an inbox item is its user's own (unit A's user's item is not found by anyone else; read-all touches only
      // the caller's, tested in tests/http/notification_api_test.cpp); targets and the outbox are the region's.
      {"GET /api/v1/inbox", {Rule::kCollection, "inbox_item"}},
      {"POST /api/v1/inbox/{id}/read", {Rule::kRecord, "inbox_item"}},
      {"POST /api/v1/inbox/read-all", {Rule::kOwnSession, ""}},
      {"GET /api/v1/notification-targets", {Rule::kRegionWide, ""}},
      {"POST /api/v1/notification-targets", {Rule::kRegionWide, ""}},
      {"GET /api/v1/notification-targets/{id}", {Rule::kRegionWide, ""}},
      {"PUT /api/v1/notification-targets/{id}", {Rule::kRegionWide, ""}},
      {"DELETE /api/v1/notification-targets/{id}", {Rule::kRegionWide, ""}},
      {"GET /api/v1/outbox", {Rule::kRegionWide, ""}},
      {"POST /api/v1/outbox/{id}/retry", {Rule::kRegionWide, ""}},
  };
  return rules;
}

class AccessWalkTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    // Unit A's records.
    auto tx = db().Begin(storage::Access::kWrite);
    core::Enterprise enterprise;
    enterprise.name = "单位A的企业";
    enterprise.uscc = demo::DemoUscc(4242);
    ids_["enterprise"] = storage::EnterpriseRepository(*tx).Create(zone_.unit_a_user, enterprise)->id;
    ids_["org_unit"] = zone_.unit_a1;
    ids_["user"] = zone_.unit_a_user.user_id;
    core::Project project;
    project.name = "单位A的项目";
    project.industry = "集成电路";
    project.total_investment = 500'000'000;
    project.leader_id = zone_.unit_a_user.user_id;
    project.responsible_person = "张三";
    auto created_project = storage::ProjectRepository(*tx).Create(zone_.unit_a_user, project);
    ASSERT_TRUE(created_project.ok()) << created_project.status().ToString();
    ids_["project"] = created_project->id;
    core::ChecklistItem item;
    item.item = "办理施工许可";
    item.owner = "张三";
    item.deadline = core::Date(2030, 1, 1);
    ids_["item_id"] = storage::ChecklistRepository(*tx).Create(zone_.unit_a_user, ids_["project"], item)->id;
    ids_["attachment_id"] = tx->Query(
        "INSERT INTO attachments (project_id, category, file_name, content_type, size_bytes, sha256, stored_name, "
        "created_at) VALUES ($1, 'photo', 'a.png', 'image/png', 1, 'x', 'walkfile', '2024-01-01 00:00:00') RETURNING id",
        {ids_["project"]}).front().Int(0);
    // Its plan, a report and a milestone, of a year whose months have all begun.
    ids_["year"] = core::Date::Today().year() - 1;
    ids_["month"] = 3;
    core::DecompositionRequest plan;
    plan.year = static_cast<int>(ids_["year"]);
    plan.annual = 12'000'000;
    ASSERT_TRUE(storage::InvestmentPlanRepository(*tx).Save(zone_.unit_a_user, ids_["project"], plan, 0).ok());
    auto report = storage::MonthlyReportRepository(*tx).SaveDraft(zone_.unit_a_user, ids_["project"], plan.year, 3,
                                                                   {1'000'000, 1'000'000, "基础", 10, ""}, {}, 0);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    ASSERT_TRUE(storage::MonthlyReportRepository(*tx).Submit(zone_.unit_a_user, ids_["project"], plan.year, 3, 1).ok());
    core::Milestone milestone;
    milestone.name = "开工";
    milestone.standard_days = 10;
    ids_["milestone_id"] = storage::MilestoneRepository(*tx).Create(zone_.unit_a_user, ids_["project"], milestone)->id;
    unit_a_name_ = tx->Query("SELECT name FROM org_units WHERE id = $1", {zone_.unit_a}).front().Text(0);
    // A red warning of unit A's project with its 督办单 awaiting a reply.
    ids_["warning"] = tx->Query(
        "INSERT INTO warnings (region_code, condition_key, rule, project_id, subject, subject_id, project_name, level, "
        "peak_level, unit, figure, threshold, since, message_zh, message_en, opened_on, history, responsible_unit_id, "
        "leader_id, order_state, order_json, created_at, updated_at) VALUES ($1, $2, 'milestone_overdue', $3, "
        "'milestone', $4, '单位A的项目', 'red', 'red', 'days', 40, 30, '2024-02-01', '节点逾期', 'late', '2024-02-01', "
        "'[{\"level\":\"red\",\"on\":\"2024-02-01\"}]', $5, $6, 'replied', "
        "'{\"to_unit_id\":1,\"issued_on\":\"2024-02-01\",\"reply_due\":\"2024-02-06\",\"state\":\"replied\"}', "
        "'2024-02-01 00:00:00', '2024-02-01 00:00:00') RETURNING id",
        {zone_.office.region_code, "milestone_overdue/" + std::to_string(ids_["project"]) + "/milestone/" +
                                       std::to_string(ids_["milestone_id"]),
         ids_["project"], ids_["milestone_id"], zone_.unit_a, zone_.unit_a_user.user_id}).front().Int(0);
    // Its event in unit A's user's inbox.
    const std::int64_t event = tx->Query(
        "INSERT INTO warning_events (region_code, warning_id, project_id, kind, level, previous_level, on_date, unit_id, "
        "leader_id, assignee_id, actor_id, message_zh, message_en, created_at) VALUES ($1, $2, $3, 'opened', 'red', "
        "'none', '2024-02-01', $4, $5, 0, 0, '节点逾期', 'late', '2024-02-01 00:00:00') RETURNING id",
        {zone_.office.region_code, ids_["warning"], ids_["project"], zone_.unit_a, zone_.unit_a_user.user_id}).front().Int(0);
    ids_["inbox_item"] = tx->Query(
        "INSERT INTO inbox_items (user_id, event_id, created_at) VALUES ($1, $2, '2024-02-01 00:00:00') RETURNING id",
        {zone_.unit_a_user.user_id, event}).front().Int(0);
    core::Period period;
    period.number = 1;
    period.held_on = core::Date(2024, 1, 28);
    ASSERT_TRUE(storage::CampaignRepository(*tx).CreatePeriod(zone_.office, period).ok());
    // Probes: every role, each confined to unit B by a unit data scope.
    const std::string hash = "$argon2id$v=19$m=65536,t=2,p=1$f7qDAMK9VA4ZoQzmB6m6dQ$BCtjy2FTx8J3JLzIk0EKuqklu1VGqPk5QOVcCkNTABQ";
    for (auto role : core::AllRoles()) {
      if (role == core::Role::kEnterprise) continue;  // contacts see only their own company (tested below)
      core::User probe;
      probe.username = "probe_" + std::string(core::ToString(role));
      probe.display_name = probe.username;
      probe.roles = {role};
      probe.scope = core::DataScope::kUnit;
      probe.unit_id = zone_.unit_b;
      auto created = storage::UserRepository(*tx).Create(zone_.admin, probe, hash);
      ASSERT_TRUE(created.ok()) << created.status().ToString();
      probes_.push_back(probe.username);
    }
    tx->Commit();
  }

  // A body the route would accept, so the scope check — not validation — decides the answer.
  std::string ValidBody(const std::string& method, const std::string& pattern) {
    if (pattern.find("/password") != std::string::npos) return json::serialize(json::object{{"password", "Valid2026x"}});
    if (pattern.find("/warnings/{id}/") != std::string::npos) {
      json::object body{{"version", 1}};
      if (pattern.ends_with("/acknowledge")) body["response"] = "已安排整改";
      if (pattern.ends_with("/assign")) body["assignee_id"] = zone_.unit_b_user.user_id;
      if (pattern.ends_with("/reply")) body["reply"] = "已整改";
      if (pattern.ends_with("/return")) body["reason"] = "不充分";
      if (pattern.ends_with("/sign-off")) body["comment"] = "同意";
      return json::serialize(body);
    }
    if (pattern.find("/projects") != std::string::npos || pattern.find("/roster") != std::string::npos) {
      return ProjectBody(method, pattern);
    }
    if (pattern.find("/enterprises") != std::string::npos) {
      return json::serialize(json::object{{"name", "改名"}, {"uscc", demo::DemoUscc(4243)}, {"version", 1},
                                          {"unit_id", zone_.unit_a}});
    }
    if (pattern.find("/org-units") != std::string::npos) {
      json::object body{{"code", "NEWCODE"}, {"name", "新单位"}, {"parent_id", zone_.unit_a}};
      if (method == "PUT") {
        body["parent_id"] = 0;
        body["version"] = 1;
      }
      return json::serialize(body);
    }
    if (pattern.find("/users") != std::string::npos) {
      json::object body{{"username", method == "PUT" ? "t_unit_a" : "sneaky"}, {"display_name", "改名"},
                        {"roles", json::array{"unit"}}, {"scope", "unit"}, {"unit_id", zone_.unit_a}};
      if (method == "PUT") body["version"] = 1; else body["password"] = "Valid2026x";
      return json::serialize(body);
    }
    return "";
  }

  std::string ProjectBody(const std::string& method, const std::string& pattern) {
    auto ends = [&](const char* tail) { return pattern.size() >= strlen(tail) && pattern.compare(pattern.size() - strlen(tail), std::string::npos, tail) == 0; };
    if (ends("/stage")) return json::serialize(json::object{{"to", "signed"}, {"on", "2024-01-02"}, {"version", 1}});
    if (ends("/fulfilment")) return json::serialize(json::object{{"on", "2024-01-02"}, {"version", 1}});
    if (ends("/correction")) {
      return json::serialize(json::object{{"stage", "signed"}, {"signed_on", "2024-01-02"}, {"reason", "补录签约日期"}, {"version", 1}});
    }
    if (ends("/stats-db")) return json::serialize(json::object{{"in_stats_db", false}, {"version", 1}});
    if (ends("/preview")) return json::serialize(json::object{{"annual", 1'000}, {"strategy", "even"}});
    if (pattern.find("/plans/") != std::string::npos) {
      return json::serialize(json::object{{"annual", 1'000}, {"strategy", "even"}, {"version", 1}});
    }
    if (ends("/submit") || ends("/accept")) return json::serialize(json::object{{"version", 2}});
    if (ends("/return")) return json::serialize(json::object{{"version", 2}, {"reason", "退回"}});
    if (pattern.find("/reports/") != std::string::npos) {
      return json::serialize(json::object{{"completed_this_month", 1}, {"cumulative", 1}, {"version", 2}});
    }
    if (ends("/template")) return json::serialize(json::object{{"kind", "industrial"}});
    if (ends("/schedule")) return json::serialize(json::object{{"target", "2035-01-01"}, {"apply", true}});
    if (pattern.find("/milestones") != std::string::npos) {
      json::object body{{"name", "新节点"}, {"standard_days", 5}};
      if (method == "PUT") body["version"] = 1;
      return json::serialize(body);
    }
    if (pattern.find("/checklist") != std::string::npos) {
      json::object body{{"item", "改"}, {"owner", "李四"}, {"deadline", "2030-02-01"}};
      if (method == "PUT") body["version"] = 1;
      return json::serialize(body);
    }
    if (pattern.find("/periods/{n}/roster") != std::string::npos) {
      return json::serialize(json::object{{"project_id", ids_.at("project")}, {"batch", "start"},
                                          {"commitment", json::object{{"planned_start_date", "2024-06-30"}}}});
    }
    if (pattern.find("/attachments") != std::string::npos) return "%PDF-1.4 walk";
    json::object body{{"name", "改名"}, {"industry", "集成电路"}, {"total_investment", 100'000'000},
                      {"leader_id", zone_.unit_a_user.user_id}, {"responsible_person", "李四"}, {"lead_unit_id", zone_.unit_a}};
    if (method == "PUT") body["version"] = 1;
    return json::serialize(body);
  }

  std::string Fingerprint() {
    auto tx = db().Begin(storage::Access::kRead);
    std::string out;
    for (const char* sql : {"SELECT COUNT(*) FROM audit_log", "SELECT COALESCE(SUM(version), 0) FROM enterprises",
                            "SELECT COALESCE(SUM(version), 0) FROM org_units", "SELECT COALESCE(SUM(version), 0) FROM users",
                            "SELECT COUNT(*) FROM enterprises", "SELECT COUNT(*) FROM org_units",
                            "SELECT COALESCE(SUM(version), 0) FROM projects", "SELECT COUNT(*) FROM projects",
                            "SELECT COALESCE(SUM(version), 0) FROM checklist_items", "SELECT COUNT(*) FROM checklist_items",
                            "SELECT COUNT(*) FROM attachments", "SELECT COUNT(*) FROM roster_entries",
                            "SELECT COALESCE(SUM(version), 0) FROM investment_plans",
                            "SELECT COALESCE(SUM(version), 0) FROM monthly_reports", "SELECT COUNT(*) FROM monthly_reports",
                            "SELECT COALESCE(SUM(version), 0) FROM milestones", "SELECT COUNT(*) FROM milestones",
                            "SELECT COALESCE(SUM(version), 0) FROM warnings", "SELECT COUNT(*) FROM warning_events",
                            "SELECT COUNT(*) FROM inbox_items WHERE read_at IS NOT NULL"}) {
      out += tx->Query(sql).front().Text(0) + "/";
    }
    return out;
  }

  std::map<std::string, std::int64_t> ids_;
  std::vector<std::string> probes_;
  std::string unit_a_name_;
};

TEST_P(AccessWalkTest, NoRouteLetsUnitBTouchUnitAsRecords) {
  const auto& routes = api_->router().routes();
  ASSERT_GT(routes.size(), 20u);
  for (const auto& route : routes) {
    const std::string key = route.method + " " + route.pattern;
    SCOPED_TRACE(key);
    auto rule = Rules().find(key);
    ASSERT_NE(rule, Rules().end()) << key << " has no access rule in this test: say how it is scoped";
    int exercised = 0;
    for (const auto& username : probes_) {
      core::Principal probe;
      probe.user_id = 1;
      probe.roles = {*core::ParseRole(username.substr(6))};
      bool permitted = probe.Can(route.permission);
      std::string token = Token(username);
      std::string body = ValidBody(route.method, route.pattern);
      std::string before = Fingerprint();
      if (rule->second.rule == Rule::kRecord) {
        std::string target = route.pattern;
        target.replace(target.find("{id}"), 4, std::to_string(ids_.at(rule->second.entity)));
        for (const char* sub : {"item_id", "attachment_id", "milestone_id", "year", "month"}) {
          auto at = target.find(std::string("{") + sub + "}");
          if (at != std::string::npos) target.replace(at, strlen(sub) + 2, std::to_string(ids_.at(sub)));
        }
        if (route.method == "DELETE") target += "?version=1";
        auto reply = Call(route.method, target, token, body);
        EXPECT_EQ(reply.status, permitted ? 404 : 403) << username << ": " << reply.body;
        EXPECT_EQ(Fingerprint(), before) << username << " changed something";
        exercised += permitted;
      } else if (rule->second.rule == Rule::kCollection && route.method == "GET") {
        auto reply = Call("GET", route.pattern + "?page_size=500", token);
        if (!permitted) {
          EXPECT_EQ(reply.status, 403);
          continue;
        }
        ASSERT_EQ(reply.status, 200) << reply.body;
        for (const auto& item : reply.json.at("items").as_array()) {
          EXPECT_NE(item.at("id").as_int64(), ids_.at(rule->second.entity)) << username << " sees unit A's record";
        }
        ++exercised;
      } else if (rule->second.rule == Rule::kCollection) {
        auto reply = Call(route.method, route.pattern, token, body);
        if (!permitted) {
          EXPECT_EQ(reply.status, 403);
          continue;
        }
        if (reply.status == 201) {
          bool placed_in_a = reply.json.as_object().contains("unit_id") && reply.json.at("unit_id").as_int64() == zone_.unit_a;
          bool under_a = reply.json.as_object().contains("parent_id") && reply.json.at("parent_id").as_int64() == zone_.unit_a;
          bool led_by_a = reply.json.as_object().contains("lead_unit_id") && reply.json.at("lead_unit_id").as_int64() == zone_.unit_a;
          EXPECT_FALSE(placed_in_a || under_a || led_by_a) << username << " created a record inside unit A: " << reply.body;
        } else {
          EXPECT_TRUE(reply.status == 400 || reply.status == 404) << username << ": " << reply.body;
          EXPECT_EQ(Fingerprint(), before);
        }
        ++exercised;
      } else if (rule->second.rule == Rule::kProjectInBody) {
        std::string target = route.pattern;
        target.replace(target.find("{n}"), 3, "1");
        auto reply = Call(route.method, target, token, body);
        if (permitted) {
          EXPECT_TRUE(reply.status == 400 || reply.status == 404) << username << ": " << reply.body;
        } else {
          EXPECT_EQ(reply.status, 403) << username << ": " << reply.body;
        }
        EXPECT_EQ(Fingerprint(), before) << username << " changed something";
        exercised += permitted;
      } else if (rule->second.rule == Rule::kScopedFigures) {
        auto reply = Call("GET", route.pattern + "?year=" + std::to_string(ids_.at("year")) + "&month=3", token);
        if (!permitted) {
          EXPECT_EQ(reply.status, 403) << username;
          continue;
        }
        ASSERT_EQ(reply.status, 200) << username << ": " << reply.body;
        EXPECT_THAT(reply.body, ::testing::Not(::testing::HasSubstr("单位A的项目"))) << username;
        EXPECT_THAT(reply.body, ::testing::Not(::testing::HasSubstr(unit_a_name_))) << username;
        ++exercised;
      } else if (rule->second.rule == Rule::kScopedLedgerFile) {
        auto reply = Call("GET", route.pattern, token);
        if (!permitted) {
          EXPECT_EQ(reply.status, 403) << username;
          continue;
        }
        ASSERT_EQ(reply.status, 200) << username << ": " << reply.body;
        auto sheet = transfer::ReadLedgerSheet(reply.body);
        ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
        for (const auto& row : sheet->rows) EXPECT_NE(row.name, "单位A的项目") << username << " downloads unit A's project";
        ++exercised;
      } else if (rule->second.rule == Rule::kReportImport) {
        const std::string sheet = MakeXlsx({{"项目名称", "年", "月", "本月完成投资(万元)", "累计完成投资(万元)", "形象进度"},
                                            {"单位A的项目", static_cast<int>(ids_.at("year")), 4, Wan{100'000},
                                             Wan{1'100'000}, "主体施工"}},
                                           "月报");
        auto reply = Call(route.method, route.pattern + "?mode=commit", token, sheet, "zh-CN",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        if (permitted) {
          ASSERT_EQ(reply.status, 200) << username << ": " << reply.body;
          EXPECT_FALSE(reply.json.at("committed").as_bool()) << username;
          EXPECT_THAT(reply.body, ::testing::HasSubstr("不在您的管辖范围内")) << username;
        } else {
          EXPECT_EQ(reply.status, 403) << username << ": " << reply.body;
        }
        EXPECT_EQ(Fingerprint(), before) << username << " changed something";
        exercised += permitted;
      } else if (rule->second.rule == Rule::kRegionImport) {
        auto reply = Call(route.method, route.pattern + "?mode=commit", token, "not a spreadsheet", "zh-CN",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        bool office = username.find("office") != std::string::npos || username.find("admin") != std::string::npos;
        EXPECT_EQ(permitted, office) << username;
        EXPECT_EQ(reply.status, permitted ? 400 : 403) << username << ": " << reply.body;
        EXPECT_EQ(Fingerprint(), before) << username << " changed something";
        exercised += permitted;
      } else if (rule->second.rule == Rule::kAuditQuery) {
        auto reply = Call("GET", route.pattern + "?entity=enterprise&entity_id=" + std::to_string(ids_.at("enterprise")), token);
        EXPECT_EQ(reply.status, permitted ? 404 : 403) << username << ": " << reply.body;
        exercised += permitted;
      } else {
        exercised = 1;  // not unit-owned: covered by the tests of its own kind
      }
    }
    EXPECT_GT(exercised, 0) << "no probe role may use " << key << ", so the walk proved nothing for it";
  }
}

TEST_P(AccessWalkTest, AnEnterpriseContactSeesOnlyHisOwnCompany) {
  auto tx = db().Begin(storage::Access::kWrite);
  core::Enterprise own;
  own.name = "自己的企业";
  own.uscc = demo::DemoUscc(5151);
  auto own_id = storage::EnterpriseRepository(*tx).Create(zone_.office, own)->id;
  core::User contact;
  contact.username = "contact1";
  contact.display_name = "企业联系人";
  contact.roles = {core::Role::kEnterprise};
  contact.scope = core::DataScope::kRegion;  // even a wide scope does not widen a contact's view
  contact.enterprise_id = own_id;
  ASSERT_TRUE(storage::UserRepository(*tx).Create(zone_.admin, contact,
      "$argon2id$v=19$m=65536,t=2,p=1$f7qDAMK9VA4ZoQzmB6m6dQ$BCtjy2FTx8J3JLzIk0EKuqklu1VGqPk5QOVcCkNTABQ").ok());
  tx->Commit();
  auto list = Get("/api/v1/enterprises", "contact1");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json.at("total").as_int64(), 1);
  EXPECT_EQ(list.json.at("items").at(0).at("id").as_int64(), own_id);
  EXPECT_EQ(Get("/api/v1/enterprises/" + std::to_string(ids_.at("enterprise")), "contact1").status, 404);
  EXPECT_EQ(Get("/api/v1/org-units", "contact1").status, 403);
}

TEST_P(AccessWalkTest, RegionsStayInsideTheCallersTree) {
  auto zone = Get("/api/v1/regions", "t_office");
  std::vector<std::string> codes;
  for (const auto& r : zone.json.at("items").as_array()) codes.emplace_back(r.at("code").as_string());
  EXPECT_THAT(codes, ::testing::ElementsAre("410000", "410100", "410171")) << "his zone and the regions above it";
  auto city = Get("/api/v1/regions", "t_city");
  codes.clear();
  for (const auto& r : city.json.at("items").as_array()) codes.emplace_back(r.at("code").as_string());
  EXPECT_THAT(codes, ::testing::ElementsAre("410000", "410100", "410171", "410172"));
  // An administrator adds regions only below his own.
  auto outside = Post("/api/v1/regions", "t_admin", json::object{{"code", "410173"}, {"name", "别处"}, {"parent_code", "410100"}});
  EXPECT_EQ(outside.FirstErrorField(), "parent_code");
  auto inside = Post("/api/v1/regions", "t_admin", json::object{{"code", "410174"}, {"name", "高新区某片区"}, {"parent_code", "410171"}});
  EXPECT_EQ(inside.status, 201) << inside.body;
}

SANPI_BOTH_BACKENDS(AccessWalkTest);

}  // namespace
}  // namespace sanpi::testing
