#include "app/commands.hpp"

#include "app/cli_support.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <boost/json/serialize.hpp>

#include "core/bulletin.hpp"
#include "codec/oc4ids_json.hpp"
#include "storage/campaign_repository.hpp"
#include "storage/clock.hpp"
#include "storage/oc4ids_source.hpp"
#include "storage/region_repository.hpp"
#include "storage/sweep_scheduler.hpp"
#include "notify/delivery_scheduler.hpp"

#include "core/user.hpp"
#include "demo/demo_zone.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "storage/credentials.hpp"
#include "storage/database.hpp"
#include "storage/user_repository.hpp"

namespace sanpi::app {
namespace {

// The built front end: the --web folder, else web/dist under the working directory or beside the binary.
std::string FindWebRoot(const std::string& given) {
  namespace fs = std::filesystem;
  if (!given.empty()) return given;
  std::error_code ignored;
  for (fs::path candidate : {fs::path("web/dist"), fs::read_symlink("/proc/self/exe", ignored).parent_path() / "../../web/dist"}) {
    if (fs::exists(candidate / "index.html", ignored)) return fs::weakly_canonical(candidate, ignored).string();
  }
  return "";
}

// Attachments live beside the SQLite file unless told otherwise.
std::string DataDir(const std::string& given, const std::string& url) {
  if (!given.empty()) return given;
  if (url.rfind("sqlite:", 0) == 0) {
    auto parent = std::filesystem::path(url.substr(7)).parent_path();
    return (parent.empty() ? std::filesystem::path("files") : parent / "files").string();
  }
  return "data/files";
}

}  // namespace

int RunServe(const ServeOptions& options) {
  auto colon = options.listen.rfind(':');
  int port = colon == std::string::npos ? -1 : std::atoi(options.listen.c_str() + colon + 1);
  if (port < 0 || port > 65535) {
    return Fail(core::Status::InvalidField("listen", {"应为 主机:端口", "must be HOST:PORT"}));
  }
  auto db = OpenOrSay(options.db);
  if (!db) return 1;
  std::string web = FindWebRoot(options.web);
  if (web.empty()) spdlog::warn("no built web front end found (run `make build`); serving the API only");

  http::ServerOptions server;
  server.host = options.listen.substr(0, colon);
  server.port = static_cast<unsigned short>(port);
  server.threads = options.threads;
  server.on_listening = [&](unsigned short bound) {
    spdlog::info("sanpi listening on http://{}:{} (database {}, web {})", server.host, bound,
                 db->dialect() == storage::Dialect::kSqlite ? "SQLite" : "PostgreSQL", web.empty() ? "none" : web);
  };
  // The daily warning sweep runs beside the requests and stops (finishing a sweep in progress) before the
  // database closes.
  storage::SweepSchedule schedule;
  schedule.period = std::chrono::seconds(options.sweep_period_seconds);
  schedule.log = [](const std::string& line) { spdlog::info("{}", line); };
  storage::SweepScheduler sweeps(*db, std::move(schedule));
  // Region-wide warning refreshes (after an import, new rules) go to the scheduler's thread, not the request.
  http::Api api(*db, {web, true, DataDir(options.data_dir, options.db),
                      [&sweeps](const std::string& region) { sweeps.Request(region); }});
  server.body_limit = [&api](const std::string& method, const std::string& target) { return api.BodyLimit(method, target); };
  // The webhook outbox worker (通知发件箱) runs beside the requests too.
  notify::DeliverySchedule deliveries;
  deliveries.period = std::chrono::seconds(options.notify_period_seconds);
  deliveries.log = [](const std::string& line) { spdlog::info("{}", line); };
  notify::DeliveryScheduler notifier(*db, deliveries,
                                     notify::WebhookSender(deliveries.options.timeout, notify::ParseWebhookReach(options.webhook_reach)));
  auto status = http::Serve(server, [&api](const http::Request& request) { return api.Handle(request); });
  notifier.Stop();
  sweeps.Stop();
  if (!status.ok()) return Fail(status);
  spdlog::info("sanpi stopped");
  return 0;
}

int RunMigrate(const std::string& url) {
  auto db = OpenOrSay(url);
  if (!db) return 1;
  std::cout << "schema up to date\n";
  return 0;
}

int RunDemo(const std::string& url, int extra_enterprises, int extra_projects) {
  auto db = OpenOrSay(url);
  if (!db) return 1;
  auto start = std::chrono::steady_clock::now();
  auto status = demo::SeedDemoZone(*db, {extra_enterprises, extra_projects});
  if (!status.ok()) return Fail(status);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  if (extra_projects > 0) std::cout << extra_projects << " generated projects written in " << millis << " ms\n";
  std::cout << "demo zone created: 郑州高新技术产业开发区 (410171)\n"
            << "log in as admin, office, unit_zjj, unit_yq, leader1, viewer, city_viewer or ent1 — password "
            << demo::kDemoPassword << "\n";
  return 0;
}

int RunUserAdd(const std::string& url, const std::string& username, const std::string& role_name,
               const std::string& unit_code, const std::string& region, const std::string& scope_name,
               const std::string& display_name) {
  std::string password;
  std::getline(std::cin, password);
  if (auto problem = core::PasswordProblem(password)) return Fail(core::Status::InvalidField("password", *problem));
  auto role = core::ParseRole(role_name);
  if (!role) return Fail(core::Status::InvalidField("role", {"未知角色", "unknown role"}));
  auto db = OpenOrSay(url);
  if (!db) return 1;
  std::string hash = storage::HashPassword(password);
  auto tx = db->Begin(storage::Access::kWrite);
  core::User user;
  user.username = username;
  user.display_name = display_name.empty() ? username : display_name;
  user.roles = {*role};
  bool unit_role = *role == core::Role::kUnit;
  user.scope = core::ParseDataScope(scope_name).value_or(unit_role ? core::DataScope::kUnit : core::DataScope::kRegion);
  if (!scope_name.empty() && !core::ParseDataScope(scope_name)) {
    return Fail(core::Status::InvalidField("scope", {"未知数据范围", "unknown data scope"}));
  }
  if (!unit_code.empty()) {
    auto rows = tx->Query("SELECT id FROM org_units WHERE region_code = $1 AND code = $2", {region, unit_code});
    if (rows.empty()) return Fail(core::Status::InvalidField("unit", {"单位不存在", "no such unit"}));
    user.unit_id = rows.front().Int(0);
  }
  core::Principal console;  // the operator at the console acts as a region administrator
  console.username = "console";
  console.roles = {core::Role::kAdmin};
  console.scope = core::DataScope::kRegionAndBelow;
  console.region_code = region;
  auto created = storage::UserRepository(*tx).Create(console, user, hash);
  if (!created.ok()) return Fail(created.status());
  tx->Commit();
  std::cout << "user " << username << " created (id " << created->id << ")\n";
  return 0;
}

int RunBackup(const std::string& url, const std::string& out) {
  auto db = OpenOrSay(url);
  if (!db) return 1;
  auto status = db->Backup(out);
  if (!status.ok()) return Fail(status);
  std::cout << "backup written to " << out << "\n";
  return 0;
}

}  // namespace sanpi::app

