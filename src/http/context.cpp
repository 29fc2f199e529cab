#include "http/context.hpp"

#include <charconv>

#include "codec/json_reader.hpp"

namespace sanpi::http {
namespace {

bool ParseInt(const std::string& text, std::int64_t& out) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

core::Result<boost::json::value> Context::JsonBody() const {
  std::string type = request.Header("content-type");
  if (type.rfind("application/json", 0) != 0) {
    return core::Status::UnsupportedMedia({"请求体应为 JSON（Content-Type: application/json）",
                                           "the request body must be JSON (Content-Type: application/json)"});
  }
  return codec::ParseJson(request.body);
}

core::Result<std::int64_t> Context::PathId(const std::string& name) const {
  std::int64_t id = 0;
  auto found = params.find(name);
  if (found == params.end() || !ParseInt(found->second, id) || id <= 0) {
    return core::Status::InvalidField(name, {"应为正整数", "must be a positive whole number"});
  }
  return id;
}

core::Result<std::int64_t> Context::QueryInt(const std::string& name, std::int64_t fallback) const {
  auto found = request.query.find(name);
  if (found == request.query.end() || found->second.empty()) return fallback;
  std::int64_t value = 0;
  if (!ParseInt(found->second, value)) return core::Status::InvalidField(name, {"应为整数", "must be a whole number"});
  return value;
}

std::string Context::QueryText(const std::string& name) const {
  auto found = request.query.find(name);
  return found == request.query.end() ? "" : found->second;
}

core::Result<storage::PageRequest> Context::Paging(const std::vector<std::string>& sortable) const {
  core::FieldErrors errors;
  storage::PageRequest page;
  auto number = QueryInt("page", 1);
  if (!number.ok() || *number < 1 || *number > 1'000'000) {
    errors.Add("page", {"页码应为1至1000000的整数", "page must be a whole number from 1 to 1000000"});
  } else {
    page.page = static_cast<int>(*number);
  }
  auto size = QueryInt("page_size", storage::kDefaultPageSize);
  if (!size.ok() || *size < 1 || *size > storage::kMaxPageSize) {
    errors.Add("page_size", {"每页条数应为1至" + std::to_string(storage::kMaxPageSize) + "的整数",
                             "page_size must be a whole number from 1 to " + std::to_string(storage::kMaxPageSize)});
  } else {
    page.page_size = static_cast<int>(*size);
  }
  page.sort = QueryText("sort");
  if (!page.sort.empty()) {
    std::string name = page.sort[0] == '-' ? page.sort.substr(1) : page.sort;
    bool known = false;
    for (const auto& allowed : sortable) known = known || allowed == name;
    if (!known) {
      std::string list;
      for (const auto& allowed : sortable) list += (list.empty() ? "" : ", ") + allowed;
      errors.Add("sort", {"不能按此排序，可选：" + list, "cannot sort by this; choose one of: " + list});
    }
  }
  if (!errors.empty()) return errors.ToStatus();
  return page;
}

}  // namespace sanpi::http
