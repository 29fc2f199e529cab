#pragma once
// A part inflated on a thread of its own, a few chunks ahead of whoever parses it: inflating is
// about a fifth of reading a large sheet or shared-string table, and this way it runs beside the
// parse instead of between its steps. Internal to src/excel.
#include <memory>

#include "excel/byte_source.hpp"

namespace sanpi::excel {

class ReadAheadSource final : public ByteSource {
 public:
  // Starts inflating `part`, which only the new thread touches from now on and must outlive this.
  // Null when no thread can be started (a process at its thread limit): read `part` itself then.
  static std::unique_ptr<ReadAheadSource> Start(ByteSource& part);
  // Stops and joins the inflating thread, wherever it is.
  ~ReadAheadSource() override;

  // The part's bytes in order, then 0 at its end; the part's own Status (corrupt data, zip bomb …)
  // once the bytes before it have been read, as reading the part directly would give it. Not
  // thread-safe: one reader.
  core::Result<std::size_t> Read(char* out, std::size_t capacity) override;

 private:
  struct State;
  explicit ReadAheadSource(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace sanpi::excel
