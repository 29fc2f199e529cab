#include "codec/notification_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/json_reader.hpp"

namespace sanpi::codec {
namespace {

namespace json = boost::json;

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

template <class T, class Code>
std::string JoinCodes(const std::vector<T>& items, Code code) {
  std::string out;
  for (const T& item : items) out += (out.empty() ? "" : ",") + std::string(code(item));
  return out;
}

}  // namespace

std::string LevelsText(const std::vector<core::WarningLevel>& levels) {
  return JoinCodes(levels, core::WarningLevelCode);
}

std::vector<core::WarningLevel> LevelsFromText(const std::string& text) {
  std::vector<core::WarningLevel> out;
  for (const std::string& code : SplitCommas(text))
    if (auto level = core::ParseWarningLevel(code)) out.push_back(*level);
  return out;
}

std::string EventKindsText(const std::vector<core::WarningEventKind>& kinds) {
  return JoinCodes(kinds, core::WarningEventCode);
}

std::vector<core::WarningEventKind> EventKindsFromText(const std::string& text) {
  std::vector<core::WarningEventKind> out;
  for (const std::string& code : SplitCommas(text))
    if (auto kind = core::ParseWarningEventKind(code)) out.push_back(*kind);
  return out;
}

json::value ToJson(const core::NotificationTarget& target) {
  json::array levels, kinds;
  for (auto level : target.levels) levels.emplace_back(core::WarningLevelCode(level));
  for (auto kind : target.event_kinds) kinds.emplace_back(core::WarningEventCode(kind));
  return json::object{{"id", target.id},
                      {"region_code", target.region_code},
                      {"name", target.name},
                      {"channel", core::ChannelCode(target.channel)},
                      {"url", target.url},
                      {"secret_set", !target.secret.empty()},
                      {"levels", std::move(levels)},
                      {"event_kinds", std::move(kinds)},
                      {"enabled", target.enabled},
                      {"version", target.version}};
}

core::Result<NotificationTargetInput> NotificationTargetFromJson(const json::value& body, bool with_version) {
  JsonReader reader(body);
  NotificationTargetInput input;
  core::NotificationTarget& t = input.target;
  t.name = reader.String("name", true);
  const std::string channel = reader.String("channel", true);
  if (auto parsed = core::ParseChannel(channel))
    t.channel = *parsed;
  else if (reader.Has("channel"))
    reader.Fail("channel", {"渠道应为 wecom、dingtalk 或 json", "channel must be wecom, dingtalk or json"});
  t.url = reader.String("url", true);
  input.secret_given = reader.Has("secret");
  t.secret = reader.String("secret");
  for (const std::string& code : reader.Strings("levels")) {
    auto level = core::ParseWarningLevel(code);
    if (!level || *level == core::WarningLevel::kNone) {
      reader.Fail("levels", {"预警等级应为 yellow、orange 或 red", "levels must be yellow, orange or red"});
      break;
    }
    t.levels.push_back(*level);
  }
  for (const std::string& code : reader.Strings("event_kinds")) {
    auto kind = core::ParseWarningEventKind(code);
    if (!kind) {
      reader.Fail("event_kinds", {"未知的事件类型：" + code, "unknown event kind: " + code});
      break;
    }
    t.event_kinds.push_back(*kind);
  }
  t.enabled = reader.Bool("enabled", false, true);
  if (with_version) {
    t.version = reader.Int("version", true);
    if (t.version < 1 && reader.Has("version"))
      reader.Fail("version", {"版本号应为正整数", "version must be a positive whole number"});
  }
  if (auto status = reader.Finish(); !status.ok()) return status;
  return input;
}

}  // namespace sanpi::codec
