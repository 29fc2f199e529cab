#include "core/sheet_values.hpp"

#include <charconv>

namespace sanpi::core {
namespace {

// Reads 1–max_digits ASCII digits at `at`, advancing it.
std::optional<int> Digits(std::string_view text, size_t& at, size_t max_digits) {
  size_t start = at;
  int value = 0;
  while (at < text.size() && at - start < max_digits && text[at] >= '0' && text[at] <= '9') {
    value = value * 10 + (text[at] - '0');
    ++at;
  }
  if (at == start) return std::nullopt;
  return value;
}

bool Eat(std::string_view text, size_t& at, std::string_view token) {
  if (text.substr(at, token.size()) != token) return false;
  at += token.size();
  return true;
}

std::optional<Date> Build(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return Date::Parse(buffer);
}

}  // namespace

std::string TrimCellText(std::string_view text) {
  auto space_at_front = [&](size_t& at) {
    if (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) return ++at, true;
    if (text.substr(at, 3) == "\u3000") return at += 3, true;
    return false;
  };
  size_t begin = 0;
  while (space_at_front(begin)) {
  }
  size_t end = text.size();
  while (end > begin) {
    char c = text[end - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      --end;
    } else if (end - begin >= 3 && text.substr(end - 3, 3) == "\u3000") {
      end -= 3;
    } else {
      break;
    }
  }
  return std::string(text.substr(begin, end - begin));
}

std::optional<Date> ParseTextDate(std::string_view raw) {
  std::string text = TrimCellText(raw);
  size_t at = 0;
  auto year = Digits(text, at, 4);
  if (!year || at != 4) return std::nullopt;
  bool chinese = false;
  if (Eat(text, at, "年")) {
    chinese = true;
  } else if (!(Eat(text, at, "-") || Eat(text, at, "/") || Eat(text, at, "."))) {
    return std::nullopt;
  }
  char separator = chinese ? '\0' : text[at - 1];
  auto month = Digits(text, at, 2);
  if (!month) return std::nullopt;
  if (chinese ? !Eat(text, at, "月") : !(at < text.size() && text[at++] == separator)) return std::nullopt;
  auto day = Digits(text, at, 2);
  if (!day) return std::nullopt;
  if (chinese && !Eat(text, at, "日")) Eat(text, at, "号");
  if (at != text.size()) return std::nullopt;
  return Build(*year, *month, *day);
}

std::optional<Date> CellDate(const SheetCell& cell) {
  if (cell.date) return cell.date;
  if (cell.numeric) return std::nullopt;
  return ParseTextDate(cell.text);
}

std::optional<bool> ParseYesNo(std::string_view raw) {
  std::string text = TrimCellText(raw);
  for (std::string_view yes : {"是", "Y", "y", "YES", "Yes", "yes", "TRUE", "true", "1"})
    if (text == yes) return true;
  for (std::string_view no : {"否", "N", "n", "NO", "No", "no", "FALSE", "false", "0"})
    if (text == no) return false;
  return std::nullopt;
}

std::string_view YesNo(bool value) { return value ? "是" : "否"; }

std::optional<long long> ParseWholeNumber(std::string_view raw) {
  std::string text = TrimCellText(raw);
  if (auto point = text.find('.'); point != std::string::npos) {
    if (text.find_first_not_of('0', point + 1) != std::string::npos) return std::nullopt;
    text.erase(point);
  }
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<Yuan> ParseWanCell(std::string_view raw) {
  std::string text = TrimCellText(raw);
  // Thousands commas must group three digits: "1,234.5" yes, "12,34" no.
  if (text.find(',') != std::string::npos) {
    std::string plain;
    size_t point = text.find('.');
    size_t integer_end = point == std::string::npos ? text.size() : point;
    size_t digits_since_comma = 0;
    bool seen_comma = false;
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == ',') {
        if (i >= integer_end || (seen_comma && digits_since_comma != 3) || digits_since_comma == 0) return std::nullopt;
        seen_comma = true;
        digits_since_comma = 0;
        continue;
      }
      if (i < integer_end && c >= '0' && c <= '9') ++digits_since_comma;
      plain += c;
    }
    if (digits_since_comma != 3) return std::nullopt;
    text = plain;
  }
  return ParseWan(text);
}

}  // namespace sanpi::core