namespace sanpi::app {

int RunReportBulletin(const std::string& url, const BulletinOptions& options) {
  auto as_of = options.as_of.empty() ? std::optional(core::Date::Today()) : core::Date::Parse(options.as_of);
  if (!as_of) return Fail(core::Status::InvalidField("as-of", {"日期格式应为YYYY-MM-DD", "a date must read YYYY-MM-DD"}));
  auto view = storage::ParseRosterView(options.view);
  if (!view) return Fail(core::Status::InvalidField("view", {"视图应为 published、original 或 adjusted", "view must be published, original or adjusted"}));
  auto db = OpenOrSay(url);
  if (!db) return 1;
  auto tx = db->Begin(storage::Access::kRead);
  auto snapshot = storage::CampaignRepository(*tx).LoadRoster(options.region, options.period, *view);
  if (!snapshot.ok()) return Fail(snapshot.status());
  core::BulletinOptions text_options;
  text_options.adjusted = *view == storage::RosterView::kAdjusted;
  if (!options.zone_name.empty()) {
    text_options.zone_name = options.zone_name;
  } else if (auto region = storage::RegionRepository(*tx).Get(options.region); region.ok()) {
    text_options.zone_name = region->name;
  }
  core::ProjectFactsIndex index(snapshot->facts);
  std::cout << core::GenerateBulletin(snapshot->lines, index, options.period, *as_of, text_options) << "\n";
  return 0;
}

int RunExportOc4ids(const std::string& url, const std::string& out, const std::string& region) {
  auto db = OpenOrSay(url);
  if (!db) return 1;
  // Streamed into a temporary file beside `out`, renamed when complete: a reader never sees half a package.
  const std::string partial = out + ".partial";
  std::ofstream file(partial, std::ios::binary | std::ios::trunc);
  if (!file) {
    std::cerr << "sanpi: 无法写入 / cannot write " << partial << "\n";
    return 1;
  }
  std::string now = storage::NowLocal();  // "YYYY-MM-DD HH:MM:SS", China Standard Time
  codec::Oc4idsPackageInfo info;
  info.uri = "urn:sanpi:oc4ids:" + (region.empty() ? std::string("all") : region) + ":" + now.substr(0, 10);
  info.published_date = now.substr(0, 10) + "T" + now.substr(11, 8) + "+08:00";
  info.publisher_name = "三个一批重点项目监管平台 (sanpi)";
  if (!region.empty()) {
    auto tx = db->Begin(storage::Access::kRead);
    if (auto found = storage::RegionRepository(*tx).Get(region); found.ok()) info.publisher_name = found->name;
    else return Fail(found.status());
  }
  // The head ends in "projects":[]}; the projects go between the brackets one at a time.
  std::string head = boost::json::serialize(codec::Oc4idsPackageHead(info));
  file << head.substr(0, head.size() - 2);
  const core::Date today = core::Date::Today();
  std::int64_t count = 0;
  {
    auto tx = db->Begin(storage::Access::kRead);
    storage::ForEachOc4idsSource(*tx, region, [&](const codec::Oc4idsSource& source) {
      if (count++ > 0) file << ",";
      file << boost::json::serialize(codec::ToOc4ids(source, today));
    });
  }
  file << "]}\n";
  file.close();
  if (!file) {
    std::cerr << "sanpi: 写入失败 / writing failed: " << partial << "\n";
    return 1;
  }
  std::error_code error;
  std::filesystem::rename(partial, out, error);
  if (error) {
    std::cerr << "sanpi: " << error.message() << "\n";
    return 1;
  }
  std::cerr << "sanpi: " << count << " projects → " << out << "\n";
  return 0;
}

}  // namespace sanpi::app
