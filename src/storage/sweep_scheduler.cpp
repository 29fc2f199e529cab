#include "storage/sweep_scheduler.hpp"

#include <exception>

#include "core/date.hpp"
#include "storage/warning_sweep.hpp"

namespace sanpi::storage {
namespace {

constexpr std::chrono::hours kShanghaiOffset{8};  // UTC+8, no daylight saving

std::string Describe(const std::string& region, const SweepCounts& c) {
  return "warning sweep " + region + ": " + std::to_string(c.projects) + " projects, opened " +
         std::to_string(c.opened) + ", escalated " + std::to_string(c.escalated) + ", de-escalated " +
         std::to_string(c.de_escalated) + ", closed " + std::to_string(c.closed) + ", orders issued " +
         std::to_string(c.orders_issued) + ", orders overdue " + std::to_string(c.orders_overdue) + ", open " +
         std::to_string(c.open);
}

}  // namespace

SweepScheduler::SweepScheduler(Database& db, SweepSchedule schedule)
    : db_(db), schedule_(std::move(schedule)), thread_([this] { Run(); }) {}

SweepScheduler::~SweepScheduler() { Stop(); }

void SweepScheduler::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SweepScheduler::Request(const std::string& region) {
  {
    std::lock_guard lock(mutex_);
    requested_.insert(region);
  }
  wake_.notify_all();
}

std::int64_t SweepScheduler::rounds() const {
  std::lock_guard lock(mutex_);
  return rounds_;
}

std::chrono::system_clock::time_point SweepScheduler::NextDailyRun(std::chrono::system_clock::time_point now,
                                                                   std::chrono::seconds after_midnight) {
  using namespace std::chrono;
  const auto local_midnight = floor<days>(now + kShanghaiOffset);
  auto next = local_midnight + after_midnight - kShanghaiOffset;
  if (next <= now) next += days{1};
  return time_point_cast<system_clock::duration>(next);
}

void SweepScheduler::Run() {
  bool first = true;
  for (;;) {
    if (!first || !schedule_.run_at_start) {
      const auto now = std::chrono::system_clock::now();
      const auto next = schedule_.period.count() > 0 ? now + schedule_.period
                                                     : NextDailyRun(now, schedule_.after_midnight);
      bool due = false;
      while (!due) {
        std::unique_lock lock(mutex_);
        due = !wake_.wait_until(lock, next, [this] { return stopping_ || !requested_.empty(); });
        if (stopping_) return;
        if (!due) {
          lock.unlock();
          SweepRequested();
        }
      }
    }
    first = false;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    SweepAll();
    std::lock_guard lock(mutex_);
    ++rounds_;
  }
}

void SweepScheduler::SweepRegion(const std::string& region, core::Date today) {
  auto counts = Sweep(db_, region, today);
  if (schedule_.log)
    schedule_.log(counts.ok() ? Describe(region, *counts) : "warning sweep " + region + " failed: " + counts.status().ToString());
}

void SweepScheduler::SweepAll() {
  try {
    const core::Date today = core::Date::Today();
    for (const std::string& region : RegionsToSweep(db_)) {
      {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        requested_.erase(region);  // swept now
      }
      SweepRegion(region, today);
    }
  } catch (const std::exception& error) {  // a lost database must not take the server down; the next round retries
    if (schedule_.log) schedule_.log(std::string("warning sweep failed: ") + error.what());
  }
}

void SweepScheduler::SweepRequested() {
  std::set<std::string> regions;
  {
    std::lock_guard lock(mutex_);
    regions.swap(requested_);
  }
  try {
    for (const std::string& region : regions) SweepRegion(region, core::Date::Today());
  } catch (const std::exception& error) {
    if (schedule_.log) schedule_.log(std::string("warning sweep failed: ") + error.what());
  }
}

}  // namespace sanpi::storage
