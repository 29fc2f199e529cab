#pragma once
// Limits that keep a hostile or broken .xlsx from costing unbounded memory or time. Every one is
// generous for a real ledger (100,000 rows × 30 columns is 3,000,000 cells) and each breach is a
// clear error, never a crash. Excel's own grid is 1,048,576 rows × 16,384 columns.
#include <cstddef>
#include <cstdint>

namespace sanpi::excel {

// The .xlsx file itself, as uploaded.
inline constexpr std::size_t kMaxArchiveBytes = 256u << 20;
// Entries in the zip directory; a workbook has a few dozen.
inline constexpr std::size_t kMaxZipEntries = 10'000;
// One part once decompressed (a sheet is streamed, so this bounds time, not memory).
inline constexpr std::uint64_t kMaxPartBytes = 1ull << 30;
// All parts read from one archive together, decompressed.
inline constexpr std::uint64_t kMaxTotalBytes = 2ull << 30;
// Parts loaded whole into a DOM (workbook, relationships, styles): small by nature.
inline constexpr std::uint64_t kMaxSmallPartBytes = 16u << 20;
// Decompressed ÷ compressed. Spreadsheet XML compresses 5–30×; a zip bomb reaches 1000×.
inline constexpr std::uint64_t kMaxCompressionRatio = 200;
// The ratio is only judged above this size: tiny parts compress oddly and cannot hurt.
inline constexpr std::uint64_t kRatioCheckFloorBytes = 1u << 20;

inline constexpr std::size_t kMaxSheets = 256;
inline constexpr std::uint32_t kMaxRowNumber = 1'048'576;
inline constexpr std::uint32_t kMaxColumnNumber = 16'384;
// Non-empty cells in one sheet: 30 columns × 100,000 rows is 3,000,000.
inline constexpr std::size_t kMaxCellsPerSheet = 5'000'000;
inline constexpr std::size_t kMaxSharedStrings = 10'000'000;
// Excel holds at most 32,767 characters in a cell; 4 UTF-8 bytes each.
inline constexpr std::size_t kMaxCellTextBytes = 32'767 * 4;
// All shared-string text together.
inline constexpr std::size_t kMaxSharedStringBytes = 512u << 20;
inline constexpr std::size_t kMaxMergeRanges = 100'000;
inline constexpr std::size_t kMaxNumberFormats = 10'000;
inline constexpr std::size_t kMaxCellStyles = 100'000;
// One XML token (tag or text run) in the streaming parser, and element nesting depth.
inline constexpr std::size_t kMaxXmlTokenBytes = 1u << 20;
inline constexpr std::size_t kMaxXmlDepth = 64;

// Reading a sheet on three threads (sheet_pipeline.hpp): one inflates the part, one parses it, the
// caller's visits the rows. What waits between them is bounded: at most kMaxReadAheadChunks
// inflated chunks and kMaxQueuedRowBatches batches of parsed rows, so the earlier steps run ahead
// of a slow caller by a few megabytes and no further.
inline constexpr std::size_t kReadAheadChunkBytes = 256u << 10;
inline constexpr std::size_t kMaxReadAheadChunks = 4;
inline constexpr std::size_t kMaxQueuedRowBatches = 4;
// A batch of rows is handed over at this many rows or this much cell memory, whichever comes
// first (a row is never split, so one row alone may pass it).
inline constexpr std::size_t kRowBatchRows = 256;
inline constexpr std::size_t kRowBatchBytes = 1u << 20;

}  // namespace sanpi::excel
