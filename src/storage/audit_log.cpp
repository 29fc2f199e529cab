#include "storage/audit_log.hpp"

#include "storage/clock.hpp"

namespace sanpi::storage {
namespace {
Value TextOrNull(std::string text) { return text.empty() ? Value{nullptr} : Value{std::move(text)}; }
}  // namespace

void AuditLog::Append(const core::Principal& actor, std::string action, std::string entity, std::string entity_id,
                      std::string before_json, std::string after_json) {
  tx_.Execute(
      "INSERT INTO audit_log (region_code, user_id, username, at, action, entity, entity_id, before_json, after_json) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {actor.region_code, actor.user_id == 0 ? Value{nullptr} : Value{actor.user_id}, actor.username, NowLocal(),
       std::move(action), std::move(entity), std::move(entity_id), TextOrNull(std::move(before_json)),
       TextOrNull(std::move(after_json))});
}

void AuditLog::AppendMany(const core::Principal& actor, const std::vector<Record>& records) {
  if (records.empty()) return;
  const std::string at = NowLocal();
  const Value user = actor.user_id == 0 ? Value{nullptr} : Value{actor.user_id};
  auto writer = tx_.BulkInsert("audit_log", {"region_code", "user_id", "username", "at", "action", "entity",
                                             "entity_id", "before_json", "after_json"});
  Params row;
  for (const Record& r : records) {
    row = {Value{actor.region_code}, user, Value{actor.username}, Value{at}, Value{r.action}, Value{r.entity},
           Value{r.entity_id}, TextOrNull(r.before_json), TextOrNull(r.after_json)};
    writer->Add(row);
  }
  writer->Finish();
}

std::vector<AuditEntry> AuditLog::History(const std::string& region_code, const std::string& entity,
                                          const std::string& entity_id) {
  std::vector<AuditEntry> out;
  auto rows = tx_.Query(
      "SELECT id, region_code, user_id, username, at, action, entity, entity_id, before_json, after_json "
      "FROM audit_log WHERE region_code = $1 AND entity = $2 AND entity_id = $3 ORDER BY id",
      {region_code, entity, entity_id});
  for (auto row : rows) {
    out.push_back({row.Int(0), row.Text(1), row.Int(2), row.Text(3), row.Text(4), row.Text(5), row.Text(6),
                   row.Text(7), row.Text(8), row.Text(9)});
  }
  return out;
}

}  // namespace sanpi::storage
