#include "http/session_gate.hpp"

#include <chrono>

#include "storage/audit_log.hpp"
#include "storage/credentials.hpp"
#include "storage/session_repository.hpp"
#include "storage/user_repository.hpp"

namespace sanpi::http {
namespace {

long long NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Verified against when the username does not exist, so both failures take the same time.
const std::string& DummyHash() {
  static const std::string hash = storage::HashPassword("not-a-real-password-0");
  return hash;
}

}  // namespace

SessionGate::SessionGate(storage::Database& db)
    : db_(db), by_user_({5, 900, 900}), by_address_({30, 900, 900}) {}

core::Status SessionGate::Throttled(long long seconds) const {
  long long minutes = (seconds + 59) / 60;
  return core::Status::Throttled({"登录失败次数过多，请" + std::to_string(minutes) + "分钟后再试",
                                  "too many failed logins; try again in " + std::to_string(minutes) + " minutes"});
}

core::Result<LoginResult> SessionGate::Login(const std::string& username, const std::string& password,
                                             const std::string& address) {
  const std::string user_key = "user:" + username, address_key = "addr:" + address;
  {
    std::lock_guard guard(mutex_);
    auto wait = by_user_.RetryAfter(user_key, NowSeconds());
    if (!wait) wait = by_address_.RetryAfter(address_key, NowSeconds());
    if (wait) return Throttled(*wait);
  }
  std::optional<storage::Credentials> credentials;
  {
    auto tx = db_.Begin(storage::Access::kRead);
    credentials = storage::UserRepository(*tx).FindCredentials(username);
  }
  bool valid = storage::VerifyPassword(password, credentials ? credentials->password_hash : DummyHash());
  if (!credentials || !valid || !credentials->active) {
    std::lock_guard guard(mutex_);
    by_user_.RecordFailure(user_key, NowSeconds());
    by_address_.RecordFailure(address_key, NowSeconds());
    return core::Status::Unauthenticated({"用户名或密码错误", "wrong username or password"});
  }
  {
    std::lock_guard guard(mutex_);
    by_user_.RecordSuccess(user_key);
  }
  LoginResult result;
  result.token = storage::NewSessionToken();
  auto tx = db_.Begin(storage::Access::kWrite);
  auto principal = storage::UserRepository(*tx).LoadPrincipal(credentials->user_id);
  if (!principal) return core::Status::Unauthenticated({"用户名或密码错误", "wrong username or password"});
  storage::SessionRepository(*tx).Create(storage::TokenDigest(result.token), credentials->user_id, kSessionSeconds, address);
  storage::AuditLog(*tx).Append(*principal, "login", "session", std::to_string(credentials->user_id), "", "");
  tx->Commit();
  result.principal = *principal;
  return result;
}

void SessionGate::Logout(const std::string& token) {
  if (token.empty()) return;
  auto tx = db_.Begin(storage::Access::kWrite);
  storage::SessionRepository(*tx).Delete(storage::TokenDigest(token));
  tx->Commit();
}

std::string SessionGate::TokenOf(const Request& request) {
  std::string authorization = request.Header("authorization");
  if (authorization.rfind("Bearer ", 0) == 0) return authorization.substr(7);
  std::string cookies = request.Header("cookie");
  std::string prefix = std::string(kSessionCookie) + "=";
  for (size_t at = 0; at < cookies.size();) {
    size_t end = cookies.find(';', at);
    if (end == std::string::npos) end = cookies.size();
    std::string part = cookies.substr(at, end - at);
    part.erase(0, part.find_first_not_of(' '));
    if (part.rfind(prefix, 0) == 0) return part.substr(prefix.size());
    at = end + 1;
  }
  return "";
}

std::optional<core::Principal> SessionGate::Authenticate(const Request& request) {
  std::string token = TokenOf(request);
  if (token.empty() || token.size() > 128) return std::nullopt;
  auto tx = db_.Begin(storage::Access::kRead);
  auto user_id = storage::SessionRepository(*tx).FindUser(storage::TokenDigest(token));
  if (!user_id) return std::nullopt;
  return storage::UserRepository(*tx).LoadPrincipal(*user_id);
}

bool SessionGate::CheckPassword(const std::string& username, const std::string& password) {
  std::optional<storage::Credentials> credentials;
  {
    auto tx = db_.Begin(storage::Access::kRead);
    credentials = storage::UserRepository(*tx).FindCredentials(username);
  }
  return credentials && storage::VerifyPassword(password, credentials->password_hash);
}

}  // namespace sanpi::http
