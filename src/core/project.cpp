#include "core/project.hpp"

#include <array>
#include <cmath>
#include <set>

#include "core/validation.hpp"

namespace sanpi::core {
namespace {

struct KindNames {
  ProjectKind kind;
  std::string_view code;
  std::string_view name;
};
constexpr std::array<KindNames, 3> kKindNames{{
    {ProjectKind::kIndustry, "industry", "产业"},
    {ProjectKind::kInfrastructure, "infrastructure", "基础设施"},
    {ProjectKind::kLivelihood, "livelihood", "社会民生"},
}};

// China's extent with a margin: catches swapped latitude/longitude and dropped digits.
constexpr double kMinLongitude = 73.0, kMaxLongitude = 136.0;
constexpr double kMinLatitude = 3.0, kMaxLatitude = 54.0;

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

void CheckCoordinate(FieldErrors& errors, const char* field, double value, double low, double high, const char* zh,
                     const char* en) {
  if (!std::isfinite(value) || value < low || value > high) {
    errors.Add(field, {std::string(zh) + "应在" + std::to_string(static_cast<int>(low)) + "至" +
                           std::to_string(static_cast<int>(high)) + "度之间（中国境内）",
                       std::string(en) + " must be between " + std::to_string(static_cast<int>(low)) + " and " +
                           std::to_string(static_cast<int>(high)) + " degrees (inside China)"});
  }
}

}  // namespace

std::string_view ProjectKindCode(ProjectKind kind) { return kKindNames[static_cast<size_t>(kind)].code; }
std::string_view ProjectKindName(ProjectKind kind) { return kKindNames[static_cast<size_t>(kind)].name; }

std::optional<ProjectKind> ParseProjectKind(std::string_view text) {
  for (const auto& entry : kKindNames)
    if (entry.code == text || entry.name == text) return entry.kind;
  return std::nullopt;
}

std::optional<Text> ProjectCodeProblem(std::string_view code) {
  static constexpr std::array<size_t, 5> kGroupLengths{4, 6, 2, 2, 6};
  const Text format{"项目代码格式应为“年份4位-区划6位-行业2位-类型2位-流水号6位”，如2022-410173-39-03-012345",
                    "the project code must read YYYY-RRRRRR-II-TT-NNNNNN, e.g. 2022-410173-39-03-012345"};
  size_t start = 0;
  for (size_t group = 0; group < kGroupLengths.size(); ++group) {
    size_t end = group + 1 < kGroupLengths.size() ? code.find('-', start) : code.size();
    if (end == std::string_view::npos) return format;
    std::string_view part = code.substr(start, end - start);
    if (part.size() != kGroupLengths[group] || !IsDigits(part)) return format;
    start = end + 1;
  }
  int year = (code[0] - '0') * 1000 + (code[1] - '0') * 100 + (code[2] - '0') * 10 + (code[3] - '0');
  if (year < 2000 || year > 2099) {
    return Text{"项目代码中的年份应在2000至2099之间", "the year in the project code must be 2000 to 2099"};
  }
  return std::nullopt;
}

Status ValidateProject(const Project& project, const Date& today) {
  FieldErrors errors;
  if (project.region_code.size() != 6 || !IsDigits(project.region_code))
    errors.Add("region_code", {"区划代码应为6位数字", "region code must be six digits"});
  if (!project.code.empty()) {
    if (auto problem = ProjectCodeProblem(project.code)) errors.Add("code", *problem);
  }
  CheckName(errors, "name", project.name, 100);
  if (project.enterprise_id < 0) {
    errors.Add("enterprise_id", {"建设单位无效", "invalid enterprise"});
  } else if (project.enterprise_id == 0 && project.progress.signed_on) {
    errors.Add("enterprise_id", {"已签约项目须指明建设单位", "a signed project needs its enterprise"});
  }
  CheckName(errors, "industry", project.industry, 50);
  CheckOptionalText(errors, "address", project.address, 200);
  if (project.longitude.has_value() != project.latitude.has_value()) {
    errors.Add(project.longitude ? "latitude" : "longitude",
               {"经度和纬度须同时填写", "longitude and latitude go together"});
  }
  if (project.longitude)
    CheckCoordinate(errors, "longitude", *project.longitude, kMinLongitude, kMaxLongitude, "经度", "longitude");
  if (project.latitude)
    CheckCoordinate(errors, "latitude", *project.latitude, kMinLatitude, kMaxLatitude, "纬度", "latitude");
  CheckOptionalText(errors, "parcel", project.parcel, 50);
  CheckOptionalText(errors, "construction_content", project.construction_content, 2000);
  if (project.total_investment <= 0) {
    errors.Add("total_investment", {"总投资须大于0", "total investment must be more than zero"});
  } else if (project.total_investment > kMaxProjectInvestment) {
    errors.Add("total_investment", {"总投资超出合理范围（10万亿元）", "total investment is beyond 10 trillion yuan"});
  }
  if (project.leader_id <= 0) errors.Add("leader_id", {"须指定包联领导", "a project needs its leader"});
  if (project.lead_unit_id <= 0) errors.Add("lead_unit_id", {"须指定牵头单位", "a project needs its lead unit"});
  std::set<std::int64_t> units;
  for (std::int64_t unit : project.cooperating_unit_ids) {
    if (unit <= 0) {
      errors.Add("cooperating_unit_ids", {"配合单位无效", "invalid cooperating unit"});
    } else if (unit == project.lead_unit_id) {
      errors.Add("cooperating_unit_ids", {"牵头单位不能同时是配合单位", "the lead unit cannot also cooperate"});
    } else if (!units.insert(unit).second) {
      errors.Add("cooperating_unit_ids", {"配合单位重复", "a cooperating unit is listed twice"});
    } else {
      continue;
    }
    break;
  }
  if (project.cooperating_unit_ids.size() > kMaxCooperatingUnits) {
    errors.Add("cooperating_unit_ids", {"配合单位不能超过" + std::to_string(kMaxCooperatingUnits) + "个",
                                        "at most " + std::to_string(kMaxCooperatingUnits) + " cooperating units"});
  }
  CheckName(errors, "responsible_person", project.responsible_person, 32);
  if (!project.responsible_phone.empty() && !IsPhone(project.responsible_phone)) {
    errors.Add("responsible_phone", {"电话号码格式不正确（手机号11位，或区号-号码）",
                                     "phone must be an 11-digit mobile number or area code-number"});
  }
  // 入库 happens once a project has started and has investment to report.
  if (project.in_stats_db) {
    if (!project.in_stats_db_on) {
      errors.Add("in_stats_db_on", {"已入库项目须有入库日期", "a project in the statistics database needs its date"});
    } else if (!project.progress.started_on) {
      errors.Add("in_stats_db", {"项目开工后才能入库", "only a started project enters the statistics database"});
    } else if (*project.in_stats_db_on < *project.progress.started_on) {
      errors.Add("in_stats_db_on", {"入库日期不能早于开工日期", "the database date cannot be before the start date"});
    } else if (*project.in_stats_db_on > today) {
      errors.Add("in_stats_db_on", {"入库日期不能晚于今天", "the database date cannot be after today"});
    }
  } else if (project.in_stats_db_on) {
    errors.Add("in_stats_db_on", {"未入库项目不应有入库日期", "a project not in the statistics database has no date"});
  }
  CheckStageRecord(errors, project.progress, today);
  if (project.version < 0) errors.Add("version", {"版本号无效", "invalid version"});
  return errors.ToStatus();
}

Status ValidateChecklistItem(const ChecklistItem& item, const Date& today) {
  FieldErrors errors;
  CheckName(errors, "item", item.item, 200);
  if (item.owner_unit_id < 0) errors.Add("owner_unit_id", {"责任单位无效", "invalid owner unit"});
  if (item.owner_unit_id == 0 && Blank(item.owner)) {
    errors.Add("owner", {"须指定责任单位或责任人", "name the unit or person in charge"});
  }
  CheckOptionalText(errors, "owner", item.owner, 32);
  if (!item.deadline) errors.Add("deadline", {"须填写完成时限", "a checklist item needs its deadline"});
  if (item.done_on && *item.done_on > today)
    errors.Add("done_on", {"完成日期不能晚于今天", "the completion date cannot be after today"});
  return errors.ToStatus();
}

bool IsOverdue(const ChecklistItem& item, const Date& as_of) { return !item.done_on && item.deadline && as_of > *item.deadline; }

ProjectFacts FactsOf(const Project& project) {
  return {project.id,        project.name,         project.total_investment, project.industry,
          project.leader_id, project.lead_unit_id, project.progress};
}

ProjectFactsIndex::ProjectFactsIndex(const std::vector<ProjectFacts>& facts) {
  by_id_.reserve(facts.size());
  for (const ProjectFacts& project : facts) by_id_.emplace(project.id, &project);
}

const ProjectFacts* ProjectFactsIndex::Find(std::int64_t project_id) const {
  auto found = by_id_.find(project_id);
  return found == by_id_.end() ? nullptr : found->second;
}

}  // namespace sanpi::core
