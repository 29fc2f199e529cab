#pragma once
// Paging and sorting of list queries, shared by every repository.
#include <cstdint>
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

}  // namespace sanpi::storage
