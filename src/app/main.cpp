// sanpi: the supervision platform for the 三个一批 campaign. main only declares the command line
// and hands each subcommand to its runner.
#include <malloc.h>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"

// Big reads (a province's warnings, facts, ledgers: results of 100–170 MB in cells of a few dozen bytes) were
// paying for glibc's defaults: blocks above a moving threshold mapped fresh from the kernel and memory handed
// back after each result, so the next one faulted every page in again (a third of a 100,000-project sweep's
// time went to the kernel). Kept instead: up to 32 MB a block from the heap, and 1 GB of freed memory held for
// reuse (a server's resident size stays at its high-water mark).
namespace {
void KeepFreedMemory() {
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
}
}  // namespace

int main(int argc, char** argv) {
  KeepFreedMemory();
  CLI::App cli{"sanpi — 三个一批 重点项目监管平台 (key investment project supervision)"};
  cli.require_subcommand(1);

  sanpi::app::ServeOptions serve;
  auto* serve_cmd = cli.add_subcommand("serve", "Start the web server (runs migrations first)");
  serve_cmd->add_option("--db", serve.db, "sqlite:PATH or postgresql://… (libpq URI)")->capture_default_str();
  serve_cmd->add_option("--listen", serve.listen, "HOST:PORT")->capture_default_str();
  serve_cmd->add_option("--web", serve.web, "folder of the built web front end (default: web/dist if present)");
  serve_cmd->add_option("--threads", serve.threads, "request threads")->capture_default_str()->check(CLI::Range(1, 256));
  serve_cmd->add_option("--data-dir", serve.data_dir,
                        "folder for attachments (default: files/ beside the SQLite file, else data/files)");
  serve_cmd->add_option("--sweep-period", serve.sweep_period_seconds,
                        "seconds between warning sweeps (default 0: daily after midnight Asia/Shanghai)")
      ->check(CLI::Range(0, 86'400 * 7));
  serve_cmd->add_option("--notify-period", serve.notify_period_seconds, "seconds between webhook outbox rounds")
      ->capture_default_str()->check(CLI::Range(1, 3600));
  serve_cmd->add_option("--webhook-reach", serve.webhook_reach,
                        "which addresses webhooks may reach: public, private (also private ranges; never loopback or link-local) or any")
      ->capture_default_str()->check(CLI::IsMember({"public", "private", "any"}));

  std::string db = "sqlite:data/sanpi.db";
  auto* migrate_cmd = cli.add_subcommand("migrate", "Bring the database schema up to date");
  migrate_cmd->add_option("--db", db, "sqlite:PATH or postgresql://…")->capture_default_str();

  int extra_enterprises = 0;
  auto* demo_cmd = cli.add_subcommand("demo", "Fill an empty database with the demo zone");
  demo_cmd->add_option("--db", db, "sqlite:PATH or postgresql://…")->capture_default_str();
  demo_cmd->add_option("--enterprises", extra_enterprises, "extra generated enterprises (for benchmarks)")
      ->check(CLI::Range(0, 10'000'000));
  int extra_projects = 0;
  demo_cmd->add_option("--projects", extra_projects, "extra generated projects, ~1 in 7 on a roster (for benchmarks)")
      ->check(CLI::Range(0, 10'000'000));

  auto* report_cmd = cli.add_subcommand("report", "Print reports");
  report_cmd->require_subcommand(1);
  sanpi::app::BulletinOptions bulletin;
  auto* bulletin_cmd = report_cmd->add_subcommand("bulletin", "Print the campaign bulletin (通报段落) of a period");
  bulletin_cmd->add_option("--db", db, "sqlite:PATH or postgresql://…")->capture_default_str();
  bulletin_cmd->add_option("--period", bulletin.period, "period number")->required()->check(CLI::Range(1, 999));
  bulletin_cmd->add_option("--as-of", bulletin.as_of, "YYYY-MM-DD (default today)");
  bulletin_cmd->add_option("--region", bulletin.region, "region code")->capture_default_str();
  bulletin_cmd->add_option("--view", bulletin.view, "adjusted|original|published")->capture_default_str();
  bulletin_cmd->add_option("--zone-name", bulletin.zone_name, "the zone as the text names it (default: the region's name)");

  sanpi::app::ProgressReportOptions progress;
  auto* progress_cmd = report_cmd->add_subcommand("progress", "Print the monthly investment progress roll-up (月度投资进度)");
  progress_cmd->add_option("--db", progress.db, "sqlite:PATH or postgresql://…")->capture_default_str();
  progress_cmd->add_option("--year", progress.year, "year (default this year)")->check(CLI::Range(2000, 2100));
  progress_cmd->add_option("--month", progress.month, "figures as of this month (default the current month)")
      ->check(CLI::Range(1, 12));
  progress_cmd->add_option("--by", progress.by, "unit|industry|batch|period|region")->capture_default_str();
  progress_cmd->add_option("--region", progress.region, "region code")->capture_default_str();
  progress_cmd->add_option("--out", progress.out, "also write the table as .xlsx");

  auto* export_cmd = cli.add_subcommand("export", "Export open data");
  export_cmd->require_subcommand(1);
  std::string export_out, export_region;
  auto* oc4ids_cmd = export_cmd->add_subcommand("oc4ids", "Write every project as an OC4IDS project package (JSON)");
  oc4ids_cmd->add_option("--db", db, "sqlite:PATH or postgresql://…")->capture_default_str();
  oc4ids_cmd->add_option("--out", export_out, "the package file (.json)")->required();
  oc4ids_cmd->add_option("--region", export_region, "only this region's projects (default: all)");

  sanpi::app::ExportLedgerOptions export_ledger;
  auto* export_ledger_cmd = export_cmd->add_subcommand("ledger", "Write the (filtered) project ledger as .xlsx");
  export_ledger_cmd->add_option("--db", export_ledger.db, "sqlite:PATH or postgresql://…")->capture_default_str();
  export_ledger_cmd->add_option("--out", export_ledger.out, "the .xlsx file")->required();
  export_ledger_cmd->add_option("--region", export_ledger.region, "region code")->capture_default_str();
  export_ledger_cmd->add_option("--q", export_ledger.text, "name or 项目代码 contains");
  export_ledger_cmd->add_option("--stage", export_ledger.stage, "reserve|signed|started|producing|effective|withdrawn");
  export_ledger_cmd->add_option("--batch", export_ledger.batch, "sign|start|production (the batch it is in now)");
  export_ledger_cmd->add_option("--period", export_ledger.period, "published on this period's roster");
  export_ledger_cmd->add_option("--unit-id", export_ledger.unit_id, "lead unit id");
  export_ledger_cmd->add_option("--leader-id", export_ledger.leader_id, "包联领导 user id");
  export_ledger_cmd->add_option("--industry", export_ledger.industry, "产业领域 equals");
  export_ledger_cmd->add_option("--min-investment", export_ledger.min_investment, "total investment ≥ (yuan)");
  export_ledger_cmd->add_option("--max-investment", export_ledger.max_investment, "total investment ≤ (yuan)");

  auto* import_cmd = cli.add_subcommand("import", "Import spreadsheets");
  import_cmd->require_subcommand(1);
  sanpi::app::ImportLedgerOptions import_ledger;
  auto* import_ledger_cmd = import_cmd->add_subcommand(
      "ledger", "Import a ledger .xlsx (项目台账): nothing is written while any row is invalid unless --only-valid");
  import_ledger_cmd->add_option("--db", import_ledger.db, "sqlite:PATH or postgresql://…")->capture_default_str();
  import_ledger_cmd->add_option("FILE", import_ledger.file, "the .xlsx file")->required()->check(CLI::ExistingFile);
  import_ledger_cmd->add_option("--region", import_ledger.region, "region code")->capture_default_str();
  import_ledger_cmd->add_flag("--dry-run", import_ledger.dry_run, "list problems and changes, write nothing");
  import_ledger_cmd->add_flag("--only-valid", import_ledger.only_valid, "write the valid rows, skip the invalid ones");
  import_ledger_cmd->add_option("--year", import_ledger.year, "year of 年度计划投资 for rows without 年度 (default: this year)")
      ->check(CLI::Range(2000, 2099));

  auto* user_cmd = cli.add_subcommand("user", "Manage user accounts");
  user_cmd->require_subcommand(1);
  std::string username, role, unit, region = "410171", scope, display_name;
  auto* user_add = user_cmd->add_subcommand("add", "Add a user; the password is read from standard input");
  user_add->add_option("--db", db, "sqlite:PATH or postgresql://…")->capture_default_str();
  user_add->add_option("--username", username, "login name")->required();
  user_add->add_option("--role", role, "admin|office|unit|leader|viewer|enterprise")->required();
  user_add->add_option("--unit", unit, "org unit code");
  user_add->add_option("--region", region, "region code (GB/T 2260)")->capture_default_str();
  user_add->add_option("--scope", scope, "self|unit|unit_and_below|region|region_and_below (default by role)");
  user_add->add_option("--name", display_name, "display name (default: the username)");
  bool password_stdin = false;
  user_add->add_flag("--password-stdin", password_stdin, "read the password from standard input")->required();

  std::string out;
  auto* backup_cmd = cli.add_subcommand("backup", "Write a consistent copy of the database");
  backup_cmd->add_option("--db", db, "sqlite:PATH")->capture_default_str();
  backup_cmd->add_option("--out", out, "backup file")->required();

  sanpi::app::SweepOptions sweep;
  auto* sweep_cmd = cli.add_subcommand("sweep", "Run the early-warning sweep (预警巡检) and print what changed");
  sweep_cmd->add_option("--db", sweep.db, "sqlite:PATH or postgresql://…")->capture_default_str();
  sweep_cmd->add_option("--region", sweep.region, "region code (default: every region with projects)");
  sweep_cmd->add_option("--as-of", sweep.as_of, "YYYY-MM-DD (default today)");

  sanpi::app::NotifyOptions notify;
  auto* notify_cmd = cli.add_subcommand("notify", "Send the webhook outbox (通知发件箱): due messages, with retries");
  notify_cmd->add_option("--db", notify.db, "sqlite:PATH or postgresql://…")->capture_default_str();
  notify_cmd->add_flag("--once", notify.once, "send what is due now and exit");
  notify_cmd->add_option("--period", notify.period_seconds, "seconds between rounds (without --once)")
      ->capture_default_str()->check(CLI::Range(1, 3600));
  notify_cmd->add_option("--webhook-reach", notify.webhook_reach,
                         "which addresses webhooks may reach: public, private (also private ranges; never loopback or link-local) or any")
      ->capture_default_str()->check(CLI::IsMember({"public", "private", "any"}));

  CLI11_PARSE(cli, argc, argv);
  if (*serve_cmd) return sanpi::app::RunServe(serve);
  if (*migrate_cmd) return sanpi::app::RunMigrate(db);
  if (*demo_cmd) return sanpi::app::RunDemo(db, extra_enterprises, extra_projects);
  if (*bulletin_cmd) return sanpi::app::RunReportBulletin(db, bulletin);
  if (*progress_cmd) return sanpi::app::RunReportProgress(progress);
  if (*export_ledger_cmd) return sanpi::app::RunExportLedger(export_ledger);
  if (*import_ledger_cmd) return sanpi::app::RunImportLedger(import_ledger);
  if (*oc4ids_cmd) return sanpi::app::RunExportOc4ids(db, export_out, export_region);
  if (*user_add) return sanpi::app::RunUserAdd(db, username, role, unit, region, scope, display_name);
  if (*backup_cmd) return sanpi::app::RunBackup(db, out);
  if (*sweep_cmd) return sanpi::app::RunSweep(sweep);
  if (*notify_cmd) return sanpi::app::RunNotify(notify);
  return 1;
}
