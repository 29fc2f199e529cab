#include "excel/sheet_pipeline.hpp"

#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <variant>

#include "excel/bounded_queue.hpp"
#include "excel/limits.hpp"
#include "excel/read_ahead_source.hpp"

namespace sanpi::excel {
namespace {

// What a row costs in memory, near enough: its cells and the text they own. A numeric cell is
// about 15 bytes of XML but a whole Cell in memory, so the cells count, not only the text.
std::size_t ApproximateBytes(const Row& row) {
  std::size_t bytes = sizeof(Row) + row.cells.capacity() * sizeof(Cell);
  for (const Cell& cell : row.cells) {
    if (const auto* text = std::get_if<std::string>(&cell.value)) bytes += text->capacity();
    if (const auto* error = std::get_if<CellError>(&cell.value)) bytes += error->code.capacity();
  }
  return bytes;
}

// Rows travel between the threads in batches, so that they meet a few hundred times per 100,000
// rows rather than once per row.
struct RowBatch {
  std::vector<Row> rows;  // in file order
  std::size_t bytes = 0;  // roughly what the rows hold in memory

  void Add(Row row) {
    bytes += ApproximateBytes(row);
    rows.push_back(std::move(row));
  }
  // A row is never split, so one row alone may pass kRowBatchBytes.
  bool Full() const { return rows.size() >= kRowBatchRows || bytes >= kRowBatchBytes; }
};

using RowQueue = BoundedQueue<RowBatch>;

// The part as the parsing thread reads it: it gives out when the caller has stopped, so the parse
// ends within one chunk even across a stretch that holds no row to hand over.
class StoppableSource final : public ByteSource {
 public:
  StoppableSource(ByteSource& part, const RowQueue& queue) : part_(part), queue_(queue) {}
  core::Result<std::size_t> Read(char* out, std::size_t capacity) override {
    if (queue_.stopped()) return StoppedByConsumer();
    return part_.Read(out, capacity);
  }

 private:
  ByteSource& part_;
  const RowQueue& queue_;
};

// The parsing thread's work: rows into batches, batches into the queue, and how it ended last.
void ProduceRows(ByteSource& part, const SheetContext& context, RowQueue& queue, std::vector<CellRange>& merges) {
  RowBatch batch;
  auto hand_over = [&] { return queue.Push(std::exchange(batch, RowBatch{})); };
  core::Status outcome;
  std::exception_ptr thrown;
  try {
    std::unique_ptr<ReadAheadSource> inflated = ReadAheadSource::Start(part);
    StoppableSource source(inflated != nullptr ? *inflated : part, queue);
    outcome = ReadSheetXml(
        source, context,
        [&](Row& row) {
          batch.Add(std::move(row));
          if (!batch.Full() || hand_over()) return core::Status::Ok();
          return StoppedByConsumer();
        },
        merges);
    // The rows parsed before a fault are still the caller's to see, as on one thread.
    if (!batch.rows.empty()) hand_over();
  } catch (...) {
    thrown = std::current_exception();
  }
  queue.Finish(std::move(outcome), std::move(thrown));
}

// Owns the parsing thread. Its destructor stops and joins it, so whichever way the read ends (all
// rows, a Status from the visitor, an exception from the visitor) no thread outlives it.
class BackgroundSheetRead {
 public:
  // Throws std::system_error when no thread can be started.
  BackgroundSheetRead(ByteSource& part, const SheetContext& context)
      : parser_([this, &part, &context] { ProduceRows(part, context, queue_, merges_); }) {}
  ~BackgroundSheetRead() {
    queue_.Stop();
    parser_.join();
  }
  BackgroundSheetRead(const BackgroundSheetRead&) = delete;
  BackgroundSheetRead& operator=(const BackgroundSheetRead&) = delete;

  core::Status Visit(const Workbook::RowVisitor& visit, std::vector<CellRange>& merges) {
    while (std::optional<RowBatch> batch = queue_.Pop()) {
      for (const Row& row : batch->rows) {
        if (core::Status visited = visit(row); !visited.ok()) return visited;
      }
    }
    core::Status outcome = queue_.TakeOutcome();
    // The parser has finished (Pop said so under the queue's lock), so its merges are complete.
    merges.insert(merges.end(), merges_.begin(), merges_.end());
    return outcome;
  }

 private:
  RowQueue queue_{kMaxQueuedRowBatches};
  std::vector<CellRange> merges_;  // the parser's own, handed over once it has finished
  std::thread parser_;             // last: started once the queue and merges exist
};

}  // namespace

core::Status ReadSheetXmlInBackground(ByteSource& source, const SheetContext& context,
                                      const Workbook::RowVisitor& visit, std::vector<CellRange>& merges) {
  std::optional<BackgroundSheetRead> read;
  try {
    read.emplace(source, context);
  } catch (const std::system_error&) {
    // No second thread to be had (the process is at its thread limit): one thread reads as well.
    return ReadSheetXml(
        source, context, [&](Row& row) { return visit(row); }, merges);
  }
  return read->Visit(visit, merges);
}

}  // namespace sanpi::excel
