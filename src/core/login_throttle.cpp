#include "core/login_throttle.hpp"

namespace sanpi::core {
namespace {
constexpr size_t kPruneAbove = 10'000;  // keeps memory bounded when someone sprays usernames
}

std::optional<long long> LoginThrottle::RetryAfter(const std::string& key, long long now) const {
  auto found = entries_.find(key);
  if (found == entries_.end() || found->second.locked_until <= now) return std::nullopt;
  return found->second.locked_until - now;
}

void LoginThrottle::RecordFailure(const std::string& key, long long now) {
  if (entries_.size() > kPruneAbove) Prune(now);
  Entry& entry = entries_[key];
  entry.failures.push_back(now);
  while (!entry.failures.empty() && entry.failures.front() <= now - limits_.window_seconds) entry.failures.pop_front();
  if (static_cast<int>(entry.failures.size()) >= limits_.max_failures) {
    entry.locked_until = now + limits_.lockout_seconds;
    entry.failures.clear();
  }
}

void LoginThrottle::Prune(long long now) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    bool stale = it->second.locked_until <= now &&
                 (it->second.failures.empty() || it->second.failures.back() <= now - limits_.window_seconds);
    it = stale ? entries_.erase(it) : std::next(it);
  }
}

}  // namespace sanpi::core
