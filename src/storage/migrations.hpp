#pragma once
// Versioned schema migrations. Each src/storage/migrations/NNNN_name.sql file is one version,
// written once for both backends; tokens stand for what the dialects spell differently:
//   {{id}}   an auto-numbered primary key      {{blob}}  binary data
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

struct MigrationSource {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<MigrationSource>& MigrationSources();

// The SQL of a migration for one dialect, tokens replaced: {{id}}, {{blob}}, and lines that begin with
// {{postgres only}}, which SQLite skips, or {{sqlite only}}, which PostgreSQL skips.
std::string ForDialect(std::string_view sql, Dialect dialect);

// Applies every migration newer than the database's version, each in its own transaction.
core::Status Migrate(Database& db);

}  // namespace sanpi::storage
