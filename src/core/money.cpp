#include "core/money.hpp"

#include <limits>

namespace sanpi::core {
namespace {

std::string FormatScaled(Yuan yuan, Yuan unit, int decimals) {
  bool negative = yuan < 0;
  unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(yuan) : static_cast<unsigned long long>(yuan);
  unsigned long long scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  // value * scale / unit, rounded half away from zero, in 128-bit to avoid overflow.
  unsigned __int128 scaled = static_cast<unsigned __int128>(magnitude) * scale;
  unsigned __int128 rounded = (scaled + static_cast<unsigned long long>(unit) / 2) / static_cast<unsigned long long>(unit);
  unsigned long long whole = static_cast<unsigned long long>(rounded / scale);
  unsigned long long fraction = static_cast<unsigned long long>(rounded % scale);
  std::string out = negative && rounded != 0 ? "-" : "";
  out += std::to_string(whole);
  if (decimals > 0) {
    std::string digits = std::to_string(fraction);
    out += '.' + std::string(static_cast<size_t>(decimals) - digits.size(), '0') + digits;
  }
  return out;
}

}  // namespace

std::optional<Yuan> ParseWan(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  unsigned __int128 yuan = 0;
  size_t integer_digits = 0, fraction_digits = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (seen_point) {
      if (++fraction_digits > 4) return std::nullopt;
    } else {
      ++integer_digits;
    }
    yuan = yuan * 10 + static_cast<unsigned>(c - '0');
    if (yuan > static_cast<unsigned __int128>(std::numeric_limits<Yuan>::max())) return std::nullopt;
  }
  if (integer_digits == 0 && fraction_digits == 0) return std::nullopt;
  for (size_t k = fraction_digits; k < 4; ++k) {
    yuan *= 10;
    if (yuan > static_cast<unsigned __int128>(std::numeric_limits<Yuan>::max())) return std::nullopt;
  }
  auto value = static_cast<Yuan>(yuan);
  return negative ? -value : value;
}

std::string FormatWan(Yuan yuan, int decimals) { return FormatScaled(yuan, kYuanPerWan, decimals); }
std::string FormatYi(Yuan yuan, int decimals) { return FormatScaled(yuan, kYuanPerYi, decimals); }

}  // namespace sanpi::core
