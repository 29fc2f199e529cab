#pragma once
// JSON of notification targets (通知对象): the record as the API shows it — the DingTalk secret only as
// "secret_set", never in clear — and the strict reader of a create / update body.
#include <boost/json/value.hpp>

#include "core/notification_target.hpp"
#include "core/status.hpp"

namespace sanpi::codec {

// {"id","region_code","name","channel","url","secret_set","levels":[…],"event_kinds":[…],"enabled","version"}
boost::json::value ToJson(const core::NotificationTarget& target);

struct NotificationTargetInput {
  core::NotificationTarget target;
  bool secret_given = false;  // an update without "secret" keeps the stored one; "" clears it
};
// {"name","channel","url","secret"?,"levels"?,"event_kinds"?,"enabled"?} (+ "version" when with_version).
// Shape and code errors name their field ("channel", "levels", "event_kinds"); values are checked by
// core::ValidateNotificationTarget in the repository.
core::Result<NotificationTargetInput> NotificationTargetFromJson(const boost::json::value& body, bool with_version);

// How storage keeps the lists: comma-separated codes, "" for all.
std::string LevelsText(const std::vector<core::WarningLevel>& levels);
std::vector<core::WarningLevel> LevelsFromText(const std::string& text);
std::string EventKindsText(const std::vector<core::WarningEventKind>& kinds);
std::vector<core::WarningEventKind> EventKindsFromText(const std::string& text);

}  // namespace sanpi::codec
