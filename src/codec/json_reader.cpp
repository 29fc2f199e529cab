#include "codec/json_reader.hpp"

#include <boost/json/parse.hpp>

namespace sanpi::codec {

namespace json = boost::json;

JsonReader::JsonReader(const json::value& value) {
  object_ = value.if_object();
  not_object_ = object_ == nullptr;
}

bool JsonReader::Has(std::string_view key) const {
  return object_ && object_->if_contains(key) && !object_->at(key).is_null();
}

const json::value* JsonReader::Find(std::string_view key, bool required) {
  known_.emplace(key);
  const json::value* found = object_ ? object_->if_contains(key) : nullptr;
  if (found && found->is_null()) found = nullptr;
  if (!found && required && object_) errors_.Add(std::string(key), {"必填", "is required"});
  return found;
}

void JsonReader::WrongType(std::string_view key, const char* zh_type, const char* en_type) {
  errors_.Add(std::string(key), {std::string("应为") + zh_type, std::string("must be ") + en_type});
}

std::string JsonReader::String(std::string_view key, bool required) {
  const json::value* v = Find(key, required);
  if (!v) return {};
  if (!v->is_string()) {
    WrongType(key, "字符串", "a string");
    return {};
  }
  return std::string(v->get_string());
}

std::int64_t JsonReader::Int(std::string_view key, bool required, std::int64_t fallback) {
  const json::value* v = Find(key, required);
  if (!v) return fallback;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(v->get_uint64());
  WrongType(key, "整数", "a whole number");
  return fallback;
}

bool JsonReader::Bool(std::string_view key, bool required, bool fallback) {
  const json::value* v = Find(key, required);
  if (!v) return fallback;
  if (!v->is_bool()) {
    WrongType(key, "true 或 false", "true or false");
    return fallback;
  }
  return v->get_bool();
}

std::optional<double> JsonReader::Number(std::string_view key, bool required) {
  const json::value* v = Find(key, required);
  if (!v) return std::nullopt;
  if (v->is_number()) return v->to_number<double>();
  WrongType(key, "数字", "a number");
  return std::nullopt;
}

std::vector<std::string> JsonReader::Strings(std::string_view key, bool required) {
  const json::value* v = Find(key, required);
  std::vector<std::string> out;
  if (!v) return out;
  const json::array* array = v->if_array();
  if (!array) {
    WrongType(key, "字符串数组", "an array of strings");
    return out;
  }
  for (const auto& item : *array) {
    if (!item.is_string()) {
      WrongType(key, "字符串数组", "an array of strings");
      return {};
    }
    out.emplace_back(item.get_string());
  }
  return out;
}

std::vector<std::int64_t> JsonReader::Ints(std::string_view key, bool required) {
  const json::value* v = Find(key, required);
  std::vector<std::int64_t> out;
  if (!v) return out;
  const json::array* array = v->if_array();
  if (!array) {
    WrongType(key, "整数数组", "an array of whole numbers");
    return out;
  }
  for (const auto& item : *array) {
    if (!item.is_int64()) {
      WrongType(key, "整数数组", "an array of whole numbers");
      return {};
    }
    out.push_back(item.get_int64());
  }
  return out;
}

const json::value* JsonReader::Raw(std::string_view key) { return Find(key, false); }

core::Status JsonReader::Finish() {
  if (not_object_) return core::Status::Malformed({"请求体应为JSON对象", "the request body must be a JSON object"});
  for (const auto& [key, value] : *object_) {
    if (!known_.count(std::string_view(key))) {
      errors_.Add(std::string(key), {"未知字段", "unknown field"});
    }
  }
  return errors_.ToStatus();
}

core::Result<json::value> ParseJson(std::string_view body) {
  boost::system::error_code error;
  json::value value = json::parse(body, error);
  if (error) {
    return core::Status::Malformed({"请求体不是有效的JSON：" + error.message(), "the request body is not valid JSON: " + error.message()});
  }
  return value;
}

}  // namespace sanpi::codec
