#pragma once
// Slows password guessing: after too many failed logins for one key (a username, an address)
// within a window, further attempts on that key are refused until the lockout passes. Time is
// passed in (seconds on any monotonic clock), so the rule is tested without waiting.
// Not thread-safe; the caller serialises access.
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

namespace sanpi::core {

struct ThrottleLimits {
  int max_failures = 5;          // failures tolerated inside the window
  long long window_seconds = 900;
  long long lockout_seconds = 900;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottleLimits limits) : limits_(limits) {}
  // Seconds the caller must still wait; nullopt when an attempt is allowed now.
  std::optional<long long> RetryAfter(const std::string& key, long long now) const;
  void RecordFailure(const std::string& key, long long now);
  void RecordSuccess(const std::string& key) { entries_.erase(key); }
  size_t tracked() const { return entries_.size(); }

 private:
  struct Entry {
    std::deque<long long> failures;  // times of failures inside the window
    long long locked_until = 0;
  };
  void Prune(long long now);

  ThrottleLimits limits_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace sanpi::core
