#include "core/date.hpp"

#include <cstdio>

namespace sanpi::core {
namespace {
constexpr int kShanghaiUtcOffsetSeconds = 8 * 3600;

bool ParseDigits(std::string_view text, int& out) {
  if (text.empty()) return false;
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}
}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (!ParseDigits(text.substr(0, 4), year) || !ParseDigits(text.substr(5, 2), month) ||
      !ParseDigits(text.substr(8, 2), day)) {
    return std::nullopt;
  }
  Date date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (!date.ymd_.ok() || year < 1900) return std::nullopt;
  return date;
}

Date Date::Today() {
  using namespace std::chrono;
  auto local = system_clock::now() + seconds{kShanghaiUtcOffsetSeconds};
  return Date(year_month_day{floor<days>(local)});
}

Date Date::FromDays(int days_since_epoch) {
  return Date(std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days_since_epoch}}});
}

int Date::DaysSinceEpoch() const { return std::chrono::sys_days{ymd_}.time_since_epoch().count(); }

Date Date::AddDays(int days) const { return FromDays(DaysSinceEpoch() + days); }

Date Date::AddMonths(int months) const {
  using namespace std::chrono;
  year_month_day shifted = ymd_ + std::chrono::months{months};
  if (!shifted.ok()) shifted = year_month_day{year_month_day_last{shifted.year(), month_day_last{shifted.month()}}};
  return Date(shifted);
}

std::string Date::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
  return buffer;
}

int MonthsBetween(const Date& from, const Date& to) {
  int months = (to.year() - from.year()) * 12 + static_cast<int>(to.month()) - static_cast<int>(from.month());
  if (months > 0 && to.day() < from.day()) --months;
  if (months < 0 && to.day() > from.day()) ++months;
  return months;
}

}  // namespace sanpi::core
