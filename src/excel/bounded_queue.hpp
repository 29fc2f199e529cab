#pragma once
// The hand-over between two threads of one read (a part being inflated, a sheet being parsed):
// items in a queue of at most `capacity`, so the producer runs ahead of the consumer by a bounded
// amount of memory and no further. It also carries what crosses the other way or comes last: the
// consumer stopping early, and how the producer ended (its Status, or the exception it threw).
// Internal to src/excel.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <utility>

#include "core/status.hpp"

namespace sanpi::excel {

// How a producer ends once its consumer has stopped. Never reaches the caller, who stopped for a
// reason of its own.
inline core::Status StoppedByConsumer() { return core::Status::Internal({"读取已停止", "reading was stopped"}); }

// All methods are thread-safe; each says which side calls it.
template <class Item>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  // Producer: waits while `capacity` items wait already. False, dropping the item, once the
  // consumer has stopped: the producer should end.
  bool Push(Item item) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stopped() || items_.size() < capacity_; });
    if (stopped()) return false;
    items_.push_back(std::move(item));
    arrival_.notify_one();
    return true;
  }
  // Producer, last: no more items. `outcome` is how it ended, `thrown` what it threw (null when
  // it threw nothing).
  void Finish(core::Status outcome, std::exception_ptr thrown) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    outcome_ = std::move(outcome);
    thrown_ = std::move(thrown);
    arrival_.notify_one();
  }
  // Producer: whether the consumer has stopped, cheap enough to ask per chunk of input.
  bool stopped() const { return stopped_.load(std::memory_order_relaxed); }

  // Consumer: the next item, waiting for it; nullopt once the producer finished and all was taken.
  std::optional<Item> Pop() {
    std::unique_lock lock(mutex_);
    arrival_.wait(lock, [&] { return finished_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    Item item = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return item;
  }
  // Consumer, after Pop gave nullopt: how the producer ended, as given to Finish; what it threw is
  // rethrown here, on the consumer's thread.
  core::Status TakeOutcome() {
    std::exception_ptr thrown;
    core::Status outcome;
    {
      std::lock_guard lock(mutex_);
      thrown = thrown_;
      outcome = std::move(outcome_);
    }
    if (thrown) std::rethrow_exception(thrown);
    return outcome;
  }
  // Consumer: it wants no more items; wakes a producer waiting to push. Waiting items are dropped.
  void Stop() {
    std::deque<Item> dropped;  // freed outside the lock
    {
      std::lock_guard lock(mutex_);
      stopped_.store(true, std::memory_order_relaxed);
      dropped.swap(items_);
    }
    room_.notify_one();
  }

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable room_;     // an item was taken, or the consumer stopped
  std::condition_variable arrival_;  // an item was pushed, or the producer finished
  std::deque<Item> items_;
  bool finished_ = false;
  std::atomic<bool> stopped_{false};
  core::Status outcome_;
  std::exception_ptr thrown_;
};

}  // namespace sanpi::excel
