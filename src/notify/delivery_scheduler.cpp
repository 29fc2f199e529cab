#include "notify/delivery_scheduler.hpp"

#include <ctime>
#include <exception>

namespace sanpi::notify {

DeliveryScheduler::DeliveryScheduler(storage::Database& db, DeliverySchedule schedule, Sender send)
    : db_(db), schedule_(std::move(schedule)), send_(std::move(send)), thread_([this] { Run(); }) {}

DeliveryScheduler::~DeliveryScheduler() { Stop(); }

void DeliveryScheduler::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::int64_t DeliveryScheduler::rounds() const {
  std::lock_guard lock(mutex_);
  return rounds_;
}

void DeliveryScheduler::Run() {
  auto say = [this](const std::string& line) {
    if (schedule_.log) schedule_.log(line);
  };
  // Checked before each send, so Stop waits for one message at most, not a whole round.
  auto stopping = [this] {
    std::lock_guard lock(mutex_);
    return stopping_;
  };
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    try {
      const DeliveryCounts counts = DeliverDue(db_, send_, schedule_.options, std::time(nullptr), stopping);
      if (counts.attempts() > 0)
        say("notifications: delivered " + std::to_string(counts.delivered) + ", to retry " +
            std::to_string(counts.retried) + ", dead " + std::to_string(counts.dead));
    } catch (const std::exception& error) {  // a lost database must not take the server down; the next round retries
      say(std::string("notification delivery failed: ") + error.what());
    }
    std::unique_lock lock(mutex_);
    ++rounds_;
    if (wake_.wait_for(lock, schedule_.period, [this] { return stopping_; })) return;
  }
}

}  // namespace sanpi::notify
