#pragma once
// What a spreadsheet cell holds once read, and the conversions the importers need. Nothing here
// depends on the zip or XML libraries: callers include this and workbook.hpp only.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/date.hpp"
#include "core/text.hpp"

namespace sanpi::excel {

// An error value a formula left in the cell (#N/A, #DIV/0!, #REF! …), as Excel spells it.
struct CellError {
  std::string code;
  bool operator==(const CellError&) const = default;
};

// Empty, text, number, boolean, date (a number whose cell style is a date format) or error.
using CellValue = std::variant<std::monostate, std::string, double, bool, core::Date, CellError>;

// One present cell of a row; `column` is 1-based (A = 1).
struct Cell {
  std::uint32_t column = 0;
  CellValue value;
};

// The text a person would type to reproduce the value: numbers via FormatDecimal, dates as
// YYYY-MM-DD, booleans as TRUE/FALSE, errors by their code, empty as "".
std::string AsText(const CellValue& value);

// The value as a plain decimal string ("-1234.5"), without floating-point drift: numbers go
// through FormatDecimal; text is accepted when it is a number typed as text (spaces around it,
// a leading + or -, thousands commas in groups of three) and returned normalised. nullopt for
// anything else, including dates and booleans.
std::optional<std::string> AsDecimalString(const CellValue& value);

// The date of a date cell; nullopt otherwise (a bare number is not taken for a date, and text
// dates are the importer's business).
std::optional<core::Date> AsDate(const CellValue& value);

// A double as the decimal a person typed. Excel keeps 15 significant digits, so the value is
// first rounded to 15 significant digits and then printed in the shortest fixed notation that
// reads back as that rounded double: 791820.8100000001 → "791820.81", 0.1 + 0.2 → "0.3",
// 1e20 → "100000000000000000000", -0.0 → "0". NaN and infinities give "".
std::string FormatDecimal(double number);

// Column number (1-based) as letters: 1 → "A", 27 → "AA", 16384 → "XFD".
std::string ColumnLetters(std::uint32_t column);

// A cell reference such as "C7" → {row 7, column 3}; nullopt when malformed or outside the grid.
struct CellPosition {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  bool operator==(const CellPosition&) const = default;
};
std::optional<CellPosition> ParseCellReference(std::string_view reference);

// Where a cell is, the way the user sees it: sheet name, row number, column letters.
struct CellLocation {
  std::string sheet;
  std::uint32_t row = 0;
  std::uint32_t column = 0;

  std::string Reference() const;  // "C7"
  std::string ToString() const;   // "台账!C7"
  // "工作表“台账”第 7 行 C 列" / "sheet “台账”, row 7, column C", for messages.
  core::Text Describe() const;
};

}  // namespace sanpi::excel
