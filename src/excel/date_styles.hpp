#pragma once
// Which cell styles show a number as a date. An .xlsx stores a date as a plain serial number; only
// the cell's style (s="…" → styles.xml cellXfs → numFmtId) says it is a date. Internal to src/excel.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace pugi {
class xml_document;
}

namespace sanpi::excel {

class ZipArchive;

// True for a number-format code that formats dates or times: it holds y, m, d, h or s outside
// quoted text, escapes, [colour]/[$-locale] brackets and fill/padding characters
// ("yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d", "mm:ss" yes; "#,##0.00\"元\"", "General" no).
bool IsDateFormatCode(std::string_view code);

// True for the built-in number formats that are dates or times: 14–22 and 45–47 everywhere, and
// 27–36 and 50–58, the date formats built into Chinese (and other East Asian) Excel.
bool IsBuiltInDateFormat(std::uint32_t format_id);

class DateStyles {
 public:
  // No styles part: no cell is a date.
  DateStyles() = default;
  // Reads styles.xml (numFmts and cellXfs). Malformed / TooLarge on a bad or oversized part.
  static core::Result<DateStyles> Parse(const pugi::xml_document& styles);
  static core::Result<DateStyles> Load(ZipArchive& archive, std::string_view part);

  // Whether style index `style` (the cell's s attribute) formats its number as a date.
  bool IsDate(std::uint32_t style) const { return style < is_date_.size() && is_date_[style]; }

 private:
  std::vector<bool> is_date_;
};

}  // namespace sanpi::excel
