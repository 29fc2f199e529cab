#pragma once
// The project in the Open Contracting for Infrastructure Data Standard (OC4IDS) project schema
// (domain.md "Open data"): a pure mapping from the ledger's records to Boost.JSON, written against
// open-contracting/infrastructure schema/project-level/project-schema.json and its codelists.
//
// The mapping, and why:
// - id "oc4ids-sanpi-<region>-<id>": stable, unique across regions, prefixed like an OCID.
// - identifiers: the 项目代码 (when issued) under scheme kProjectCodeScheme.
// - status (projectStatus, closed codelist): reserve 谋划储备 → identification (the decision to
//   develop); signed 签约 → preparation (contract signed, approvals and scoping before building);
//   started 开工 → implementation; producing 投产 → completion (the asset is handed over and runs);
//   effective 达效 → completed (the project has delivered and left the campaign's pipeline);
//   withdrawn 退出 → cancelled.
// - type (projectType): "construction" — the campaign's projects are new investment projects; the
//   ledger records no rehabilitation or replacement.
// - sector (projectSector, open codelist): from the 产业领域 text by keyword, "economy" otherwise.
// - period: start = 开工 date (actual, else the planned start in force), end = 投产 date (actual,
//   else the planned production date in force); omitted when neither is known.
// - budget: total investment in CNY; budgetBreakdown one line per plan year from the 年度计划投资
//   of the roster commitments in force (omitted when no commitment carries an amount).
// - locations: a GeoJSON Point [longitude, latitude] (GeoJSON order) and the address.
// - parties: the enterprise 建设单位 as "funder" (it invests its own money), the lead unit 牵头单位 as
//   "publicAuthority". The responsible person's phone is not published (personal data).
// - milestones (OCDS Milestone, milestoneStatus): signed, fulfilled 履约, started, producing,
//   effective — "met" with dateMet when the stage date is recorded, otherwise "scheduled" or
//   "notMet" (due date passed, or the project withdrawn) against the planned date of the roster
//   commitment in force; a stage with neither date is left out.
// - modifications: one per roster adjustment (rebaselining) — type from modificationType (open):
//   withdraw and move → "scope" (what was promised changes: off the roster, or another batch's
//   promise); change of commitment → "value" when the year's amount changed, else "duration";
//   rationale = the recorded reason; date = the day it was decided.
//   OC4IDS 0.9 defines Modification under contractingProcesses[].summary; the project has no
//   contracting process in the ledger, so the list sits at project level (the schema allows
//   additional fields) with the Modification object's shape.
// - forecasts and metrics (financialProgress, physicalProgress) are left out: the ledger does not
//   yet record completed investment or 形象进度.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "core/campaign.hpp"
#include "core/date.hpp"
#include "core/project.hpp"

namespace sanpi::codec {

inline constexpr std::string_view kOc4idsIdPrefix = "oc4ids-sanpi";
inline constexpr std::string_view kProjectCodeScheme = "CN-TZXMDM";  // 投资项目代码 (全国投资项目在线审批监管平台)
inline constexpr std::string_view kOc4idsVersion = "0.9";

// A project with what the ledger knows around it.
struct Oc4idsSource {
  core::Project project;
  std::string enterprise_name;  // empty when the project has no enterprise yet
  std::string enterprise_uscc;  // 统一社会信用代码
  std::string lead_unit_name;
  std::vector<core::RosterEntry> entries;          // the project's roster entries
  std::vector<core::RosterAdjustment> adjustments;  // and their adjustments
};

std::string Oc4idsProjectId(const core::Project& project);
std::string_view Oc4idsStatus(core::Stage stage);
// Codes of the projectSector codelist for a 产业领域 text (parent code included for subsectors).
std::vector<std::string> Oc4idsSectors(std::string_view industry);

// One OC4IDS project. `today` decides scheduled vs notMet.
boost::json::value ToOc4ids(const Oc4idsSource& source, const core::Date& today);

// A project package (project-package-schema.json): uri, publishedDate, publisher, version, projects.
struct Oc4idsPackageInfo {
  std::string uri;
  std::string published_date;  // date-time
  std::string publisher_name;
};
// The package with an empty "projects" array, for writers that stream the projects in.
boost::json::object Oc4idsPackageHead(const Oc4idsPackageInfo& info);

// "YYYY-MM-DD" → "YYYY-MM-DDT00:00:00+08:00": OC4IDS dates are date-times; the ledger's are
// China Standard Time days.
std::string Oc4idsDateTime(const core::Date& date);

}  // namespace sanpi::codec
