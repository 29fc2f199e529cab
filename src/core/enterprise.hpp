#pragma once
// 企业: the companies that build the projects and receive policy benefits.
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"

namespace sanpi::core {

struct Enterprise {
  std::int64_t id = 0;
  std::string region_code;
  std::int64_t unit_id = 0;     // the org unit that looks after it (its owner for data scope)
  std::int64_t created_by = 0;
  std::string name;
  std::string uscc;             // 统一社会信用代码
  std::string industry;         // 行业
  std::vector<std::string> tags;  // 高新技术企业, 科技型中小企业, 规上企业 …
  std::string address;
  std::string contact;          // contact person
  std::string phone;
  std::int64_t version = 0;
  std::string created_at;  // set by storage, local time "YYYY-MM-DD HH:MM:SS"
  std::string updated_at;
};

Status ValidateEnterprise(const Enterprise& enterprise);

}  // namespace sanpi::core
