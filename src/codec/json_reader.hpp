#pragma once
// Reads one JSON object field by field and refuses what a careless client might send: a wrong
// type, a missing required field, a field the API does not know. Every problem becomes a field
// error naming the field, so the caller hears them all at once and nothing is written.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "core/status.hpp"

namespace sanpi::codec {

class JsonReader {
 public:
  explicit JsonReader(const boost::json::value& value);

  // Each getter records an error and returns a default when the field is wrong; a missing optional
  // field returns the default silently.
  std::string String(std::string_view key, bool required = false);
  std::int64_t Int(std::string_view key, bool required = false, std::int64_t fallback = 0);
  bool Bool(std::string_view key, bool required = false, bool fallback = false);
  std::vector<std::string> Strings(std::string_view key, bool required = false);
  std::vector<std::int64_t> Ints(std::string_view key, bool required = false);
  std::optional<double> Number(std::string_view key, bool required = false);
  bool Has(std::string_view key) const;
  // The raw value of a nested field, or nullptr when absent; marks it as known.
  const boost::json::value* Raw(std::string_view key);

  // Adds a domain error found by the caller, in the same list.
  void Fail(std::string field, core::Text why) { errors_.Add(std::move(field), std::move(why)); }
  // Errors so far plus one for every field nobody asked for.
  core::Status Finish();

 private:
  const boost::json::value* Find(std::string_view key, bool required);
  void WrongType(std::string_view key, const char* zh_type, const char* en_type);

  const boost::json::object* object_ = nullptr;
  std::set<std::string, std::less<>> known_;
  core::FieldErrors errors_;
  bool not_object_ = false;
};

// Parses a request body as JSON; a syntax error becomes a 400 naming the offset.
core::Result<boost::json::value> ParseJson(std::string_view body);

}  // namespace sanpi::codec
