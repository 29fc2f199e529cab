#pragma once
// The daily sweep inside `sanpi serve`: one background thread that sweeps every region once at start and then
// shortly after each midnight in Asia/Shanghai (or every `period`, for tests), and any region requested in between
// (a region-wide change: an import, new rules). Stopping wakes it at once and waits for a sweep in progress to
// finish its transaction.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "core/date.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

struct SweepSchedule {
  std::chrono::seconds period{0};              // 0: daily, `after_midnight` past midnight Asia/Shanghai
  std::chrono::seconds after_midnight{5 * 60};  // so that a sweep never races the date change
  bool run_at_start = true;
  std::function<void(const std::string&)> log;  // one line per region swept or failed; may be empty
};

class SweepScheduler {
 public:
  SweepScheduler(Database& db, SweepSchedule schedule);
  ~SweepScheduler();  // Stop()
  SweepScheduler(const SweepScheduler&) = delete;
  SweepScheduler& operator=(const SweepScheduler&) = delete;

  void Stop();
  // Sweeps `region` soon, on the scheduler's thread (after a committed import or new rules); thread-safe. Asking
  // again before it ran asks once.
  void Request(const std::string& region);
  // Completed rounds (every region swept once); thread-safe.
  std::int64_t rounds() const;

  // When the next daily round is due after `now`: `after_midnight` past the next midnight in Asia/Shanghai.
  static std::chrono::system_clock::time_point NextDailyRun(std::chrono::system_clock::time_point now,
                                                            std::chrono::seconds after_midnight);

 private:
  void Run();
  void SweepAll();
  void SweepRequested();
  void SweepRegion(const std::string& region, core::Date today);

  Database& db_;
  const SweepSchedule schedule_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::set<std::string> requested_;
  std::int64_t rounds_ = 0;
  std::thread thread_;
};

}  // namespace sanpi::storage
