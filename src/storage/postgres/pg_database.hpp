#pragma once
// PostgreSQL backend over libpq: a fixed pool of connections, each with its own cache of
// prepared statements; parameters and results travel in text form.
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace sanpi::storage::postgres {

class PgDatabase {
 public:
  // Connects `connections` sessions to the libpq URI; fails when the server cannot be reached.
  static core::Result<std::unique_ptr<Database>> Open(const std::string& uri, int connections = 8);
};

}  // namespace sanpi::storage::postgres
