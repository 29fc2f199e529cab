#pragma once
// Logging in and out, and who a request is: a session token in "Authorization: Bearer" or in the
// HttpOnly cookie, checked against the sessions table. Failed logins are throttled per username
// and per address. Thread-safe.
#include <mutex>
#include <optional>
#include <string>

#include "core/access.hpp"
#include "core/login_throttle.hpp"
#include "core/status.hpp"
#include "http/message.hpp"
#include "storage/database.hpp"

namespace sanpi::http {

inline constexpr const char* kSessionCookie = "sanpi_session";
inline constexpr long long kSessionSeconds = 12 * 3600;  // one working day and then some

struct LoginResult {
  std::string token;
  core::Principal principal;
};

class SessionGate {
 public:
  explicit SessionGate(storage::Database& db);
  // Unauthenticated for a wrong username or password (the same message for both), Throttled with
  // the wait in the message when too many attempts failed.
  core::Result<LoginResult> Login(const std::string& username, const std::string& password, const std::string& address);
  void Logout(const std::string& token);
  // The caller behind the request's token; nullopt without a live session.
  std::optional<core::Principal> Authenticate(const Request& request);
  static std::string TokenOf(const Request& request);
  // Checks a password for the already-authenticated user (password change).
  bool CheckPassword(const std::string& username, const std::string& password);

 private:
  core::Status Throttled(long long seconds) const;
  storage::Database& db_;
  std::mutex mutex_;
  core::LoginThrottle by_user_;
  core::LoginThrottle by_address_;
};

}  // namespace sanpi::http
