#pragma once
// Calendar dates in the zone's local time (Asia/Shanghai); a date has no time of day.
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace sanpi::core {

class Date {
 public:
  Date() = default;
  Date(int year, unsigned month, unsigned day) : ymd_(std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}) {}
  explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}

  // Parses YYYY-MM-DD; nullopt when the text is not a real calendar date.
  static std::optional<Date> Parse(std::string_view text);
  // Today in Asia/Shanghai (UTC+8, no daylight saving).
  static Date Today();
  static Date FromDays(int days_since_epoch);

  int year() const { return static_cast<int>(ymd_.year()); }
  unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
  unsigned day() const { return static_cast<unsigned>(ymd_.day()); }
  int DaysSinceEpoch() const;
  Date AddDays(int days) const;
  // Same day n months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
  Date AddMonths(int months) const;
  std::string ToString() const;  // YYYY-MM-DD

  // By year, month and day: a sweep compares dates millions of times, and counting days since 1970 for each
  // comparison was a tenth of it.
  std::strong_ordering operator<=>(const Date& other) const { return ymd_ <=> other.ymd_; }
  bool operator==(const Date& other) const { return ymd_ == other.ymd_; }

 private:
  std::chrono::year_month_day ymd_{std::chrono::year{1970}, std::chrono::January, std::chrono::day{1}};
};

// Whole months from `from` to `to` (counted by day of month, so Jan 15 → Mar 14 is 1).
int MonthsBetween(const Date& from, const Date& to);

}  // namespace sanpi::core
