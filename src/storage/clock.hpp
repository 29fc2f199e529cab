#pragma once
// Timestamps as storage keeps them: local time of the zone (Asia/Shanghai, UTC+8),
// "YYYY-MM-DD HH:MM:SS", which sorts and compares as text in both backends.
#include <string>

namespace sanpi::storage {

std::string NowLocal();
// The timestamp `seconds` from now (negative for the past).
std::string LocalAfter(long long seconds);

}  // namespace sanpi::storage
