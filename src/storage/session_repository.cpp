#include "storage/session_repository.hpp"

#include "storage/clock.hpp"

namespace sanpi::storage {

void SessionRepository::Create(const std::string& token_digest, std::int64_t user_id, long long lifetime_seconds,
                               const std::string& address) {
  tx_.Execute("INSERT INTO sessions (token_hash, user_id, created_at, expires_at, address) VALUES ($1, $2, $3, $4, $5)",
              {token_digest, user_id, NowLocal(), LocalAfter(lifetime_seconds), address});
}

std::optional<std::int64_t> SessionRepository::FindUser(const std::string& token_digest) {
  auto rows = tx_.Query("SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2", {token_digest, NowLocal()});
  if (rows.empty()) return std::nullopt;
  return rows.front().Int(0);
}

void SessionRepository::Delete(const std::string& token_digest) {
  tx_.Execute("DELETE FROM sessions WHERE token_hash = $1", {token_digest});
}

std::int64_t SessionRepository::Prune() { return tx_.Execute("DELETE FROM sessions WHERE expires_at <= $1", {NowLocal()}); }

}  // namespace sanpi::storage
