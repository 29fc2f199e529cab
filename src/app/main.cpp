// sanpi: the supervision platform for the 三个一批 campaign. main only declares the command line
// and hands each subcommand to its runner.
#include <CLI/CLI.hpp>

#include "app/commands.hpp"

int main(int argc, char** argv) {
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

  auto* export_cmd = cli.add_subcommand("export", "Export open data");
  export_cmd->require_subcommand(1);
  std::string export_out, export_region;
  auto* oc4ids_cmd = export_cmd->add_subcommand("oc4ids", "Write every project as an OC4IDS project package (JSON)");
  oc4ids_cmd->add_option("--db", db, "sqlite:PATH or postgresql://…")->capture_default_str();
  oc4ids_cmd->add_option("--out", export_out, "the package file (.json)")->required();
  oc4ids_cmd->add_option("--region", export_region, "only this region's projects (default: all)");

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

  CLI11_PARSE(cli, argc, argv);
  if (*serve_cmd) return sanpi::app::RunServe(serve);
  if (*migrate_cmd) return sanpi::app::RunMigrate(db);
  if (*demo_cmd) return sanpi::app::RunDemo(db, extra_enterprises, extra_projects);
  if (*bulletin_cmd) return sanpi::app::RunReportBulletin(db, bulletin);
  if (*oc4ids_cmd) return sanpi::app::RunExportOc4ids(db, export_out, export_region);
  if (*user_add) return sanpi::app::RunUserAdd(db, username, role, unit, region, scope, display_name);
  if (*backup_cmd) return sanpi::app::RunBackup(db, out);
  return 1;
}
