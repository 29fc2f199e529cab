#pragma once
// A stream of bytes read in chunks: how the streaming XML parser pulls a decompressed part
// without holding all of it. Internal to src/excel.
#include <cstddef>
#include <cstring>
#include <string_view>

#include "core/status.hpp"

namespace sanpi::excel {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to `capacity` bytes into `out`; 0 means the end. A Status when the bytes are bad
  // (corrupt archive, over a limit). Not thread-safe.
  virtual core::Result<std::size_t> Read(char* out, std::size_t capacity) = 0;
};

// Bytes already in memory (tests, small parts).
class StringByteSource final : public ByteSource {
 public:
  explicit StringByteSource(std::string_view bytes) : bytes_(bytes) {}
  core::Result<std::size_t> Read(char* out, std::size_t capacity) override {
    std::size_t count = bytes_.size() < capacity ? bytes_.size() : capacity;
    if (count > 0) std::memcpy(out, bytes_.data(), count);
    bytes_.remove_prefix(count);
    return count;
  }

 private:
  std::string_view bytes_;
};

}  // namespace sanpi::excel
