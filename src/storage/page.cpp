#include "storage/page.hpp"

namespace sanpi::storage {

std::string OrderBy(const std::string& sort, const std::vector<std::pair<std::string, std::string>>& allowed,
                    const std::string& fallback, const std::string& tiebreak) {
  bool descending = !sort.empty() && sort[0] == '-';
  std::string name = descending ? sort.substr(1) : sort;
  for (const auto& [api_name, column] : allowed) {
    if (api_name == name) {
      const char* direction = descending ? " DESC" : " ASC";  // ties follow the same direction
      return " ORDER BY " + column + direction + ", " + tiebreak + direction;
    }
  }
  return " ORDER BY " + fallback + ", " + tiebreak;
}

std::string Limit(const PageRequest& page) {
  long long offset = static_cast<long long>(page.page - 1) * page.page_size;
  return " LIMIT " + std::to_string(page.page_size) + " OFFSET " + std::to_string(offset);
}

std::int64_t TotalOf(const PageRequest& page, std::size_t rows_on_page, const std::function<std::int64_t()>& count) {
  auto offset = static_cast<std::int64_t>(page.page - 1) * page.page_size;
  bool page_tells = rows_on_page < static_cast<std::size_t>(page.page_size) && (rows_on_page > 0 || page.page == 1);
  return page_tells ? offset + static_cast<std::int64_t>(rows_on_page) : count();
}

}  // namespace sanpi::storage
