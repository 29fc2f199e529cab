#include "excel/ooxml_text.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace sanpi::excel {
namespace {

constexpr std::size_t kEscapeLength = 7;  // _xHHHH_

std::optional<std::uint32_t> EscapeAt(std::string_view text, std::size_t at) {
  if (at + kEscapeLength > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') {
    return std::nullopt;
  }
  std::uint32_t unit = 0;
  for (std::size_t i = at + 2; i < at + 6; ++i) {
    char c = text[i];
    int digit;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    else
      return std::nullopt;
    unit = unit * 16 + static_cast<std::uint32_t>(digit);
  }
  return unit;
}

void AppendUtf8(std::uint32_t code, std::string& out) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

}  // namespace

void DecodeOoxmlEscapes(std::string& text) {
  if (text.find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto unit = EscapeAt(text, i);
    if (!unit) {
      out.push_back(text[i++]);
      continue;
    }
    std::uint32_t code = *unit;
    std::size_t consumed = kEscapeLength;
    if (code >= 0xD800 && code <= 0xDBFF) {  // a high surrogate wants its low half next
      auto low = EscapeAt(text, i + kEscapeLength);
      if (!low || *low < 0xDC00 || *low > 0xDFFF) {
        out.push_back(text[i++]);
        continue;
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (*low - 0xDC00);
      consumed += kEscapeLength;
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
      out.push_back(text[i++]);
      continue;
    }
    AppendUtf8(code, out);
    i += consumed;
  }
  text = std::move(out);
}

}  // namespace sanpi::excel
