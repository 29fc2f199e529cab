#pragma once
// 人员 accounts: scoped administration, credentials for login, and the Principal a session
// stands for.
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/access.hpp"
#include "core/user.hpp"
#include "storage/database.hpp"
#include "storage/page.hpp"

namespace sanpi::storage {

struct UserQuery {
  std::string text;
  std::int64_t unit_id = 0;
  PageRequest page;
};

struct Credentials {
  std::int64_t user_id = 0;
  std::string password_hash;
  bool active = false;
};

class UserRepository {
 public:
  explicit UserRepository(Transaction& tx) : tx_(tx) {}
  core::Result<core::User> Get(const core::Principal& caller, std::int64_t id);
  Page<core::User> List(const core::Principal& caller, const UserQuery& query);
  // `password_hash` is already hashed (see credentials.hpp). Conflict when the username is taken.
  core::Result<core::User> Create(const core::Principal& caller, core::User user, const std::string& password_hash);
  core::Result<core::User> Update(const core::Principal& caller, std::int64_t id, core::User changes);
  // Replaces the password hash and ends the user's sessions.
  core::Status SetPasswordHash(const core::Principal& caller, std::int64_t id, const std::string& password_hash);

  // For login: nullopt when no such username.
  std::optional<Credentials> FindCredentials(const std::string& username);
  // The principal behind a user id, with the paths his scope needs; nullopt when gone or inactive.
  std::optional<core::Principal> LoadPrincipal(std::int64_t user_id);
  // The display names of these users, for records that name people by id (a warning's leader, who answered it):
  // a reader who may not list users still sees who they are. Unknown ids are left out.
  std::map<std::int64_t, std::string> DisplayNames(const std::set<std::int64_t>& ids);

 private:
  core::Status CheckPlacement(const core::Principal& caller, const core::User& user);
  Transaction& tx_;
};

}  // namespace sanpi::storage
