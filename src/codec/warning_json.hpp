#pragma once
// JSON of 预警督办: the region's rule settings as the office edits them, warnings with their responses and
// 督办单, and the events the sweep and people's actions leave. The readers are strict: every wrong, missing or
// unknown field is named, rule fields as "rules.<rule code>.<field>" (the names core::CheckWarningRule uses).
#include <cstdint>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "codec/json_reader.hpp"
#include "core/warning_lifecycle.hpp"
#include "core/warning_rule.hpp"

namespace sanpi::codec {

boost::json::value ToJson(const core::WarningRule& rule);
// {"rules": [all seven, each with "customised"], "supervision_reply_days", "version"}: what the region uses.
boost::json::value RuleSettingsJson(const core::RuleSet& rules, const std::vector<core::WarningRule>& overrides,
                                    std::int64_t version);

struct RuleSettingsInput {
  std::vector<core::WarningRule> rules;  // the rules replaced; the others keep their defaults
  int supervision_reply_days = core::kDefaultSupervisionReplyDays;
  std::int64_t version = 0;  // the version read (0 before the first save)
};
// PUT /warnings/rules: {"rules": [{"rule", "enabled"?, "unit", "yellow"?, "orange"?, "red"?, "from_month"?,
// "min_total_investment"?}], "supervision_reply_days"?, "version"}. Shape errors only; RuleSet::ForRegion checks
// the values.
core::Result<RuleSettingsInput> RuleSettingsFromJson(const boost::json::value& body);

// How storage keeps a region's replaced rules (a JSON array of ToJson(rule)); a corrupt text reads as none.
std::string RulesText(const std::vector<core::WarningRule>& rules);
std::vector<core::WarningRule> RulesFromText(const std::string& text);

// The lists inside a warning record, as storage keeps them.
std::string HistoryText(const std::vector<core::LevelChange>& history);
std::vector<core::LevelChange> HistoryFromText(const std::string& text);
std::string ResponsesText(const std::vector<core::WarningResponse>& responses);
std::vector<core::WarningResponse> ResponsesFromText(const std::string& text);
std::string OrderText(const core::SupervisionOrder& order);
std::optional<core::SupervisionOrder> OrderFromText(const std::string& text);

// A warning as the API shows it: its figures, explanation, history, responses and order.
boost::json::value ToJson(const core::Warning& warning);
boost::json::value ToJson(const core::WarningEvent& event);

// The body of a warning action: {"<text_field>", "version"} or {"assignee_id", "version"}.
struct WarningActionInput {
  std::string text;
  std::int64_t assignee_id = 0;
  std::int64_t version = 0;
};
// `text_field` empty: the assign body. `text_required` false: the text may be missing (sign-off comment).
core::Result<WarningActionInput> WarningActionFromJson(const boost::json::value& body, const std::string& text_field,
                                                       bool text_required);

}  // namespace sanpi::codec
