#include "core/validation.hpp"

#include <string>

namespace sanpi::core {

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

bool IsCodeText(std::string_view text) {
  for (char c : text) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

long Utf8Length(std::string_view text) {
  long count = 0;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    size_t width = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    if (width == 0 || i + width > text.size()) return -1;
    for (size_t k = 1; k < width; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return -1;
    i += width;
    ++count;
  }
  return count;
}

bool IsPhone(std::string_view text) {
  if (text.size() == 11 && text[0] == '1' && IsDigits(text)) return true;
  size_t dash = text.find('-');
  if (dash == std::string_view::npos) return false;
  std::string_view area = text.substr(0, dash), local = text.substr(dash + 1);
  return area.size() >= 3 && area.size() <= 4 && area[0] == '0' && IsDigits(area) && local.size() >= 7 &&
         local.size() <= 8 && IsDigits(local);
}

void CheckName(FieldErrors& errors, std::string_view field, std::string_view value, long max_chars) {
  long length = Utf8Length(value);
  bool blank = value.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (length < 0) {
    errors.Add(std::string(field), {"不是有效的UTF-8文本", "not valid UTF-8 text"});
  } else if (blank) {
    errors.Add(std::string(field), {"不能为空", "must not be empty"});
  } else if (length > max_chars) {
    errors.Add(std::string(field), {"不能超过" + std::to_string(max_chars) + "个字",
                                    "must be at most " + std::to_string(max_chars) + " characters"});
  }
}

void CheckOptionalText(FieldErrors& errors, std::string_view field, std::string_view value, long max_chars) {
  if (value.empty()) return;
  long length = Utf8Length(value);
  if (length < 0) {
    errors.Add(std::string(field), {"不是有效的UTF-8文本", "not valid UTF-8 text"});
  } else if (length > max_chars) {
    errors.Add(std::string(field), {"不能超过" + std::to_string(max_chars) + "个字",
                                    "must be at most " + std::to_string(max_chars) + " characters"});
  }
}

}  // namespace sanpi::core
