#pragma once
// The workbook's shared string table (xl/sharedStrings.xml): cells of type "s" hold an index into
// it. Rich-text runs are joined into plain text; phonetic guides (rPh) are left out. Streamed, so
// a large table costs its text, not a DOM. Internal to src/excel.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "excel/byte_source.hpp"

namespace sanpi::excel {

class ZipArchive;

class SharedStrings {
 public:
  SharedStrings() = default;
  // TooLarge over kMaxSharedStrings / kMaxSharedStringBytes / kMaxCellTextBytes; Malformed on bad XML.
  static core::Result<SharedStrings> Parse(ByteSource& source, std::string_view part);
  static core::Result<SharedStrings> Load(ZipArchive& archive, std::string_view part);

  std::size_t size() const { return strings_.size(); }
  // nullptr when `index` is out of range.
  const std::string* Find(std::size_t index) const { return index < strings_.size() ? &strings_[index] : nullptr; }

 private:
  std::vector<std::string> strings_;
};

}  // namespace sanpi::excel
