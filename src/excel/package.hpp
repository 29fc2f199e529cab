#pragma once
// Where things are inside the .xlsx package: the workbook part (from _rels/.rels), its sheets in
// tab order with the parts the workbook's relationships point to, the shared strings and styles
// parts, and the date system. Internal to src/excel.
#include <string>
#include <vector>

#include "core/status.hpp"
#include "excel/date_serial.hpp"

namespace sanpi::excel {

class ZipArchive;

struct SheetPart {
  std::string name;
  std::string part;  // e.g. "xl/worksheets/sheet1.xml"
  bool hidden = false;
};

struct PackageLayout {
  std::string workbook;        // e.g. "xl/workbook.xml"
  std::string shared_strings;  // empty when the workbook has none
  std::string styles;          // empty when the workbook has none
  DateSystem date_system = DateSystem::k1900;
  std::vector<SheetPart> sheets;
};

// Malformed / NotFound (with a message saying it is not a readable workbook) when a required part
// is missing or broken; a sheet whose part is absent is an error too.
core::Result<PackageLayout> ReadPackageLayout(ZipArchive& archive);

// `target` of a relationship read from a part in `base_dir` ("xl/"), as a part name; empty when
// it climbs above the package root.
std::string ResolvePartName(std::string_view base_dir, std::string_view target);

}  // namespace sanpi::excel
