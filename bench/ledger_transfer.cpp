// The ledger import and export at province scale: `ledger_transfer PHASE --db URL --file F [--rows N]`.
// Phases run as separate processes so each one's peak memory (ru_maxrss) is its own:
//   setup   — seeds the demo zone into an empty database and writes an N-row ledger .xlsx (default 100,000)
//   dry_run — reads and plans the file, writes nothing
//   commit  — reads, plans and writes it in one transaction
//   export  — writes the whole ledger to F
// Prints one parsable line: BENCH phase=… rows=… seconds=… peak_mb=…
#include <sys/resource.h>

#include <chrono>
#include <cstring>
#include <iostream>
#include <string>

#include "core/ledger_columns.hpp"
#include "demo/demo_zone.hpp"
#include "storage/database.hpp"
#include "transfer/ledger_export.hpp"
#include "transfer/ledger_import.hpp"
#include "transfer/xlsx_book.hpp"

namespace {

using namespace sanpi;

core::Principal Office() {
  core::Principal p;
  p.username = "bench";
  p.roles = {core::Role::kOffice};
  p.scope = core::DataScope::kRegion;
  p.region_code = demo::kZoneCode;
  return p;
}

double PeakMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

int Setup(storage::Database& db, const std::string& file, int rows) {
  if (auto status = demo::SeedDemoZone(db, {1000, 0}); !status.ok()) {
    std::cerr << status.ToString() << "\n";
    return 1;
  }
  std::vector<std::pair<std::string, std::string>> enterprises;  // name, USCC
  std::vector<std::string> units, leaders;
  {
    auto tx = db.Begin(storage::Access::kRead);
    for (auto r : tx->Query("SELECT name, uscc FROM enterprises ORDER BY id")) enterprises.emplace_back(r.Text(0), r.Text(1));
    for (auto r : tx->Query("SELECT code FROM org_units WHERE region_code = $1 ORDER BY id", {std::string(demo::kZoneCode)}))
      units.push_back(r.Text(0));
    for (auto r : tx->Query("SELECT username FROM users WHERE region_code = $1 AND active = 1 ORDER BY id",
                            {std::string(demo::kZoneCode)}))
      leaders.push_back(r.Text(0));
    auto periods = tx->Query("SELECT MAX(number) FROM periods WHERE region_code = $1", {std::string(demo::kZoneCode)});
    std::cerr << "periods up to " << periods.front().Text(0) << ", " << enterprises.size() << " enterprises\n";
  }
  using C = core::LedgerColumn;
  const std::vector<C> columns = {C::kCode, C::kName, C::kEnterprise, C::kUscc, C::kIndustry, C::kKind, C::kAddress,
                                  C::kContent, C::kTotalInvestment, C::kStage, C::kSignedOn, C::kFulfilledOn,
                                  C::kStartedOn, C::kInStatsDb, C::kUnit, C::kLeader, C::kResponsiblePerson, C::kPhone,
                                  C::kRemark};
  transfer::XlsxBook book(file);
  book.AddSheet("项目台账");
  for (size_t c = 0; c < columns.size(); ++c) book.Header(0, static_cast<int>(c), core::LedgerHeader(columns[c]));
  const char* industries[] = {"新材料", "电子信息", "生物医药", "装备制造", "现代服务"};
  for (int i = 1; i <= rows; ++i) {
    const auto& enterprise = enterprises[i % enterprises.size()];
    char code[32];
    std::snprintf(code, sizeof code, "2024-410171-39-03-%06d", i);
    bool started = i % 3 == 0;
    int col = 0;
    book.Text(i, col++, code);
    book.Text(i, col++, "基准项目" + std::to_string(i));
    book.Text(i, col++, enterprise.first);
    book.Text(i, col++, enterprise.second);
    book.Text(i, col++, industries[i % 5]);
    book.Text(i, col++, "产业");
    book.Text(i, col++, "郑州高新区科学大道" + std::to_string(i % 500) + "号");
    book.Text(i, col++, "新建厂房及配套设施");
    book.Wan(i, col++, 1'000'000 + static_cast<core::Yuan>(i) * 12'345);
    book.Text(i, col++, started ? "开工" : "签约");
    book.Day(i, col++, core::Date(2023, 1 + i % 12, 1 + i % 28));
    if (started) book.Day(i, col, core::Date(2024, 1 + i % 6, 1 + i % 28));
    ++col;
    if (started) book.Day(i, col, core::Date(2024, 7 + i % 3, 1 + i % 28));
    ++col;
    book.Text(i, col++, "否");
    book.Text(i, col++, units[i % units.size()]);
    book.Text(i, col++, leaders[i % leaders.size()]);
    book.Text(i, col++, "负责人" + std::to_string(i % 97));
    book.Text(i, col++, "13800138000");
    ++col;
  }
  book.FreezeHeader(1);
  return book.Close().ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: ledger_transfer setup|dry_run|commit|export --db URL --file F [--rows N]\n";
    return 2;
  }
  std::string phase = argv[1], url, file;
  int rows = 100'000;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db")) url = argv[i + 1];
    if (!std::strcmp(argv[i], "--file")) file = argv[i + 1];
    if (!std::strcmp(argv[i], "--rows")) rows = std::atoi(argv[i + 1]);
  }
  auto db = storage::Open(url);
  if (!db.ok()) {
    std::cerr << db.status().ToString() << "\n";
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  std::int64_t count = 0;
  int code = 0;
  if (phase == "setup") {
    code = Setup(**db, file, rows);
    count = rows;
  } else if (phase == "dry_run" || phase == "commit") {
    core::LedgerImportOptions options;
    options.today = core::Date::Today();
    options.year = options.today.year();
    auto mode = phase == "commit" ? transfer::ImportMode::kCommit : transfer::ImportMode::kDryRun;
    auto report = transfer::ImportLedgerFile(**db, Office(), file, mode, options);
    if (!report.ok()) {
      std::cerr << report.status().ToString() << "\n";
      return 1;
    }
    for (const auto& p : report->plan.Problems()) {
      std::cerr << "problem row " << p.row << " " << p.column << " " << p.value << ": " << p.reason.en << "\n";
      if (++code > 5) break;
    }
    count = report->rows;
    std::cerr << "create " << report->plan.creates << " update " << report->plan.updates << " invalid "
              << report->plan.invalid << " committed " << report->committed << "\n";
    code = (mode == transfer::ImportMode::kCommit && !report->committed) || report->plan.invalid > 0;
  } else if (phase == "export") {
    auto tx = (*db)->Begin(storage::Access::kRead);
    auto written = transfer::ExportLedger(*tx, Office(), {}, file);
    if (!written.ok()) {
      std::cerr << written.status().ToString() << "\n";
      return 1;
    }
    count = *written;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "BENCH phase=" << phase << " rows=" << count << " seconds=" << seconds << " peak_mb=" << PeakMb() << "\n";
  return code;
}
