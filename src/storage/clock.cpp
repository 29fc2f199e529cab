#include "storage/clock.hpp"

#include <chrono>
#include <cstdio>

namespace sanpi::storage {

std::string LocalAfter(long long seconds) {
  using namespace std::chrono;
  auto local = floor<std::chrono::seconds>(system_clock::now()) + hours{8} + std::chrono::seconds{seconds};
  auto day = floor<days>(local);
  year_month_day ymd{day};
  hh_mm_ss time{local - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u %02ld:%02ld:%02lld", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long long>(time.seconds().count()));
  return buffer;
}

std::string NowLocal() { return LocalAfter(0); }

}  // namespace sanpi::storage
