// sanpi sweep: the early-warning sweep of one region (or every region with projects) as of a date, printing what
// changed — the same sweep `sanpi serve` runs after midnight.
#include <chrono>
#include <iostream>

#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "core/date.hpp"
#include "storage/warning_sweep.hpp"

namespace sanpi::app {

int RunSweep(const SweepOptions& options) {
  core::Date as_of = core::Date::Today();
  if (!options.as_of.empty()) {
    auto parsed = core::Date::Parse(options.as_of);
    if (!parsed) return Fail(core::Status::InvalidField("as-of", {"日期应为 YYYY-MM-DD", "the date must be YYYY-MM-DD"}));
    as_of = *parsed;
  }
  auto db = OpenOrSay(options.db);
  if (!db) return 1;
  const std::vector<std::string> regions =
      options.region.empty() ? storage::RegionsToSweep(*db) : std::vector<std::string>{options.region};
  for (const std::string& region : regions) {
    const auto start = std::chrono::steady_clock::now();
    auto counts = storage::Sweep(*db, region, as_of);
    if (!counts.ok()) return Fail(counts.status());
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    const auto& c = *counts;
    std::cout << "region " << region << " as of " << as_of.ToString() << ": " << c.projects << " projects, "
              << c.conditions << " conditions in " << millis << " ms\n"
              << "opened\t" << c.opened << "\nescalated\t" << c.escalated << "\nde-escalated\t" << c.de_escalated
              << "\nclosed\t" << c.closed << "\norders issued\t" << c.orders_issued << "\norders overdue\t"
              << c.orders_overdue << "\nupdated\t" << c.updated << "\nopen\t" << c.open << "\nseconds\tload " << c.stages.load << ", evaluate "
              << c.stages.evaluate << ", store " << c.stages.store << "\n";
  }
  return 0;
}

}  // namespace sanpi::app
