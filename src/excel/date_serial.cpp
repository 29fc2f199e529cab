#include "excel/date_serial.hpp"

#include <cmath>

namespace sanpi::excel {
namespace {

constexpr double kMillisecondsPerDay = 86'400'000.0;
constexpr long kSerialOf1970 = 25'569;       // 1970-01-01 in the 1900 system
constexpr long kSerialOf1904In1900 = 1'462;  // 1904-01-01 in the 1900 system
constexpr long kLastSerial = 2'958'465;      // 9999-12-31 in the 1900 system
constexpr long kFictitiousLeapDay = 60;      // 1900-02-29, which never was

}  // namespace

std::optional<core::Date> SerialToDate(double serial, DateSystem system) {
  if (!std::isfinite(serial) || serial < 0 || serial > kLastSerial + 1) return std::nullopt;
  // Round to the millisecond first so 45000.9999999999 (a time of 23:59:59.99999) stays on its day
  // the way Excel shows it.
  double rounded = std::round(serial * kMillisecondsPerDay) / kMillisecondsPerDay;
  auto day = static_cast<long>(std::floor(rounded));
  long serial_1900 = day;
  if (system == DateSystem::k1904) {
    serial_1900 = day + kSerialOf1904In1900;
  } else {
    if (day == 0 || day == kFictitiousLeapDay) return std::nullopt;
    if (day < kFictitiousLeapDay) serial_1900 = day + 1;  // before the fictitious day: no shift
  }
  if (serial_1900 > kLastSerial) return std::nullopt;
  return core::Date::FromDays(static_cast<int>(serial_1900 - kSerialOf1970));
}

}  // namespace sanpi::excel
