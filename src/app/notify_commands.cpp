// sanpi notify: the webhook outbox worker on its own — one round of what is due (--once, printing the counts), or
// rounds every --period seconds until SIGINT / SIGTERM, the same worker `sanpi serve` runs in a thread.
#include <csignal>
#include <ctime>
#include <iostream>

#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "notify/delivery_scheduler.hpp"
#include "notify/delivery_worker.hpp"

namespace sanpi::app {

int RunNotify(const NotifyOptions& options) {
  auto db = OpenOrSay(options.db);
  if (!db) return 1;
  notify::DeliveryOptions delivery;
  const notify::Sender send = notify::WebhookSender(delivery.timeout, notify::ParseWebhookReach(options.webhook_reach));
  if (options.once) {
    try {
      const auto counts = notify::DeliverDue(*db, send, delivery, std::time(nullptr));
      std::cout << "delivered\t" << counts.delivered << "\nto retry\t" << counts.retried << "\ndead\t" << counts.dead
                << "\n";
    } catch (const std::exception& error) {
      return Fail(core::Status::Internal({"发送失败", std::string("delivery failed: ") + error.what()}));
    }
    return 0;
  }
  // The signals are taken by sigwait here, not by a handler, so the worker thread is stopped cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  notify::DeliverySchedule schedule;
  schedule.period = std::chrono::seconds(options.period_seconds);
  schedule.options = delivery;
  schedule.log = [](const std::string& line) { std::cout << line << std::endl; };
  notify::DeliveryScheduler worker(*db, schedule, send);
  int received = 0;
  sigwait(&signals, &received);
  worker.Stop();
  std::cout << "stopped\n";
  return 0;
}

}  // namespace sanpi::app
