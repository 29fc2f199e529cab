#include "storage/postgres/pg_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "storage/pooled_transaction.hpp"

namespace sanpi::storage::postgres {
namespace {

DbError ErrorFrom(PGresult* result, PGconn* conn) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  auto kind = DbError::Kind::kOther;
  if (code == "23505") kind = DbError::Kind::kDuplicate;
  if (code == "23503") kind = DbError::Kind::kForeignKey;
  if (code == "40001" || code == "40P01" || code == "55P03") kind = DbError::Kind::kBusy;
  return DbError(kind, std::string("postgres: ") + (result ? PQresultErrorMessage(result) : PQerrorMessage(conn)));
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// COPY … FROM STDIN in text format: rows are escaped into a buffer that is sent every 256 KB, so the server
// inserts one part while the caller builds the next. The server reports a failed row when the copy ends.
class CopyWriter : public BulkWriter {
 public:
  CopyWriter(PGconn* conn, std::string_view table, const std::vector<std::string>& columns) : conn_(conn) {
    std::string sql = "COPY " + std::string(table) + " (";
    for (size_t k = 0; k < columns.size(); ++k) sql += (k ? ", " : "") + columns[k];
    sql += ") FROM STDIN";
    ResultPtr result(PQexec(conn_, sql.c_str()));
    if (PQresultStatus(result.get()) != PGRES_COPY_IN) throw ErrorFrom(result.get(), conn_);
    open_ = true;
  }

  // Abandoned (an exception on the caller's side): the copy is aborted, which fails the transaction.
  ~CopyWriter() override {
    if (!open_) return;
    PQputCopyEnd(conn_, "abandoned");
    while (PGresult* result = PQgetResult(conn_)) PQclear(result);
  }

  void Add(const Params& row) override {
    for (size_t k = 0; k < row.size(); ++k) {
      if (k) buffer_ += '\t';
      Append(row[k]);
    }
    buffer_ += '\n';
    if (buffer_.size() >= kSendBytes) Send();
  }

  void Finish() override {
    Send();
    open_ = false;
    if (PQputCopyEnd(conn_, nullptr) != 1) throw ErrorFrom(nullptr, conn_);
    ResultPtr result(PQgetResult(conn_));
    while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) throw ErrorFrom(result.get(), conn_);
  }

 private:
  static constexpr size_t kSendBytes = 256 * 1024;

  void Append(const Value& value) {
    char number[32];
    if (std::holds_alternative<std::nullptr_t>(value)) {
      buffer_ += "\\N";
    } else if (auto* n = std::get_if<std::int64_t>(&value)) {
      buffer_.append(number, std::to_chars(number, number + sizeof number, *n).ptr);
    } else if (auto* d = std::get_if<double>(&value)) {
      buffer_.append(number, std::to_chars(number, number + sizeof number, *d).ptr);
    } else {
      for (char c : std::get<std::string>(value)) {
        switch (c) {
          case '\\': buffer_ += "\\\\"; break;
          case '\t': buffer_ += "\\t"; break;
          case '\n': buffer_ += "\\n"; break;
          case '\r': buffer_ += "\\r"; break;
          default: buffer_ += c;
        }
      }
    }
  }

  void Send() {
    if (buffer_.empty()) return;
    if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
      open_ = false;
      throw ErrorFrom(nullptr, conn_);
    }
    buffer_.clear();
  }

  PGconn* conn_;
  std::string buffer_;
  bool open_ = false;
};

// A result's rows read in place, in libpq's text form.
class ResultCells : public ResultText {
 public:
  explicit ResultCells(ResultPtr result) : result_(std::move(result)) {}
  bool IsNull(size_t row, size_t column) const override {
    return PQgetisnull(result_.get(), static_cast<int>(row), static_cast<int>(column)) != 0;
  }
  std::string_view Text(size_t row, size_t column) const override {
    const int r = static_cast<int>(row), c = static_cast<int>(column);
    return {PQgetvalue(result_.get(), r, c), static_cast<size_t>(PQgetlength(result_.get(), r, c))};
  }

 private:
  ResultPtr result_;
};

