#pragma once
// `sanpi demo`: a deterministic demo zone — the region tree 河南省 → 郑州市 → 郑州高新区, its
// org units, a user of every role and a set of enterprises — so every page says something on
// first start. Later capabilities add their data here.
#include <string>

#include "core/status.hpp"
#include "storage/database.hpp"

namespace sanpi::demo {

inline constexpr const char* kDemoPassword = "Sanpi2026";
inline constexpr const char* kZoneCode = "410171";

struct DemoOptions {
  int extra_enterprises = 0;  // more generated enterprises, for benchmarks
  int projects = 0;            // more generated projects (demo_campaign.hpp GenerateProjects), for benchmarks
};

// Fills an empty database. RuleBroken when the zone already exists (nothing is changed then).
core::Status SeedDemoZone(storage::Database& db, const DemoOptions& options = {});

// A valid USCC derived from a number, for generated enterprises.
std::string DemoUscc(long long n);

}  // namespace sanpi::demo
