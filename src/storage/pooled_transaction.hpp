#pragma once
// The Transaction both backends hand out: it borrows one pooled connection, runs statements on it
// and gives it back the moment it commits or is dropped (rolling back what was not committed).
// `Connection` offers Exec(sql) and Run(sql, params, Rows*) and throws DbError on failure; one that also offers
// Copy(table, columns) (PostgreSQL) does bulk inserts its own way.
#include <functional>

#include "storage/database.hpp"

namespace sanpi::storage {

template <class Connection>
class PooledTransaction : public Transaction {
 public:
  PooledTransaction(Connection* connection, Dialect dialect, std::function<void()> release)
      : connection_(connection), dialect_(dialect), release_(std::move(release)) {}
  PooledTransaction(const PooledTransaction&) = delete;
  PooledTransaction& operator=(const PooledTransaction&) = delete;

  ~PooledTransaction() override {
    if (connection_) RollBack();
    Release();
  }

  Rows Query(std::string_view sql, const Params& params) override {
    Rows rows;
    Live()->Run(sql, params, &rows);
    return rows;
  }

  std::int64_t Execute(std::string_view sql, const Params& params) override { return Live()->Run(sql, params, nullptr); }

  // Committing hands the connection back at once (for SQLite: the write lock), so a finished
  // transaction never blocks the next one. A failed COMMIT is rolled back before it is reported.
  void Commit() override {
    try {
      Live()->Exec("COMMIT");
    } catch (const DbError&) {
      RollBack();
      Release();
      throw;
    }
    Release();
  }

  Dialect dialect() const override { return dialect_; }

  std::unique_ptr<BulkWriter> BulkInsert(std::string_view table, const std::vector<std::string>& columns) override {
    if constexpr (requires(Connection& c) { c.Copy(table, columns); }) return Live()->Copy(table, columns);
    else return Transaction::BulkInsert(table, columns);
  }

 private:
  Connection* Live() {
    if (!connection_) throw DbError(DbError::Kind::kOther, "transaction used after commit");
    return connection_;
  }
  void RollBack() {
    try {
      connection_->Exec("ROLLBACK");
    } catch (const DbError&) {  // nothing to undo: BEGIN itself failed, or COMMIT already ended it
    }
  }
  void Release() {
    if (!connection_) return;
    connection_ = nullptr;
    release_();
  }

  Connection* connection_;
  Dialect dialect_;
  std::function<void()> release_;
};

}  // namespace sanpi::storage