class Connection {
 public:
  explicit Connection(PGconn* conn) : conn_(conn) {}
  ~Connection() { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Exec(const char* sql) {
    ResultPtr result(PQexec(conn_, sql));
    auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw ErrorFrom(result.get(), conn_);
  }

  std::int64_t Run(std::string_view sql, const Params& params, Rows* out) {
    const std::string& name = Prepare(sql);
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (auto* n = std::get_if<std::int64_t>(&v)) texts[i] = std::to_string(*n);
      else if (auto* d = std::get_if<double>(&v)) {
        // The shortest text that reads back to the same double (std::to_string keeps six decimals only).
        char text[32];
        texts[i].assign(text, std::to_chars(text, text + sizeof text, *d).ptr);
      }
      else texts[i] = std::get<std::string>(v);
      values[i] = texts[i].c_str();
    }
    ResultPtr result(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), nullptr,
                                    nullptr, 0));
    auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw ErrorFrom(result.get(), conn_);
    const char* changed = PQcmdTuples(result.get());
    const std::int64_t count = changed && *changed ? std::stoll(changed) : 0;
    if (out) {
      const auto rows = static_cast<size_t>(PQntuples(result.get())), columns = static_cast<size_t>(PQnfields(result.get()));
      out->Adopt(std::make_shared<ResultCells>(std::move(result)), rows, columns);
    }
    return count;
  }

  std::unique_ptr<BulkWriter> Copy(std::string_view table, const std::vector<std::string>& columns) {
    return std::make_unique<CopyWriter>(conn_, table, columns);
  }

  // A dropped connection is re-established before it is handed out again.
  void EnsureAlive() {
    if (PQstatus(conn_) != CONNECTION_OK) {
      PQreset(conn_);
      statements_.clear();
    }
  }

 private:
  const std::string& Prepare(std::string_view sql) {
    auto found = statements_.find(std::string(sql));
    if (found != statements_.end()) return found->second;
    std::string name = "s" + std::to_string(statements_.size());
    std::string text(sql);
    ResultPtr result(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) throw ErrorFrom(result.get(), conn_);
    return statements_.emplace(std::move(text), std::move(name)).first->second;
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> statements_;
};

class PgDb : public Database {
 public:
  explicit PgDb(std::vector<std::unique_ptr<Connection>> connections) : connections_(std::move(connections)) {
    for (auto& c : connections_) idle_.push_back(c.get());
  }

  std::unique_ptr<Transaction> Begin(Access access) override {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return !idle_.empty(); });
    Connection* connection = idle_.back();
    idle_.pop_back();
    lock.unlock();
    auto tx = std::make_unique<PooledTransaction<Connection>>(connection, Dialect::kPostgres, [this, connection] {
      std::lock_guard guard(mutex_);
      idle_.push_back(connection);
      ready_.notify_one();
    });
    connection->EnsureAlive();
    connection->Exec(access == Access::kWrite ? "BEGIN" : "BEGIN READ ONLY");
    return tx;
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

  core::Status Backup(const std::string&) override {
    return core::Status::RuleBroken({"PostgreSQL 数据库请使用 pg_dump 备份", "back up a PostgreSQL database with pg_dump"});
  }

 private:
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<Connection*> idle_;
  std::mutex mutex_;
  std::condition_variable ready_;
};

}  // namespace

core::Result<std::unique_ptr<Database>> PgDatabase::Open(const std::string& uri, int connections) {
  std::vector<std::unique_ptr<Connection>> pool;
  for (int i = 0; i < connections; ++i) {
    PGconn* conn = PQconnectdb(uri.c_str());
    auto connection = std::make_unique<Connection>(conn);
    PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);  // "already exists, skipping" and the like
    if (PQstatus(conn) != CONNECTION_OK) {
      return core::Status::Internal({"无法连接 PostgreSQL 数据库", std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(conn)});
    }
    pool.push_back(std::move(connection));
  }
  return std::unique_ptr<Database>(std::make_unique<PgDb>(std::move(pool)));
}

}  // namespace sanpi::storage::postgres
