#pragma once
// What people type into ledger cells, read strictly: dates in the forms Chinese offices write them,
// 是/否, whole numbers, and 万元 amounts converted to whole yuan without floating point.
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"

namespace sanpi::core {

// A cell as the spreadsheet adapter hands it over, free of any spreadsheet library type: the text a
// person would type (numbers as exact decimals, dates as YYYY-MM-DD) and, for a cell the file
// itself stores as a date, that date.
struct SheetCell {
  std::string text;
  std::optional<Date> date;
  bool numeric = false;  // the file stores a number (not text)

  bool blank() const { return text.empty() && !date; }
};

// Strips ASCII and full-width spaces at both ends.
std::string TrimCellText(std::string_view text);

// YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日 (one- or two-digit month and day); nullopt when the
// text is none of these or not a real calendar date (2023-02-30).
std::optional<Date> ParseTextDate(std::string_view text);
// A date cell's date, else its text per ParseTextDate. A bare number is not taken for a date.
std::optional<Date> CellDate(const SheetCell& cell);

// 是 / 否 (also Y/N, TRUE/FALSE, 1/0 as spreadsheets store booleans).
std::optional<bool> ParseYesNo(std::string_view text);
// "是" / "否".
std::string_view YesNo(bool value);

// A whole number typed as text or stored as a number ("7", "7.0"); nullopt otherwise.
std::optional<long long> ParseWholeNumber(std::string_view text);

// 万元 → whole yuan, exact: "12345.67" → 123456700; thousands commas ("1,234.5") allowed. At most
// four decimals, since a fifth would be a fraction of a yuan — such a figure is refused, not rounded.
std::optional<Yuan> ParseWanCell(std::string_view text);

}  // namespace sanpi::core
