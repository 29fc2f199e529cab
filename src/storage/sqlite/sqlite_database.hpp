#pragma once
// SQLite backend: WAL journal, foreign keys on, a busy timeout, synchronous=FULL so an
// acknowledged commit survives a crash, one writer connection and a small pool of readers.
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace sanpi::storage::sqlite {

class SqliteDatabase {
 public:
  // Opens (creating if needed) the database file at `path`; its folder must exist or be creatable.
  static core::Result<std::unique_ptr<Database>> Open(const std::string& path);
};

}  // namespace sanpi::storage::sqlite
