#pragma once
// 人员 / user accounts: who a person is, where he sits and what he may see.
#include <cstdint>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/status.hpp"

namespace sanpi::core {

struct User {
  std::int64_t id = 0;
  std::string region_code;
  std::int64_t unit_id = 0;        // 0 when he belongs to no unit (an enterprise contact)
  std::int64_t enterprise_id = 0;  // set for enterprise contacts only
  std::string username;
  std::string display_name;
  std::string phone;
  std::vector<Role> roles;
  DataScope scope = DataScope::kUnit;
  bool active = true;
  std::int64_t version = 0;
  std::string created_at;  // set by storage, local time "YYYY-MM-DD HH:MM:SS"
  std::string updated_at;

  bool Has(Role role) const {
    for (Role held : roles)
      if (held == role) return true;
    return false;
  }
};

Status ValidateUser(const User& user);
// nullopt when acceptable: at least 8 characters with a letter and a digit, at most 128.
std::optional<Text> PasswordProblem(std::string_view password);

}  // namespace sanpi::core
