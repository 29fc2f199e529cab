#include "codec/milestone_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/project_json.hpp"

namespace sanpi::codec {
namespace {

namespace json = boost::json;

json::value DateJson(const std::optional<core::Date>& date) {
  return date ? json::value(date->ToString()) : json::value(nullptr);
}

}  // namespace

json::value ToJson(const core::Milestone& m) {
  json::array predecessors;
  for (auto id : m.predecessors) predecessors.push_back(id);
  return json::object{{"id", m.id},
                      {"project_id", m.project_id},
                      {"code", m.code},
                      {"name", m.name},
                      {"planned", DateJson(m.planned)},
                      {"actual", DateJson(m.actual)},
                      {"standard_days", m.standard_days},
                      {"predecessors", std::move(predecessors)},
                      {"sort_order", m.sort_order},
                      {"version", m.version}};
}

json::value ToJson(const core::ReverseSchedule& s) {
  json::array milestones;
  for (const auto& m : s.milestones) {
    milestones.push_back(json::object{{"id", m.id},
                                      {"name", m.name},
                                      {"latest_finish", m.latest_finish.ToString()},
                                      {"latest_start", m.latest_start.ToString()},
                                      {"done", m.done},
                                      {"slack_days", m.slack_days},
                                      {"at_fault", m.at_fault}});
  }
  json::array at_fault;
  for (auto id : s.at_fault) at_fault.push_back(id);
  json::value explanation = nullptr;
  if (!s.feasible) explanation = json::object{{"zh", s.explanation.zh}, {"en", s.explanation.en}};
  return json::object{{"target", s.target.ToString()},
                      {"today", s.today.ToString()},
                      {"feasible", s.feasible},
                      {"explanation", std::move(explanation)},
                      {"at_fault", std::move(at_fault)},
                      {"milestones", std::move(milestones)}};
}

core::Result<core::Milestone> MilestoneFromJson(const json::value& body, bool with_version) {
  JsonReader reader(body);
  core::Milestone m;
  m.code = reader.String("code");
  m.name = reader.String("name", true);
  m.planned = ReadDate(reader, "planned");
  m.actual = ReadDate(reader, "actual");
  m.standard_days = static_cast<int>(std::clamp<std::int64_t>(reader.Int("standard_days"), -1, core::kMaxStandardDays + 1));
  m.predecessors = reader.Ints("predecessors");
  m.sort_order = static_cast<int>(std::clamp<std::int64_t>(reader.Int("sort_order"), 0, 1'000'000));
  if (with_version) {
    m.version = reader.Int("version", true);
    if (reader.Has("version") && m.version < 1) reader.Fail("version", {"版本号应为正整数", "version must be a positive number"});
  }
  if (auto status = reader.Finish(); !status.ok()) return status;
  return m;
}

core::Result<ScheduleRequest> ScheduleRequestFromJson(const json::value& body) {
  JsonReader reader(body);
  ScheduleRequest request;
  if (auto target = ReadDate(reader, "target", true)) request.target = *target;
  request.apply = reader.Bool("apply");
  if (auto status = reader.Finish(); !status.ok()) return status;
  return request;
}

}  // namespace sanpi::codec
