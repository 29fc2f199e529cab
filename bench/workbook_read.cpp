// How long reading a large .xlsx takes, apart from any database: `workbook_read MODE FILE [REPEATS]`.
//   inflate — only decompresses the first sheet's part (the zip side's share)
//   parse   — streams the first sheet's rows through Workbook::ForEachRow and does nothing with them
//   rows    — the same, turning every cell into text (AsText)
//   ledger  — the ledger import's own reading (transfer::ReadLedgerFile: header, cells, ParseLedgerRow)
// Write the file with `ledger_transfer setup`. Prints one line per repeat and the median:
// BENCH mode=… seconds=… rows=… peak_mb=…
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "excel/workbook.hpp"
#include "excel/zip_archive.hpp"
#include "transfer/ledger_sheet.hpp"

namespace {

using namespace sanpi;

double PeakMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Returns the number of bytes (inflate), rows (rows, ledger); -1 on error.
long long Inflate(const std::string& path) {
  auto archive = excel::ZipArchive::Open(FileBytes(path));
  if (!archive.ok()) return -1;
  auto stream = archive->Stream("xl/worksheets/sheet1.xml");
  if (!stream.ok()) return -1;
  std::vector<char> chunk(64 * 1024);
  long long total = 0;
  while (true) {
    auto count = (*stream)->Read(chunk.data(), chunk.size());
    if (!count.ok()) return -1;
    if (*count == 0) return total;
    total += static_cast<long long>(*count);
  }
}

long long Rows(const std::string& path, bool as_text) {
  auto workbook = excel::Workbook::OpenFile(path);
  if (!workbook.ok()) return -1;
  long long rows = 0;
  std::size_t text_bytes = 0;
  core::Status status = workbook->ForEachRow(0, [&](const excel::Row& row) {
    ++rows;
    if (as_text) {
      for (const excel::Cell& cell : row.cells) text_bytes += excel::AsText(cell.value).size();
    }
    return core::Status::Ok();
  });
  if (!status.ok()) {
    std::cerr << status.ToString() << "\n";
    return -1;
  }
  return rows;
}

long long Ledger(const std::string& path) {
  auto sheet = transfer::ReadLedgerFile(path);
  if (!sheet.ok()) {
    std::cerr << sheet.status().ToString() << "\n";
    return -1;
  }
  return static_cast<long long>(sheet->rows.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: workbook_read inflate|parse|rows|ledger FILE [REPEATS]\n";
    return 2;
  }
  std::string mode = argv[1], path = argv[2];
  int repeats = argc > 3 ? std::atoi(argv[3]) : 1;
  std::vector<double> seconds;
  for (int repeat = 0; repeat < repeats; ++repeat) {
    auto start = std::chrono::steady_clock::now();
    long long count = mode == "inflate" ? Inflate(path)
                      : mode == "parse" ? Rows(path, false)
                      : mode == "rows"  ? Rows(path, true)
                                        : Ledger(path);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (count < 0) return 1;
    std::cout << "BENCH mode=" << mode << " seconds=" << seconds.back() << " count=" << count << " peak_mb=" << PeakMb()
              << "\n";
  }
  std::sort(seconds.begin(), seconds.end());
  std::cout << "MEDIAN mode=" << mode << " seconds=" << seconds[seconds.size() / 2] << "\n";
  return 0;
}
