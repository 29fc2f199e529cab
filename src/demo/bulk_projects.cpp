// `sanpi demo --projects N`: a province-scale ledger for benchmarks. Rows go in as multi-row
// INSERTs of one prepared shape (kRowsPerStatement rows each) inside the caller's transaction, so
// 100,000 projects take seconds, not the minutes one audited Create per row would.
#include <cstdio>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/date.hpp"
#include "core/project_stage.hpp"
#include "core/money.hpp"
#include "demo/demo_campaign.hpp"
#include "storage/clock.hpp"
#include "storage/roster_cache.hpp"

namespace sanpi::demo {
namespace {

constexpr int kRowsPerStatement = 100;
constexpr int kRosterEvery = 7;  // about one project in seven is on a roster: ~2,000 per period at 100,000

// A small deterministic generator (splitmix64), so the same count gives the same data everywhere.
struct Random {
  std::uint64_t state;
  std::uint64_t Next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
};

std::string Placeholders(int rows, int columns, const std::string& tail = "") {
  std::string out;
  int n = 0;
  for (int r = 0; r < rows; ++r) {
    out += r ? ", (" : "(";
    for (int c = 0; c < columns; ++c) out += (c ? ", $" : "$") + std::to_string(++n);
    out += tail + ")";
  }
  return out;
}

storage::Value DateOrNull(const std::optional<core::Date>& date) {
  return date ? storage::Value{date->ToString()} : storage::Value{nullptr};
}

struct Generated {
  std::string batch;  // roster batch, "" when not on a roster
  int period = 0;
  core::Commitment commitment;
};

}  // namespace

core::Status GenerateProjects(storage::Transaction& tx, const core::Principal& office, int count) {
  const std::string region = office.region_code;
  std::vector<std::int64_t> units, leaders, enterprises;
  for (auto row : tx.Query("SELECT id FROM org_units WHERE region_code = $1 ORDER BY id", {region})) units.push_back(row.Int(0));
  for (auto row : tx.Query("SELECT id FROM users WHERE region_code = $1 AND roles LIKE '%leader%' ORDER BY id", {region}))
    leaders.push_back(row.Int(0));
  for (auto row : tx.Query("SELECT id FROM enterprises WHERE region_code = $1 ORDER BY id LIMIT 1000", {region}))
    enterprises.push_back(row.Int(0));
  if (units.empty() || leaders.empty() || enterprises.empty()) {
    return core::Status::Internal({"请先创建演示区域", "the demo zone's units, leaders and enterprises are needed first"});
  }
  std::vector<core::Date> period_days;
  for (auto row : tx.Query("SELECT held_on FROM periods WHERE region_code = $1 ORDER BY number", {region}))
    period_days.push_back(*core::Date::Parse(row.Text(0)));
  const char* industries[] = {"数字经济", "集成电路", "生物医药", "新能源", "装备制造", "新材料", "智能传感器", "现代服务业"};
  const std::int64_t first_id = tx.Query("SELECT COALESCE(MAX(id), 0) FROM projects").front().Int(0);
  const std::string now = storage::NowLocal();
  Random random{static_cast<std::uint64_t>(count) * 7919};
  std::vector<Generated> roster(static_cast<size_t>(count));

  constexpr int kProjectColumns = 21;
  storage::Params params;
  int rows = 0;
  auto flush_projects = [&](int row_count) {
    if (row_count == 0) return;
    tx.Execute(
        "INSERT INTO projects (region_code, unit_id, created_by, code, name, enterprise_id, industry, kind, address, "
        "total_investment, leader_id, responsible_person, stage, signed_on, fulfilled_on, started_on, producing_on, "
        "effective_on, withdrawn_on, withdrawal_reason, roster_batch, cooperating_unit_ids, created_at, updated_at, "
        "version) VALUES " + Placeholders(row_count, kProjectColumns, ", '[]', '" + now + "', '" + now + "', 1"),
        params);
    params.clear();
  };
  for (int i = 0; i < count; ++i) {
    core::StageRecord r;
    core::Date base = core::Date(2021, 1, 1).AddDays(random.Below(900));
    int dice = random.Below(100);
    core::Stage stage = dice < 20 ? core::Stage::kReserve : dice < 40 ? core::Stage::kSigned
                        : dice < 70 ? core::Stage::kStarted : dice < 88 ? core::Stage::kProducing
                        : dice < 97 ? core::Stage::kEffective : core::Stage::kWithdrawn;
    r.stage = stage;
    bool signs = stage != core::Stage::kReserve && random.Below(3) != 0;
    if (signs || stage == core::Stage::kSigned || stage == core::Stage::kWithdrawn) {
      r.signed_on = base;
      if (stage != core::Stage::kSigned || random.Below(2)) r.fulfilled_on = base.AddDays(30 + random.Below(60));
    }
    core::Date cursor = r.fulfilled_on.value_or(base);
    if (stage == core::Stage::kStarted || stage == core::Stage::kProducing || stage == core::Stage::kEffective) {
      if (r.signed_on && !r.fulfilled_on) r.fulfilled_on = cursor = base.AddDays(45);
      r.started_on = cursor = cursor.AddDays(20 + random.Below(90));
    }
    if (stage == core::Stage::kProducing || stage == core::Stage::kEffective) r.producing_on = cursor = cursor.AddDays(200 + random.Below(300));
    if (stage == core::Stage::kEffective) r.effective_on = cursor.AddDays(100 + random.Below(200));
    if (stage == core::Stage::kWithdrawn) {
      r.withdrawn_on = cursor.AddDays(60);
      r.withdrawal_reason = "企业投资计划调整";
    }
    std::int64_t yuan = (50 + random.Below(4950)) * core::kYuanPerWan;
    Generated& g = roster[static_cast<size_t>(i)];
    if (i % kRosterEvery == 0 && stage != core::Stage::kReserve && !period_days.empty()) {
      g.period = 1 + random.Below(static_cast<int>(period_days.size()));
      core::Date day = period_days[static_cast<size_t>(g.period - 1)];
      if (stage == core::Stage::kSigned || stage == core::Stage::kWithdrawn) {
        g.batch = "sign";
        g.commitment.sign_date = day;
      } else if (stage == core::Stage::kStarted) {
        g.batch = "start";
        g.commitment.planned_start_date = day.AddDays(60);
      } else {
        g.batch = "production";
        g.commitment.planned_production_date = day.AddDays(90);
        g.commitment.year_planned_investment = yuan / 5;
        g.commitment.plan_year = day.year();
      }
    }
    char code[32];
    std::snprintf(code, sizeof code, "%d-%s-39-03-%06d", base.year(), region.c_str(), 200000 + i);
    std::int64_t enterprise = r.signed_on ? enterprises[static_cast<size_t>(i) % enterprises.size()] : 0;
    storage::Params row{region, units[static_cast<size_t>(random.Below(static_cast<int>(units.size())))],
                        nullptr, r.started_on ? storage::Value{std::string(code)} : storage::Value{std::string()},
                        "样本项目" + std::to_string(i + 1) + "号", enterprise ? storage::Value{enterprise} : storage::Value{nullptr},
                        std::string(industries[random.Below(8)]), std::string(i % 10 == 0 ? "infrastructure" : "industry"),
                        std::string("河南省"), yuan, leaders[static_cast<size_t>(i) % leaders.size()], std::string("负责人"),
                        std::string(core::StageCode(stage)), DateOrNull(r.signed_on), DateOrNull(r.fulfilled_on),
                        DateOrNull(r.started_on), DateOrNull(r.producing_on), DateOrNull(r.effective_on),
                        DateOrNull(r.withdrawn_on), r.withdrawal_reason, g.batch};
    for (auto& value : row) params.push_back(std::move(value));
    if (++rows == kRowsPerStatement) {
      flush_projects(rows);
      rows = 0;
    }
  }
  flush_projects(rows);

  // Ids were handed out in insertion order inside this transaction (the only writer).
  std::vector<std::int64_t> ids;
  ids.reserve(static_cast<size_t>(count));
  for (auto row : tx.Query("SELECT id FROM projects WHERE region_code = $1 AND id > $2 ORDER BY id", {region, first_id}))
    ids.push_back(row.Int(0));
  constexpr int kEntryColumns = 10;
  rows = 0;
  auto flush_entries = [&](int row_count) {
    if (row_count == 0) return;
    tx.Execute(
        "INSERT INTO roster_entries (region_code, period, project_id, batch, sequence, sign_date, planned_start_date, "
        "planned_production_date, year_planned_investment, plan_year, version, created_at) VALUES " +
            Placeholders(row_count, kEntryColumns, ", 1, '" + now + "'"),
        params);
    params.clear();
  };
  for (size_t i = 0; i < roster.size() && i < ids.size(); ++i) {
    const Generated& g = roster[i];
    if (g.batch.empty()) continue;
    storage::Params row{region, std::int64_t{g.period}, ids[i], g.batch, static_cast<std::int64_t>(1000 + i),
                        DateOrNull(g.commitment.sign_date), DateOrNull(g.commitment.planned_start_date),
                        DateOrNull(g.commitment.planned_production_date), g.commitment.year_planned_investment,
                        std::int64_t{g.commitment.plan_year}};
    for (auto& value : row) params.push_back(std::move(value));
    if (++rows == kRowsPerStatement) {
      flush_entries(rows);
      rows = 0;
    }
  }
  flush_entries(rows);
  storage::BumpRegionRevision(tx, region);  // a server running on this database must not serve cached rosters
  // Fresh statistics, so both planners choose the region indexes at this size from the first query.
  tx.Execute("ANALYZE");
  return core::Status::Ok();
}

}  // namespace sanpi::demo
