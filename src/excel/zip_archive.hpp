#pragma once
// Read access to the parts of a zip archive held in memory, with the zip-bomb defences: declared
// sizes, actual sizes, the compression ratio and the total decompressed are all capped (limits.hpp).
// Internal to src/excel; libzip stays in the .cpp.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.hpp"
#include "excel/byte_source.hpp"

struct zip;  // libzip's zip_t

namespace sanpi::excel {

class ZipArchive {
 public:
  // Opens an archive from its bytes (taken over). A Status when it is not a zip, is truncated or
  // an entry's declared sizes break a limit.
  static core::Result<ZipArchive> Open(std::string bytes);

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  // Part names are matched case-insensitively, as OPC wants; a leading "/" is ignored.
  bool Has(std::string_view part) const;
  // The whole part, refused above `max_bytes`; NotFound when absent.
  core::Result<std::string> ReadWhole(std::string_view part, std::uint64_t max_bytes);
  // The part as a stream; the archive must outlive it. NotFound when absent.
  core::Result<std::unique_ptr<ByteSource>> Stream(std::string_view part);

 private:
  struct State;
  explicit ZipArchive(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace sanpi::excel
