#pragma once
// The outbox worker inside `sanpi serve` (and `sanpi notify` without --once): one background thread that runs a
// delivery round (delivery_worker.hpp) every `period`. Stopping wakes it at once; a round in progress finishes
// the message it is sending (at most one timeout) and stops before the next.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "notify/delivery_worker.hpp"
#include "storage/database.hpp"

namespace sanpi::notify {

struct DeliverySchedule {
  std::chrono::milliseconds period{10'000};
  DeliveryOptions options;
  std::function<void(const std::string&)> log;  // a line per round that sent something or failed; may be empty
};

class DeliveryScheduler {
 public:
  DeliveryScheduler(storage::Database& db, DeliverySchedule schedule, Sender send);
  ~DeliveryScheduler();  // Stop()
  DeliveryScheduler(const DeliveryScheduler&) = delete;
  DeliveryScheduler& operator=(const DeliveryScheduler&) = delete;

  void Stop();
  std::int64_t rounds() const;  // completed rounds; thread-safe

 private:
  void Run();

  storage::Database& db_;
  const DeliverySchedule schedule_;
  const Sender send_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::int64_t rounds_ = 0;
  std::thread thread_;
};

}  // namespace sanpi::notify
