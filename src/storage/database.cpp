#include "storage/database.hpp"

#include <charconv>

#include "storage/migrations.hpp"
#include "storage/postgres/pg_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace sanpi::storage {

bool Row::IsNull(size_t column) const { return std::holds_alternative<std::nullptr_t>(cells_[column]); }

std::int64_t Row::Int(size_t column) const {
  const Value& v = cells_[column];
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    std::string_view text = *s;
    if (text == "t") return 1;  // PostgreSQL booleans in text form
    auto dot = text.find('.');   // numeric aggregates such as SUM come back as "123" or "123.0"
    std::from_chars(text.data(), text.data() + (dot == std::string_view::npos ? text.size() : dot), out);
    return out;
  }
  return 0;
}

double Row::Real(size_t column) const {
  const Value& v = cells_[column];
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Row::Text(size_t column) const {
  const Value& v = cells_[column];
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return "";
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
