#include "storage/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "storage/pooled_transaction.hpp"

namespace sanpi::storage::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 10'000;
constexpr int kReaderConnections = 4;

DbError ErrorFrom(sqlite3* db, int rc) {
  int extended = sqlite3_extended_errcode(db);
  auto kind = DbError::Kind::kOther;
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) kind = DbError::Kind::kDuplicate;
  if (extended == SQLITE_CONSTRAINT_FOREIGNKEY) kind = DbError::Kind::kForeignKey;
  // The triggers that stand in for keys SQLite cannot add to a table (migration 0011) raise this message.
  if (extended == SQLITE_CONSTRAINT_TRIGGER &&
      std::string_view(sqlite3_errmsg(db)).starts_with("FOREIGN KEY constraint failed"))
    kind = DbError::Kind::kForeignKey;
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) kind = DbError::Kind::kBusy;
  return DbError(kind, std::string("sqlite: ") + sqlite3_errmsg(db));
}

// The statement with each "$N" written "?N", which SQLite numbers directly: it looks a "$name" up in
// the names seen so far, so a bulk INSERT with thousands of parameters took quadratic time to prepare.
// Quoted text is left alone.
std::string NumberedParameters(std::string_view sql) {
  std::string out(sql);
  char quote = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '$' && i + 1 < out.size() && out[i + 1] >= '0' && out[i + 1] <= '9') {
      out[i] = '?';
    }
  }
  return out;
}

// One connection with its cache of prepared statements.
class Connection {
 public:
  explicit Connection(sqlite3* db) : db_(db) {}
  ~Connection() {
    for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.stmt);
    sqlite3_close_v2(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string what = message ? message : "unknown error";
      sqlite3_free(message);
      throw DbError(DbError::Kind::kOther, "sqlite: " + what);
    }
  }

  // Runs a statement, collecting rows into `out` when given; returns rows changed.
  std::int64_t Run(std::string_view sql, const Params& params, Rows* out) {
    const Prepared& prepared = Prepare(sql);
    sqlite3_stmt* stmt = prepared.stmt;
    Bind(prepared, params);
    int rc;
    const int columns = sqlite3_column_count(stmt);
    if (out) out->SetColumns(static_cast<size_t>(columns));
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      if (!out) continue;
      for (int c = 0; c < columns; ++c) out->Append(Cell(stmt, c));
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc != SQLITE_DONE) throw ErrorFrom(db_, rc);
    return sqlite3_changes64(db_);
  }

  sqlite3* handle() { return db_; }

 private:
  // A prepared statement and, for each of its parameters, the index into Params it binds.
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<size_t> param_index;
  };

  const Prepared& Prepare(std::string_view sql) {
    auto found = statements_.find(std::string(sql));
    if (found != statements_.end()) return found->second;
    Prepared prepared;
    const std::string numbered = NumberedParameters(sql);
    int rc = sqlite3_prepare_v3(db_, numbered.data(), static_cast<int>(numbered.size()), SQLITE_PREPARE_PERSISTENT,
                                &prepared.stmt, nullptr);
    if (rc != SQLITE_OK) throw ErrorFrom(db_, rc);
    // Resolved once per statement: sqlite3_bind_parameter_name walks a list, so asking it on every
    // execution made a bulk INSERT with thousands of parameters quadratic.
    const int count = sqlite3_bind_parameter_count(prepared.stmt);
    prepared.param_index.reserve(static_cast<size_t>(count));
    for (int i = 1; i <= count; ++i) {
      // "$3" binds params[2]; plain "?" binds in order.
      const char* name = sqlite3_bind_parameter_name(prepared.stmt, i);
      prepared.param_index.push_back(name ? static_cast<size_t>(std::atoi(name + 1)) - 1 : static_cast<size_t>(i - 1));
    }
    return statements_.emplace(std::string(sql), std::move(prepared)).first->second;
  }

  void Bind(const Prepared& prepared, const Params& params) {
    sqlite3_stmt* stmt = prepared.stmt;
    for (int i = 1; i <= static_cast<int>(prepared.param_index.size()); ++i) {
      const size_t index = prepared.param_index[static_cast<size_t>(i - 1)];
      if (index >= params.size()) throw DbError(DbError::Kind::kOther, "sqlite: missing parameter " + std::to_string(i));
      const Value& v = params[index];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v)) rc = sqlite3_bind_null(stmt, i);
      else if (auto* n = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(stmt, i, *n);
      else if (auto* d = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt, i, *d);
      else {
        const auto& s = std::get<std::string>(v);
        // Static: `params` outlives the step, and Run clears the bindings before it returns.
        rc = sqlite3_bind_text64(stmt, i, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) throw ErrorFrom(db_, rc);
    }
  }

  static Value Cell(sqlite3_stmt* stmt, int column) {
    switch (sqlite3_column_type(stmt, column)) {
      case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(stmt, column));
      case SQLITE_FLOAT: return sqlite3_column_double(stmt, column);
      case SQLITE_NULL: return nullptr;
      default: {
        auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
        return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt, column)));
      }
    }
  }

  sqlite3* db_;
  std::unordered_map<std::string, Prepared> statements_;
};

