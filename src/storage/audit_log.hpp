#pragma once
// 审计日志: every write appends who did what to which record, with the record before and after,
// inside the same transaction as the write itself.
#include <cstdint>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

struct AuditEntry {
  std::int64_t id = 0;
  std::string region_code;
  std::int64_t user_id = 0;
  std::string username;
  std::string at;
  std::string action;  // create | update | delete | login | logout | password | correct …
  std::string entity;  // enterprise | org_unit | user | region | session …
  std::string entity_id;
  std::string before_json;  // empty when there was no record before
  std::string after_json;   // empty when there is none after
};

class AuditLog {
 public:
  explicit AuditLog(Transaction& tx) : tx_(tx) {}
  void Append(const core::Principal& actor, std::string action, std::string entity, std::string entity_id,
              std::string before_json, std::string after_json);
  // One record of a bulk write (an import): what AppendMany writes for each.
  struct Record {
    std::string action, entity, entity_id, before_json, after_json;
  };
  // The records in as few statements as the backends allow; the same as Append for each.
  void AppendMany(const core::Principal& actor, const std::vector<Record>& records);
  // The history of one record, oldest first.
  std::vector<AuditEntry> History(const std::string& region_code, const std::string& entity, const std::string& entity_id);

 private:
  Transaction& tx_;
};

}  // namespace sanpi::storage
