#pragma once
// Set-based writes in a few fixed statement sizes: a remainder is split greedily into 200, 50, 10 and 1 rows,
// so each backend prepares at most four statements per kind of write however many rows come.
#include <array>
#include <cstddef>

namespace sanpi::storage {

inline constexpr std::array<size_t, 4> kBatchSizes = {200, 50, 10, 1};

// Calls write(first, count) for consecutive slices covering [0, count).
template <class Write>
void InBatches(size_t count, Write write) {
  size_t first = 0;
  for (size_t size : kBatchSizes) {
    for (; count - first >= size; first += size) write(first, size);
  }
}

}  // namespace sanpi::storage
