// The progress cache (storage/progress_cache.hpp) over the demo zone: a report submission is seen at
// once by reloading only the rows written since (a patch, not a full load), the patched year equals a
// fresh load, and a write to the projects themselves — or a project's first plan — loads everything.
#include <gtest/gtest.h>

#include "core/date.hpp"
#include "demo/demo_zone.hpp"
#include "storage/investment_plan_repository.hpp"
#include "storage/monthly_report_repository.hpp"
#include "storage/progress_cache.hpp"
#include "storage/roster_cache.hpp"
#include "support/test_database.hpp"

namespace sanpi::testing {
namespace {

class ProgressCacheTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    auto seeded = demo::SeedDemoZone(db());
    ASSERT_TRUE(seeded.ok()) << seeded.ToString();
    office_.user_id = 2;
    office_.roles = {core::Role::kOffice};
    office_.scope = core::DataScope::kRegion;
    office_.region_code = kRegion;
    auto tx = db().Begin(storage::Access::kRead);
    office_.user_id = tx->Query("SELECT id FROM users WHERE username = 'office'").front().Int(0);
  }
  std::shared_ptr<const storage::ProgressYear> Load() {
    auto tx = db().Begin(storage::Access::kRead);
    auto year = cache_.Load(*tx, kRegion, year_);
    EXPECT_TRUE(year.ok());
    return *year;
  }
  static void ExpectSame(const storage::ProgressYear& a, const storage::ProgressYear& b) {
    ASSERT_EQ(a.figures.size(), b.figures.size());
    for (size_t i = 0; i < a.figures.size(); ++i) {
      ASSERT_EQ(a.figures[i].project_id, b.figures[i].project_id);
      EXPECT_EQ(a.figures[i].planned, b.figures[i].planned);
      EXPECT_EQ(a.figures[i].completed, b.figures[i].completed) << a.figures[i].project_id;
      EXPECT_EQ(a.facts[i].submitted_mask, b.facts[i].submitted_mask);
      EXPECT_EQ(a.facts[i].on_time_mask, b.facts[i].on_time_mask);
    }
  }
  static constexpr const char* kRegion = "410171";
  const int year_ = core::Date::Today().year();
  core::Principal office_;
  storage::ProgressCache cache_;
};

TEST_P(ProgressCacheTest, ASubmissionPatchesTheCachedYearAndAProjectWriteReloadsIt) {
  auto first = Load();
  ASSERT_FALSE(first->figures.empty());
  EXPECT_EQ(cache_.misses(), 1);
  EXPECT_EQ(Load(), first) << "served from the cache while nothing is written";
  EXPECT_EQ(cache_.hits(), 1);

  // Every 13th demo project misses last month's report: file it now.
  const auto missing = std::find_if(first->figures.begin(), first->figures.end(),
                                    [](const core::ProjectYearFigures& f) { return f.project_id % 13 == 0; });
  ASSERT_NE(missing, first->figures.end());
  const core::Date today = core::Date::Today();
  const unsigned month = today.month() == 1 ? 1 : today.month() - 1;
  {
    auto tx = db().Begin(storage::Access::kWrite);
    storage::MonthlyReportRepository reports(*tx);
    const auto before = tx->Query("SELECT cumulative FROM monthly_reports WHERE project_id = $1 "
                                  "ORDER BY year DESC, month DESC LIMIT 1", {missing->project_id}).front().Int(0);
    auto draft = reports.SaveDraft(office_, missing->project_id, year_, month,
                                   {1'234'567, before + 1'234'567, "", 50, ""}, {}, 0);
    ASSERT_TRUE(draft.ok()) << draft.status().ToString();
    auto submitted = reports.Submit(office_, missing->project_id, year_, month, 1);
    ASSERT_TRUE(submitted.ok()) << submitted.status().ToString();
    tx->Commit();
  }
  auto patched = Load();
  EXPECT_EQ(cache_.patches(), 1);
  EXPECT_EQ(cache_.misses(), 1);
  auto row = std::find_if(patched->figures.begin(), patched->figures.end(),
                          [&](const core::ProjectYearFigures& f) { return f.project_id == missing->project_id; });
  EXPECT_EQ(row->completed[month - 1], 1'234'567);
  {
    auto tx = db().Begin(storage::Access::kRead);
    ExpectSame(*patched, storage::LoadProgressYear(*tx, kRegion, year_));
  }

  // A write to the projects (their unit, industry …) loads everything again.
  {
    auto tx = db().Begin(storage::Access::kWrite);
    storage::BumpRegionRevision(*tx, kRegion);
    tx->Commit();
  }
  Load();
  EXPECT_EQ(cache_.misses(), 2);

  // A project's first plan for the year (here the withdrawn one, the only project without) brings a new
  // row: a full load, not a patch.
  {
    auto tx = db().Begin(storage::Access::kWrite);
    auto withdrawn = tx->Query("SELECT id FROM projects WHERE region_code = $1 AND withdrawn_on IS NOT NULL LIMIT 1",
                               {std::string(kRegion)});
    ASSERT_FALSE(withdrawn.empty());
    core::DecompositionRequest plan;
    plan.year = year_;
    plan.annual = 1'200;
    auto saved = storage::InvestmentPlanRepository(*tx).Save(office_, withdrawn.front().Int(0), plan, 0);
    ASSERT_TRUE(saved.ok()) << saved.status().ToString();
    tx->Commit();
  }
  auto grown = Load();
  EXPECT_EQ(cache_.misses(), 3);
  EXPECT_EQ(cache_.patches(), 1);
  EXPECT_EQ(grown->figures.size(), patched->figures.size() + 1);
}

SANPI_BOTH_BACKENDS(ProgressCacheTest);

}  // namespace
}  // namespace sanpi::testing
