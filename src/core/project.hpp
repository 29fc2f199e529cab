#pragma once
// 项目: one line of the zone's ledger of key projects (domain.md "Entities"), with its
// accountability — "one project, one leader, one checklist, one plan, to the end"
// (一个项目、一名领导、一个清单、一套方案、一抓到底) — and the checklist items that go with it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/project_stage.hpp"
#include "core/status.hpp"

namespace sanpi::core {

// 项目类型.
enum class ProjectKind { kIndustry, kInfrastructure, kLivelihood };

// API code: industry, infrastructure, livelihood.
std::string_view ProjectKindCode(ProjectKind kind);
// Chinese name as ledgers write it: 产业, 基础设施, 社会民生.
std::string_view ProjectKindName(ProjectKind kind);
// Either form.
std::optional<ProjectKind> ParseProjectKind(std::string_view text);

struct Project {
  std::int64_t id = 0;
  std::string region_code;         // six digits, GB/T 2260
  std::string code;                // 项目代码; empty until issued (unique when present: storage checks)
  std::string name;                // 项目名称
  std::int64_t enterprise_id = 0;  // 建设单位; 0 while a reserve project has none yet
  std::string industry;            // 产业领域
  ProjectKind kind = ProjectKind::kIndustry;
  std::string address;             // 建设地点
  std::optional<double> longitude;  // degrees east, both or neither
  std::optional<double> latitude;   // degrees north
  std::string parcel;              // 地块编号
  std::string construction_content;  // 建设内容及规模
  Yuan total_investment = 0;       // 总投资, whole yuan
  // Accountability.
  std::int64_t leader_id = 0;      // 包联领导 (a person)
  std::int64_t lead_unit_id = 0;   // 牵头单位 (the owning unit for data scope)
  std::vector<std::int64_t> cooperating_unit_ids;  // 配合单位
  std::string responsible_person;  // 责任人
  std::string responsible_phone;   // 联系电话
  // 入库: entered in the fixed-asset investment statistics database.
  bool in_stats_db = false;
  std::optional<Date> in_stats_db_on;
  StageRecord progress;            // stage and its dates
  std::int64_t created_by = 0;
  std::int64_t version = 0;
  std::string created_at;  // set by storage, local time "YYYY-MM-DD HH:MM:SS"
  std::string updated_at;
};

inline constexpr Yuan kMaxProjectInvestment = 10'000'000'000'000;  // 10万亿元: beyond any project
inline constexpr size_t kMaxCooperatingUnits = 20;

// nullopt when `code` is a well-formed 项目代码 YYYY-RRRRRR-II-TT-NNNNNN (year, region, industry,
// type, serial: all digits, year 2000–2099); otherwise why not, in both languages.
std::optional<Text> ProjectCodeProblem(std::string_view code);

// Every field error at once (API field names), Invalid (400) when any. `today` bounds actual dates.
// Coordinates must fall inside China's extent (73–136°E, 3–54°N) so swapped or lost digits show.
Status ValidateProject(const Project& project, const Date& today);

// 清单事项: one item of a project's checklist.
struct ChecklistItem {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string item;                // what must be done
  std::int64_t owner_unit_id = 0;  // unit in charge, 0 when only a person is named
  std::string owner;               // person in charge
  std::optional<Date> deadline;    // 完成时限 (required; optional only so that "absent" is visible)
  std::optional<Date> done_on;     // 完成日期
  std::int64_t version = 0;
};

// Item and deadline required, an owner (unit or person) required, done_on not after today.
Status ValidateChecklistItem(const ChecklistItem& item, const Date& today);
// Open and past its deadline as of `as_of` (the deadline day itself is not overdue).
bool IsOverdue(const ChecklistItem& item, const Date& as_of);

// The few columns the campaign rosters, statistics and bulletin read, so that storage can load
// 100,000 of them without the text fields nobody aggregates.
struct ProjectFacts {
  std::int64_t id = 0;
  std::string name;
  Yuan total_investment = 0;
  std::string industry;
  std::int64_t leader_id = 0;
  std::int64_t lead_unit_id = 0;
  StageRecord progress;
};

ProjectFacts FactsOf(const Project& project);

// Lookup by id in O(1). Holds pointers into `facts`, which must outlive the index and not grow.
class ProjectFactsIndex {
 public:
  explicit ProjectFactsIndex(const std::vector<ProjectFacts>& facts);
  const ProjectFacts* Find(std::int64_t project_id) const;

 private:
  std::unordered_map<std::int64_t, const ProjectFacts*> by_id_;
};

}  // namespace sanpi::core
