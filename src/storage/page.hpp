#pragma once
// Paging and sorting of list queries, shared by every repository.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sanpi::storage {

inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 500;

struct PageRequest {
  int page = 1;
  int page_size = kDefaultPageSize;
  std::string sort;  // a column the repository allows, "-" in front for descending
};

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

// " ORDER BY <column> ASC|DESC, <tiebreak>" when `sort` names one of `allowed` (API name →
// SQL column); else the default. The API layer has already rejected unknown names.
std::string OrderBy(const std::string& sort, const std::vector<std::pair<std::string, std::string>>& allowed,
                    const std::string& fallback, const std::string& tiebreak = "t.id");
// " LIMIT n OFFSET m".
std::string Limit(const PageRequest& page);

// The total of a filtered list. A page that is not full already tells it (offset + rows on the
// page), so `count` — a COUNT(*) over the whole filtered set, the costly part of a list — runs only
// for a full page or an empty page past the first.
std::int64_t TotalOf(const PageRequest& page, std::size_t rows_on_page, const std::function<std::int64_t()>& count);

}  // namespace sanpi::storage
