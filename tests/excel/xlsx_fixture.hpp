#pragma once
// Test helpers for the .xlsx reader: a private temp directory, reading files, and building zip
// archives part by part with libzip (so hostile packages can be shaped exactly). Header-only
// because tests/excel compiles only *_test.cpp files.
#include <zip.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

namespace sanpi::excel::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ =
        std::filesystem::temp_directory_path() / ("sanpi-excel-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void WriteFileBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

enum class Compression { kDeflate, kStore };

// Zips `parts` (name → bytes) into an archive and returns its bytes.
inline std::string BuildZip(const std::map<std::string, std::string>& parts,
                            Compression compression = Compression::kDeflate) {
  TempDir dir;
  std::string path = dir.File("archive.zip");
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open failed");
  for (const auto& [name, bytes] : parts) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    if (index < 0) throw std::runtime_error("zip_file_add failed");
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             compression == Compression::kStore ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  return ReadFileBytes(path);
}

inline std::uint32_t ReadU32(const std::string& bytes, std::size_t at) {
  std::uint32_t value;
  std::memcpy(&value, bytes.data() + at, 4);
  return value;
}
inline std::uint16_t ReadU16(const std::string& bytes, std::size_t at) {
  std::uint16_t value;
  std::memcpy(&value, bytes.data() + at, 2);
  return value;
}
inline void WriteU32(std::string& bytes, std::size_t at, std::uint32_t value) {
  std::memcpy(bytes.data() + at, &value, 4);
}

// Rewrites the uncompressed size that both the local header and the central directory declare
// for `part` — the lie a crafted zip bomb tells. Little-endian host assumed (x86-64, arm64).
inline void PatchDeclaredSize(std::string& zip, const std::string& part, std::uint32_t size) {
  for (std::size_t at = 0; at + 46 <= zip.size(); ++at) {
    std::uint32_t signature = ReadU32(zip, at);
    if (signature == 0x04034b50) {  // local file header: name at 30, size at 22
      std::uint16_t name_length = ReadU16(zip, at + 26);
      if (zip.compare(at + 30, name_length, part) == 0 && name_length == part.size()) WriteU32(zip, at + 22, size);
    } else if (signature == 0x02014b50) {  // central directory: name at 46, size at 24
      std::uint16_t name_length = ReadU16(zip, at + 28);
      if (zip.compare(at + 46, name_length, part) == 0 && name_length == part.size()) WriteU32(zip, at + 24, size);
    }
  }
}

inline const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)";

inline const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";

inline std::string WorkbookXml(const std::string& sheets_xml, bool date1904 = false) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)") +
         (date1904 ? R"(<workbookPr date1904="1"/>)" : "") + "<sheets>" + sheets_xml + "</sheets></workbook>";
}

inline std::string WorkbookRels(int sheet_count) {
  std::string rels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  for (int i = 1; i <= sheet_count; ++i) {
    rels += "<Relationship Id=\"rId" + std::to_string(i) +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet" +
            std::to_string(i) + ".xml\"/>";
  }
  rels +=
      R"(<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)";
  rels +=
      R"(<Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>)";
  return rels + "</Relationships>";
}

// Styles with cellXfs: 0 General, 1 built-in date 14, 2 custom "yyyy\"年\"m\"月\"d\"日\"", 3 "#,##0.00".
inline const char* kStylesXml =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00&quot;元&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>)";

inline std::string SheetXml(const std::string& sheet_data, const std::string& after = "") {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         sheet_data + "</sheetData>" + after + "</worksheet>";
}

inline std::string SharedStringsXml(const std::string& items) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
         items + "</sst>";
}

// The parts of a one-sheet workbook named "Sheet1"; tests replace or drop parts to break it.
inline std::map<std::string, std::string> OneSheetParts(const std::string& sheet_xml,
                                                        const std::string& shared_strings_xml = SharedStringsXml(""),
                                                        bool date1904 = false) {
  return {{"[Content_Types].xml", kContentTypes},
          {"_rels/.rels", kRootRels},
          {"xl/workbook.xml", WorkbookXml(R"(<sheet name="Sheet1" sheetId="1" r:id="rId1"/>)", date1904)},
          {"xl/_rels/workbook.xml.rels", WorkbookRels(1)},
          {"xl/styles.xml", kStylesXml},
          {"xl/sharedStrings.xml", shared_strings_xml},
          {"xl/worksheets/sheet1.xml", sheet_xml}};
}

}  // namespace sanpi::excel::testing
