#include "excel/read_ahead_source.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <system_error>
#include <thread>

#include "excel/bounded_queue.hpp"
#include "excel/limits.hpp"

namespace sanpi::excel {
namespace {

using ChunkQueue = BoundedQueue<std::string>;

// The inflating thread's work: the part in chunks into the queue, and how it ended last.
void Inflate(ByteSource& part, ChunkQueue& chunks) {
  core::Status outcome;
  std::exception_ptr thrown;
  try {
    while (true) {
      if (chunks.stopped()) {
        outcome = StoppedByConsumer();
        break;
      }
      std::string chunk(kReadAheadChunkBytes, '\0');
      auto count = part.Read(chunk.data(), chunk.size());
      if (!count.ok()) {
        outcome = count.status();
        break;
      }
      if (*count == 0) break;
      chunk.resize(*count);
      if (!chunks.Push(std::move(chunk))) break;
    }
  } catch (...) {
    thrown = std::current_exception();
  }
  chunks.Finish(std::move(outcome), std::move(thrown));
}

}  // namespace

struct ReadAheadSource::State {
  ChunkQueue chunks{kMaxReadAheadChunks};
  std::string current;  // the chunk being read out
  std::size_t offset = 0;
  bool ended = false;
  std::thread inflater;  // last: started once the queue exists
};

ReadAheadSource::ReadAheadSource(std::unique_ptr<State> state) : state_(std::move(state)) {}

std::unique_ptr<ReadAheadSource> ReadAheadSource::Start(ByteSource& part) {
  auto state = std::make_unique<State>();
  try {
    state->inflater = std::thread([chunks = &state->chunks, &part] { Inflate(part, *chunks); });
  } catch (const std::system_error&) {
    return nullptr;
  }
  return std::unique_ptr<ReadAheadSource>(new ReadAheadSource(std::move(state)));
}

ReadAheadSource::~ReadAheadSource() {
  state_->chunks.Stop();
  state_->inflater.join();
}

core::Result<std::size_t> ReadAheadSource::Read(char* out, std::size_t capacity) {
  State& state = *state_;
  while (state.offset == state.current.size()) {
    if (state.ended) return std::size_t{0};
    std::optional<std::string> next = state.chunks.Pop();
    if (!next) {
      state.ended = true;
      core::Status outcome = state.chunks.TakeOutcome();
      if (!outcome.ok()) return outcome;
      return std::size_t{0};
    }
    state.current = std::move(*next);
    state.offset = 0;
  }
  std::size_t count = std::min(capacity, state.current.size() - state.offset);
  std::memcpy(out, state.current.data() + state.offset, count);
  state.offset += count;
  return count;
}

}  // namespace sanpi::excel