core::Result<std::unique_ptr<Connection>> Connect(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  auto connection = std::make_unique<Connection>(db);
  if (rc != SQLITE_OK) {
    return core::Status::Internal({"无法打开数据库：" + path, "cannot open database " + path + ": " + sqlite3_errmsg(db)});
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  try {
    connection->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    // Lists and figures over a province-scale ledger read tens of MB: keep them in memory rather than
    // re-reading pages through the 2 MB default cache on every request. The whole file is mapped (up to
    // SQLite's 2 GB ceiling; address space, not memory): a zone with 3.5 million monthly reports is 1.4 GB,
    // and the sweep's reads of warnings beyond the first 256 MB went through a read() per page.
    connection->Exec("PRAGMA cache_size=-65536; PRAGMA mmap_size=2147418112;");
  } catch (const DbError& e) {
    return core::Status::Internal({"无法打开数据库：" + path, e.what()});
  }
  return connection;
}


class SqliteDb : public Database {
 public:
  SqliteDb(std::unique_ptr<Connection> writer, std::vector<std::unique_ptr<Connection>> readers)
      : writer_(std::move(writer)), readers_(std::move(readers)) {
    for (auto& reader : readers_) idle_.push_back(reader.get());
  }

  std::unique_ptr<Transaction> Begin(Access access) override {
    if (access == Access::kWrite) {
      writer_mutex_.lock();
      auto tx = std::make_unique<PooledTransaction<Connection>>(writer_.get(), Dialect::kSqlite, [this] { writer_mutex_.unlock(); });
      writer_->Exec("BEGIN IMMEDIATE");
      return tx;
    }
    std::unique_lock lock(pool_mutex_);
    pool_ready_.wait(lock, [this] { return !idle_.empty(); });
    Connection* reader = idle_.back();
    idle_.pop_back();
    lock.unlock();
    auto tx = std::make_unique<PooledTransaction<Connection>>(reader, Dialect::kSqlite, [this, reader] {
      std::lock_guard guard(pool_mutex_);
      idle_.push_back(reader);
      pool_ready_.notify_one();
    });
    reader->Exec("BEGIN");
    return tx;
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  core::Status Backup(const std::string& path) override {
    std::lock_guard guard(writer_mutex_);  // a stable snapshot: no writer runs meanwhile
    sqlite3* target = nullptr;
    if (sqlite3_open(path.c_str(), &target) != SQLITE_OK) {
      sqlite3_close(target);
      return core::Status::InvalidField("out", {"无法创建备份文件：" + path, "cannot create backup file " + path});
    }
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", writer_->handle(), "main");
    int rc = backup ? sqlite3_backup_step(backup, -1) : SQLITE_ERROR;
    if (backup) sqlite3_backup_finish(backup);
    std::string message = sqlite3_errmsg(target);
    sqlite3_close(target);
    if (rc != SQLITE_DONE) return core::Status::Internal({"备份失败", "backup failed: " + message});
    return core::Status::Ok();
  }

 private:
  std::unique_ptr<Connection> writer_;
  std::mutex writer_mutex_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_;
  std::mutex pool_mutex_;
  std::condition_variable pool_ready_;
};

}  // namespace

core::Result<std::unique_ptr<Database>> SqliteDatabase::Open(const std::string& path) {
  std::error_code ignored;
  auto folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ignored);
  auto writer = Connect(path);
  if (!writer.ok()) return writer.status();
  std::vector<std::unique_ptr<Connection>> readers;
  for (int i = 0; i < kReaderConnections; ++i) {
    auto reader = Connect(path);
    if (!reader.ok()) return reader.status();
    readers.push_back(std::move(reader).value());
  }
  return std::unique_ptr<Database>(std::make_unique<SqliteDb>(std::move(writer).value(), std::move(readers)));
}

}  // namespace sanpi::storage::sqlite
