#pragma once
// The storage seam: a Database hands out Transactions that run portable SQL with $1…$n parameters.
// One implementation per backend (sqlite/, postgres/); the repositories above are written once
// against this interface and pass one contract test suite on both.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/status.hpp"

namespace sanpi::storage {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

enum class Dialect { kSqlite, kPostgres };

// A failed statement. Repositories let it propagate; the HTTP layer maps kDuplicate to 409 and the
// rest to 500 in one place.
class DbError : public std::runtime_error {
 public:
  enum class Kind { kDuplicate, kForeignKey, kBusy, kOther };
  DbError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// A backend's own result, read where it lies: PostgreSQL's rows arrive as text in libpq's result, and copying a
// sweep's four million cells out of it again cost a second copy of the whole result.
class ResultText {
 public:
  virtual ~ResultText() = default;
  virtual bool IsNull(size_t row, size_t column) const = 0;
  // The cell's text ("" for NULL), valid while the result lives.
  virtual std::string_view Text(size_t row, size_t column) const = 0;
};

// One result row. Cells convert on read, so a backend may hand back text (PostgreSQL) or native
// values (SQLite) alike. Reading a NULL gives 0 / "" ; use IsNull to tell.
class Row {
 public:
  Row(const Value* cells, size_t size) : cells_(cells), size_(size) {}
  Row(const ResultText* text, size_t row, size_t size) : text_(text), row_(row), size_(size) {}
  bool IsNull(size_t column) const;
  std::int64_t Int(size_t column) const;
  double Real(size_t column) const;
  std::string Text(size_t column) const;
  size_t size() const { return size_; }

 private:
  const Value* cells_ = nullptr;
  const ResultText* text_ = nullptr;
  size_t row_ = 0;
  size_t size_;
};

// A result: either every cell in one vector, row after row, so that reading 100,000 rows does not allocate
// 100,000 vectors; or the backend's own result, kept alive as long as the Rows and read in place.
class Rows {
 public:
  // Before the first cell: how many cells make a row.
  void SetColumns(size_t columns) { columns_ = columns; }
  // Built in place (GCC 12 warned about moving a temporary variant in).
  template <class Cell>
  void Append(Cell&& cell) { cells_.emplace_back(std::forward<Cell>(cell)); }
  void Reserve(size_t rows) { cells_.reserve(rows * columns_); }
  // Instead of cells: `rows` rows of `columns` read from `text`.
  void Adopt(std::shared_ptr<const ResultText> text, size_t rows, size_t columns) {
    text_ = std::move(text);
    text_rows_ = rows;
    columns_ = columns;
  }
  size_t size() const { return text_ ? text_rows_ : columns_ == 0 ? 0 : cells_.size() / columns_; }
  bool empty() const { return size() == 0; }
  Row operator[](size_t i) const {
    return text_ ? Row(text_.get(), i, columns_) : Row(cells_.data() + i * columns_, columns_);
  }
  Row front() const { return (*this)[0]; }

  class Iterator {
   public:
    Iterator(const Rows* rows, size_t i) : rows_(rows), i_(i) {}
    Row operator*() const { return (*rows_)[i_]; }
    Iterator& operator++() { ++i_; return *this; }
    bool operator!=(const Iterator& other) const { return i_ != other.i_; }
   private:
    const Rows* rows_;
    size_t i_;
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, size()}; }

 private:
  std::vector<Value> cells_;
  std::shared_ptr<const ResultText> text_;
  size_t text_rows_ = 0;
  size_t columns_ = 0;
};

// Rows streamed into one table by Transaction::BulkInsert. Until Finish returns, its transaction runs nothing else.
class BulkWriter {
 public:
  virtual ~BulkWriter() = default;
  // One row: a value for each column named, in order. Throws DbError, though a backend may report a row's failure
  // (a duplicate, a missing reference) only at Finish.
  virtual void Add(const Params& row) = 0;
  // Writes what is pending and ends the load; throws DbError when any row failed.
  virtual void Finish() = 0;
};

// A unit of work. Without Commit(), destruction rolls back. Not thread-safe: one thread at a time.
class Transaction {
 public:
  virtual ~Transaction() = default;
  // Runs one statement; throws DbError on failure.
  virtual Rows Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement; returns the number of rows it changed. Throws DbError on failure.
  virtual std::int64_t Execute(std::string_view sql, const Params& params = {}) = 0;
  // Makes the work durable; throws DbError when it cannot.
  virtual void Commit() = 0;
  virtual Dialect dialect() const = 0;
  // Appends many rows to `table` (a name from the code, never from input): an import's hundred thousand. This
  // default gathers them into multi-row INSERTs; PostgreSQL streams them with COPY instead, which the server
  // reads while the caller builds the next rows. Ids come from ReserveIds when the caller needs them.
  virtual std::unique_ptr<BulkWriter> BulkInsert(std::string_view table, const std::vector<std::string>& columns);
};

// `count` fresh ids for rows of `table` that the caller inserts with them, in this transaction, which must be a
// write transaction. Until it ends, no one else inserts into or updates `table`: SQLite has a single writer
// anyway and numbers on from the largest id; PostgreSQL locks the table against writers and moves its identity
// sequence on by `count`.
std::vector<std::int64_t> ReserveIds(Transaction& tx, std::string_view table, size_t count);

enum class Access { kRead, kWrite };

// Thread-safe: any number of threads may Begin transactions at once.
class Database {
 public:
  virtual ~Database() = default;
  // Blocks until a connection is free. A write transaction holds the backend's write lock
  // (SQLite: the single writer) from the start, so it never fails half-way for lock upgrades.
  virtual std::unique_ptr<Transaction> Begin(Access access) = 0;
  virtual Dialect dialect() const = 0;
  // A consistent copy to `path` (SQLite online backup); Status::RuleBroken where the backend has
  // its own tool (PostgreSQL: pg_dump).
  virtual core::Status Backup(const std::string& path) = 0;
};

// Updates the planner's statistics (ANALYZE). Call it after a bulk load: PostgreSQL plans a
// freshly filled table as if it were empty until autovacuum gets round to it (measured: a list
// page 9 ms before, 0.06 ms after, on 10,000 enterprises).
void RefreshStatistics(Database& db);

// Opens "sqlite:PATH" or "postgresql://…" (a libpq URI) and brings the schema up to date.
core::Result<std::unique_ptr<Database>> Open(const std::string& url);
// Opens without touching the schema: for administrative connections (creating a test schema,
// say) that must not migrate the database they land in.
core::Result<std::unique_ptr<Database>> Connect(const std::string& url);

}  // namespace sanpi::storage
