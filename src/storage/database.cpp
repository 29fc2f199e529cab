#include "storage/database.hpp"

#include <charconv>
#include <map>

#include "storage/batches.hpp"
#include "storage/id_run.hpp"
#include "storage/migrations.hpp"
#include "storage/postgres/pg_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace sanpi::storage {

namespace {

// PostgreSQL's text forms: booleans as "t" / "f", numeric aggregates such as SUM as "123" or "123.0".
std::int64_t IntFromText(std::string_view text) {
  if (text == "t") return 1;
  std::int64_t out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);  // stops at a decimal point
  return out;
}

double RealFromText(std::string_view text) {
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

}  // namespace

bool Row::IsNull(size_t column) const {
  return text_ ? text_->IsNull(row_, column) : std::holds_alternative<std::nullptr_t>(cells_[column]);
}

std::int64_t Row::Int(size_t column) const {
  if (text_) return IntFromText(text_->Text(row_, column));
  const Value& v = cells_[column];
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) return IntFromText(*s);
  return 0;
}

double Row::Real(size_t column) const {
  if (text_) return RealFromText(text_->Text(row_, column));
  const Value& v = cells_[column];
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&v)) return RealFromText(*s);
  return 0;
}

std::string Row::Text(size_t column) const {
  if (text_) return std::string(text_->Text(row_, column));
  const Value& v = cells_[column];
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return "";
}

namespace {

// The portable bulk insert: rows gathered into multi-row INSERTs of the fixed sizes of batches.hpp, so a
// connection prepares a few statements however many rows come (SQLite binds a long statement's parameters in
// one pass, and each statement is one execution rather than hundreds).
class InsertWriter : public BulkWriter {
 public:
  InsertWriter(Transaction& tx, std::string_view table, const std::vector<std::string>& columns) : tx_(tx) {
    head_ = "INSERT INTO " + std::string(table) + " (";
    for (size_t k = 0; k < columns.size(); ++k) head_ += (k ? ", " : "") + columns[k];
    head_ += ") VALUES ";
    columns_ = columns.size();
  }

  void Add(const Params& row) override {
    pending_.insert(pending_.end(), row.begin(), row.end());
    if (pending_.size() == kBatchSizes[0] * columns_) Flush();
  }

  void Finish() override { Flush(); }

 private:
  void Flush() {
    const size_t rows = pending_.size() / columns_;
    InBatches(rows, [&](size_t first, size_t count) {
      Params slice(pending_.begin() + static_cast<std::ptrdiff_t>(first * columns_),
                   pending_.begin() + static_cast<std::ptrdiff_t>((first + count) * columns_));
      tx_.Execute(Statement(count), slice);
    });
    pending_.clear();
  }

  const std::string& Statement(size_t rows) {
    std::string& sql = statements_[rows];
    if (sql.empty()) {
      sql = head_;
      for (size_t r = 0, n = 1; r < rows; ++r) {
        sql += r ? ", (" : "(";
        for (size_t k = 0; k < columns_; ++k, ++n) sql += (k ? ", $" : "$") + std::to_string(n);
        sql += ")";
      }
    }
    return sql;
  }

  Transaction& tx_;
  std::string head_;
  size_t columns_ = 0;
  Params pending_;
  std::map<size_t, std::string> statements_;
};

}  // namespace

std::unique_ptr<BulkWriter> Transaction::BulkInsert(std::string_view table, const std::vector<std::string>& columns) {
  return std::make_unique<InsertWriter>(*this, table, columns);
}

std::vector<std::int64_t> ReserveIds(Transaction& tx, std::string_view table, size_t count) {
  std::vector<std::int64_t> ids;
  if (count == 0) return ids;
  IdRun run(tx, std::string(table));
  ids.reserve(count);
  for (size_t i = 0; i < count; ++i) ids.push_back(run.Next());
  run.End();
  return ids;
}

void RefreshStatistics(Database& db) {
  auto tx = db.Begin(Access::kWrite);
  tx->Execute("ANALYZE");
  tx->Commit();
}

core::Result<std::unique_ptr<Database>> Open(const std::string& url) {
  auto db = Connect(url);
  if (!db.ok()) return db.status();
  core::Status migrated = Migrate(**db);
  if (!migrated.ok()) return migrated;
  return db;
}

core::Result<std::unique_ptr<Database>> Connect(const std::string& url) {
  std::unique_ptr<Database> db;
  if (url.rfind("sqlite:", 0) == 0) {
    auto opened = sqlite::SqliteDatabase::Open(url.substr(7));
    if (!opened.ok()) return opened.status();
    db = std::move(opened).value();
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    auto opened = postgres::PgDatabase::Open(url);
    if (!opened.ok()) return opened.status();
    db = std::move(opened).value();
  } else {
    return core::Status::InvalidField(
        "db", {"数据库地址应为 sqlite:路径 或 postgresql://…", "database URL must be sqlite:PATH or postgresql://…"});
  }
  return db;
}

}  // namespace sanpi::storage
