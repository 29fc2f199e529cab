#pragma once
// What every subcommand does with a database URL and a failure: open (migrating) or say why, and print a
// Status in both languages (exit code 1 for both); and who it acts as.
#include <iostream>
#include <memory>
#include <string>

#include "core/access.hpp"
#include "core/status.hpp"
#include "storage/database.hpp"

namespace sanpi::app {

inline std::unique_ptr<storage::Database> OpenOrSay(const std::string& url) {
  auto db = storage::Open(url);
  if (!db.ok()) {
    std::cerr << "sanpi: " << db.status().message().zh << " / " << db.status().ToString() << "\n";
    return nullptr;
  }
  return std::move(db).value();
}

inline int Fail(const core::Status& status) {
  std::cerr << "sanpi: " << status.message().zh << " / " << status.ToString() << "\n";
  return 1;
}

// The console acts as the project office of `region`, region-wide.
inline core::Principal ConsolePrincipal(const std::string& region) {
  core::Principal console;
  console.username = "console";
  console.display_name = "console";
  console.roles = {core::Role::kOffice};
  console.scope = core::DataScope::kRegion;
  console.region_code = region;
  return console;
}

}  // namespace sanpi::app
