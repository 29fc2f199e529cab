#pragma once
// Excel date serial numbers → calendar dates. Standard library only.
#include <optional>

#include "core/date.hpp"

namespace sanpi::excel {

// The workbook's epoch (workbook.xml <workbookPr date1904="1"/>): serial 1 is 1900-01-01 in the
// 1900 system, serial 0 is 1904-01-01 in the 1904 system (old Mac workbooks).
enum class DateSystem { k1900, k1904 };

// The date of a serial number; the time of day is dropped (after rounding to the millisecond,
// as Excel displays it). The 1900 system keeps Lotus 1-2-3's bug: serial 60 is the nonexistent
// 1900-02-29, so serials from 61 on are one day ahead of a plain count; serial 60 and serial 0
// ("1900-01-00") name no real date and give nullopt, as do negatives and dates after 9999-12-31.
std::optional<core::Date> SerialToDate(double serial, DateSystem system);

}  // namespace sanpi::excel
