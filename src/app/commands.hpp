#pragma once
// The subcommands of the sanpi executable. main.cpp declares them with CLI11 and calls these;
// each returns the process exit code.
#include <string>

namespace sanpi::app {

struct ServeOptions {
  std::string db = "sqlite:data/sanpi.db";
  std::string listen = "127.0.0.1:8080";
  std::string web;  // built front end; empty: look for web/dist beside the working directory
  int threads = 8;
  std::string data_dir;  // attachments; empty: files/ beside the SQLite file, else data/files
};

struct BulletinOptions {
  int period = 0;
  std::string as_of;   // YYYY-MM-DD, empty for today
  std::string region = "410171";
  std::string view = "adjusted";
  std::string zone_name;
};

int RunServe(const ServeOptions& options);
int RunMigrate(const std::string& db);
int RunDemo(const std::string& db, int extra_enterprises, int extra_projects);
// Prints the bulletin paragraph to standard output.
int RunReportBulletin(const std::string& db, const BulletinOptions& options);
// Writes an OC4IDS project package of every project (of `region` when not empty) to `out`.
int RunExportOc4ids(const std::string& db, const std::string& out, const std::string& region);
int RunUserAdd(const std::string& db, const std::string& username, const std::string& role, const std::string& unit_code,
               const std::string& region, const std::string& scope, const std::string& display_name);
int RunBackup(const std::string& db, const std::string& out);

}  // namespace sanpi::app
