#pragma once
// The subcommands of the sanpi executable. main.cpp declares them with CLI11 and calls these;
// each returns the process exit code.
#include <cstdint>
#include <string>

namespace sanpi::app {

struct ServeOptions {
  std::string db = "sqlite:data/sanpi.db";
  std::string listen = "127.0.0.1:8080";
  std::string web;  // built front end; empty: look for web/dist beside the working directory
  int threads = 8;
  std::string data_dir;  // attachments; empty: files/ beside the SQLite file, else data/files
  int sweep_period_seconds = 0;  // the warning sweep's period; 0: daily after midnight Asia/Shanghai
  int notify_period_seconds = 10;  // between rounds of the webhook outbox worker
  std::string webhook_reach = "private";  // public | private | any: the addresses webhooks may reach
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

// progress_commands.cpp: the monthly briefing's roll-up table.
struct ProgressReportOptions {
  std::string db = "sqlite:data/sanpi.db";
  std::string region = "410171";
  int year = 0;   // 0: this year
  int month = 0;  // 0: the current month (December for a past year)
  std::string by = "unit";
  std::string out;  // .xlsx to write as well; empty: print only
};
// Prints the roll-up as tab-separated lines (title, header, rows, 合计); with `out`, also writes the .xlsx.
int RunReportProgress(const ProgressReportOptions& options);

// transfer_commands.cpp: the ledger spreadsheet.
struct ImportLedgerOptions {
  std::string db = "sqlite:data/sanpi.db";
  std::string file;
  std::string region = "410171";
  bool dry_run = false;
  bool only_valid = false;
  int year = 0;  // of 年度计划投资 for rows without 年度; 0: this year
};
// Prints every problem and the counts; exit 0 when written (or a clean dry run), 2 when rows are invalid.
int RunImportLedger(const ImportLedgerOptions& options);

struct ExportLedgerOptions {
  std::string db = "sqlite:data/sanpi.db";
  std::string out;
  std::string region = "410171";
  std::string text, stage, batch, industry;  // the ledger list's filters
  int period = 0;
  std::int64_t unit_id = 0, leader_id = 0;
  std::int64_t min_investment = -1, max_investment = -1;  // yuan; -1: no bound
};
int RunExportLedger(const ExportLedgerOptions& options);

// warning_commands.cpp: the early-warning sweep.
struct SweepOptions {
  std::string db = "sqlite:data/sanpi.db";
  std::string region;  // empty: every region with projects
  std::string as_of;   // YYYY-MM-DD, empty for today
};
// Prints the counts per region (opened, escalated, de-escalated, closed, orders issued and overdue, open).
int RunSweep(const SweepOptions& options);

// notify_commands.cpp: the webhook outbox worker.
struct NotifyOptions {
  std::string db = "sqlite:data/sanpi.db";
  bool once = false;      // send what is due now, print the counts and exit
  int period_seconds = 10;  // without --once: between rounds, until SIGINT / SIGTERM
  std::string webhook_reach = "private";
};
int RunNotify(const NotifyOptions& options);

}  // namespace sanpi::app
