#include "excel/cell.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

#include "excel/limits.hpp"

namespace sanpi::excel {
namespace {

// Excel displays and stores at most 15 significant decimal digits.
constexpr int kSignificantDigits = 15;

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;  // clang 14 does not deduce aggregate templates by itself

std::string_view TrimSpaces(std::string_view text) {
  // ASCII blanks plus the ideographic space U+3000 that Chinese input methods type.
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (bool changed = true; changed;) {
    changed = false;
    while (!text.empty() &&
           (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n')) {
      text.remove_prefix(1), changed = true;
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
      text.remove_suffix(1), changed = true;
    }
    if (text.starts_with(kIdeographicSpace)) text.remove_prefix(kIdeographicSpace.size()), changed = true;
    if (text.ends_with(kIdeographicSpace)) text.remove_suffix(kIdeographicSpace.size()), changed = true;
  }
  return text;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Integer digits with optional thousands commas: "1,234,567" or "1234567" (not "12,34").
std::optional<std::string> IntegerDigits(std::string_view text) {
  std::string digits;
  std::size_t group_start = 0;
  bool first_group = true;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',') {
      if (!IsDigit(text[i])) return std::nullopt;
      digits.push_back(text[i]);
      continue;
    }
    std::size_t group = i - group_start;
    bool has_commas = text.find(',') != std::string_view::npos;
    if (has_commas && (first_group ? (group < 1 || group > 3) : group != 3)) return std::nullopt;
    first_group = false;
    group_start = i + 1;
  }
  if (digits.empty()) return std::nullopt;
  return digits;
}

std::optional<std::string> NormaliseNumberText(std::string_view text) {
  text = TrimSpaces(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  std::string_view integer = text, fraction;
  bool has_point = false;
  if (auto point = text.find('.'); point != std::string_view::npos) {
    integer = text.substr(0, point);
    fraction = text.substr(point + 1);
    has_point = true;
  }
  std::string digits;
  if (!integer.empty()) {
    auto parsed = IntegerDigits(integer);
    if (!parsed) return std::nullopt;
    digits = std::move(*parsed);
  }
  for (char c : fraction) {
    if (!IsDigit(c)) return std::nullopt;
  }
  if (digits.empty() && fraction.empty()) return std::nullopt;
  if (has_point && fraction.empty() && digits.empty()) return std::nullopt;
  // Canonical form: no leading zeros, no trailing fractional zeros, no lone point.
  std::size_t first = digits.find_first_not_of('0');
  digits = first == std::string::npos ? "0" : digits.substr(first);
  std::string_view kept = fraction.substr(0, fraction.find_last_not_of('0') + 1);
  if (fraction.find_last_not_of('0') == std::string_view::npos) kept = {};
  std::string out = digits;
  if (!kept.empty()) out += "." + std::string(kept);
  if (negative && out != "0") out.insert(out.begin(), '-');
  return out;
}

}  // namespace

std::string FormatDecimal(double number) {
  if (!std::isfinite(number)) return "";
  if (number == 0) return "0";
  char buffer[400];
  auto rounded =
      std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::scientific, kSignificantDigits - 1);
  double value = 0;
  std::from_chars(buffer, rounded.ptr, value);
  auto printed = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (printed.ec != std::errc{}) return "";
  return std::string(buffer, printed.ptr);
}

std::string AsText(const CellValue& value) {
  return std::visit(Overloaded{
                        [](std::monostate) { return std::string(); },
                        [](const std::string& text) { return text; },
                        [](double number) { return FormatDecimal(number); },
                        [](bool flag) { return std::string(flag ? "TRUE" : "FALSE"); },
                        [](const core::Date& date) { return date.ToString(); },
                        [](const CellError& error) { return error.code; },
                    },
                    value);
}

std::optional<std::string> AsDecimalString(const CellValue& value) {
  if (const double* number = std::get_if<double>(&value)) {
    std::string text = FormatDecimal(*number);
    if (text.empty()) return std::nullopt;
    return text;
  }
  if (const std::string* text = std::get_if<std::string>(&value)) return NormaliseNumberText(*text);
  return std::nullopt;
}

std::optional<core::Date> AsDate(const CellValue& value) {
  if (const core::Date* date = std::get_if<core::Date>(&value)) return *date;
  return std::nullopt;
}

std::string ColumnLetters(std::uint32_t column) {
  std::string letters;
  while (column > 0) {
    --column;
    letters.insert(letters.begin(), static_cast<char>('A' + column % 26));
    column /= 26;
  }
  return letters;
}

std::optional<CellPosition> ParseCellReference(std::string_view reference) {
  std::size_t i = 0;
  std::uint64_t column = 0, row = 0;
  if (i < reference.size() && reference[i] == '$') ++i;
  std::size_t letters_start = i;
  for (; i < reference.size() && i - letters_start < 4; ++i) {
    char c = reference[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::uint64_t>(c - 'A' + 1);
  }
  if (i == letters_start) return std::nullopt;
  if (i < reference.size() && reference[i] == '$') ++i;
  std::size_t digits_start = i;
  for (; i < reference.size() && i - digits_start < 8; ++i) {
    if (!IsDigit(reference[i])) return std::nullopt;
    row = row * 10 + static_cast<std::uint64_t>(reference[i] - '0');
  }
  if (i != reference.size() || i == digits_start) return std::nullopt;
  if (column < 1 || column > kMaxColumnNumber || row < 1 || row > kMaxRowNumber) return std::nullopt;
  return CellPosition{static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(column)};
}

std::string CellLocation::Reference() const { return ColumnLetters(column) + std::to_string(row); }

std::string CellLocation::ToString() const { return sheet + "!" + Reference(); }

core::Text CellLocation::Describe() const {
  std::string row_text = std::to_string(row), letters = ColumnLetters(column);
  return {"工作表“" + sheet + "”第 " + row_text + " 行 " + letters + " 列",
          "sheet “" + sheet + "”, row " + row_text + ", column " + letters};
}

}  // namespace sanpi::excel
