#pragma once
// Login sessions, stored by token digest with an absolute expiry.
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace sanpi::storage {

class SessionRepository {
 public:
  explicit SessionRepository(Transaction& tx) : tx_(tx) {}
  void Create(const std::string& token_digest, std::int64_t user_id, long long lifetime_seconds, const std::string& address);
  // The user of a live session; nullopt when unknown or expired.
  std::optional<std::int64_t> FindUser(const std::string& token_digest);
  void Delete(const std::string& token_digest);
  // Removes expired sessions; returns how many.
  std::int64_t Prune();

 private:
  Transaction& tx_;
};

}  // namespace sanpi::storage
