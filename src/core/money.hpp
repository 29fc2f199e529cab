#pragma once
// Money is whole yuan in int64. People read and type it in 万元 (10^4 yuan) or 亿元 (10^8 yuan);
// conversions are decimal and exact, never through floating point.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sanpi::core {

using Yuan = std::int64_t;

inline constexpr Yuan kYuanPerWan = 10'000;
inline constexpr Yuan kYuanPerYi = 100'000'000;

// "1234.5678" 万元 → 12345678 yuan. Accepts an optional sign and at most four decimals
// (a 万元 figure with more decimals would be a fraction of a yuan). nullopt when malformed or too large.
std::optional<Yuan> ParseWan(std::string_view text);
// 12345678 → "1234.57" (万元, two decimals, rounded half away from zero).
std::string FormatWan(Yuan yuan, int decimals = 2);
// 46475000000 → "464.75" (亿元).
std::string FormatYi(Yuan yuan, int decimals = 2);

}  // namespace sanpi::core
