#pragma once
// JSON form of the account records (regions, org units, users, enterprises): the API's
// representation, also what the audit log keeps as "before" and "after".
#include <boost/json/value.hpp>

#include "codec/json_reader.hpp"
#include "core/enterprise.hpp"
#include "core/organisation.hpp"
#include "core/user.hpp"

namespace sanpi::codec {

boost::json::value ToJson(const core::Region& region);
boost::json::value ToJson(const core::OrgUnit& unit);
boost::json::value ToJson(const core::User& user);  // never carries the password hash
boost::json::value ToJson(const core::Enterprise& enterprise);

// Readers fill the fields a client may set; ids, region and timestamps come from the server.
core::Result<core::Region> RegionFromJson(const boost::json::value& body);
core::Result<core::OrgUnit> OrgUnitFromJson(const boost::json::value& body, bool with_version);
// `password` receives the initial password when the body carries one (on create).
core::Result<core::User> UserFromJson(const boost::json::value& body, bool with_version, std::string* password);
core::Result<core::Enterprise> EnterpriseFromJson(const boost::json::value& body, bool with_version);

}  // namespace sanpi::codec
