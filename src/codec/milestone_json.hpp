#pragma once
// JSON of milestones and of a reverse schedule. Dates are "YYYY-MM-DD" or null.
#include <boost/json/value.hpp>

#include "codec/json_reader.hpp"
#include "core/milestone.hpp"
#include "core/reverse_schedule.hpp"

namespace sanpi::codec {

boost::json::value ToJson(const core::Milestone& milestone);
boost::json::value ToJson(const core::ReverseSchedule& schedule);

// POST (with_version false) / PUT (true) …/milestones: {"code"?, "name", "planned"?, "actual"?,
// "standard_days"?, "predecessors"?, "sort_order"?, "version"}.
core::Result<core::Milestone> MilestoneFromJson(const boost::json::value& body, bool with_version);

struct ScheduleRequest {
  core::Date target;
  bool apply = false;
};
// POST …/milestones/schedule: {"target", "apply"?}.
core::Result<ScheduleRequest> ScheduleRequestFromJson(const boost::json::value& body);

}  // namespace sanpi::codec
