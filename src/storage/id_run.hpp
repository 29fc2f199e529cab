#pragma once
// Ids for the rows a write transaction is about to insert into one table, handed out as the rows come
// when their number is not known up front (a ledger written while it is still being read). Until the
// transaction ends no one else inserts into or updates the table: SQLite has a single writer anyway
// and numbers on from the largest id; PostgreSQL locks the table against writers, takes the next value
// of its identity sequence, and End() moves the sequence past the last id handed out — one statement
// each instead of a nextval per row.
#include <cstdint>
#include <string>

#include "storage/database.hpp"

namespace sanpi::storage {

class IdRun {
 public:
  // Queries the database: open it before a bulk insert starts on the same transaction.
  IdRun(Transaction& tx, std::string table);
  std::int64_t Next() { return next_++; }
  // Queries the database again: after the bulk insert has finished.
  void End();

 private:
  Transaction& tx_;
  std::string table_;
  std::int64_t first_ = 0, next_ = 0;
};

}  // namespace sanpi::storage
