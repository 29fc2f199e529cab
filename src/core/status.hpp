#pragma once
// Status and Result<T>: expected failures (bad input, missing record, stale version, broken rule)
// travel as values; exceptions are kept for bugs and fatal start-up errors.
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/text.hpp"

namespace sanpi::core {

enum class Code {
  kOk,
  kInvalid,          // malformed or invalid input (HTTP 400)
  kUnauthenticated,  // no or expired session (401)
  kForbidden,        // role does not allow the action (403)
  kNotFound,         // absent, or outside the caller's data scope (404)
  kConflict,         // stale version or duplicate (409)
  kTooLarge,         // body over the limit (413)
  kUnsupportedMedia, // not JSON where JSON is required (415)
  kRuleBroken,       // a domain rule forbids it (422)
  kThrottled,        // too many attempts (429)
  kInternal,         // a bug or an unavailable dependency (500)
};

// One invalid field: its name as the API spells it and why it was refused.
struct FieldError {
  std::string field;
  Text message;
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return {}; }
  static Status Invalid(std::vector<FieldError> fields);
  static Status InvalidField(std::string field, Text why);
  static Status Malformed(Text why) { return {Code::kInvalid, std::move(why)}; }
  static Status Unauthenticated(Text why) { return {Code::kUnauthenticated, std::move(why)}; }
  static Status Forbidden(Text why) { return {Code::kForbidden, std::move(why)}; }
  static Status NotFound(Text why) { return {Code::kNotFound, std::move(why)}; }
  static Status Conflict(Text why) { return {Code::kConflict, std::move(why)}; }
  // A duplicate that one field decides (a code or a name already taken), so a form can mark it.
  static Status ConflictOn(std::string field, Text why);
  static Status TooLarge(Text why) { return {Code::kTooLarge, std::move(why)}; }
  static Status UnsupportedMedia(Text why) { return {Code::kUnsupportedMedia, std::move(why)}; }
  static Status RuleBroken(Text why) { return {Code::kRuleBroken, std::move(why)}; }
  static Status Throttled(Text why) { return {Code::kThrottled, std::move(why)}; }
  static Status Internal(Text why) { return {Code::kInternal, std::move(why)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const Text& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }
  // A short English rendering for logs and test failure messages.
  std::string ToString() const;

 private:
  Status(Code code, Text message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  Text message_;
  std::vector<FieldError> fields_;
};

// Collects field errors while validating a whole record, so the caller hears every problem at once.
class FieldErrors {
 public:
  void Add(std::string field, Text why) { fields_.push_back({std::move(field), std::move(why)}); }
  bool empty() const { return fields_.empty(); }
  Status ToStatus() const { return fields_.empty() ? Status::Ok() : Status::Invalid(fields_); }

 private:
  std::vector<FieldError> fields_;
};

// Either a value or the Status explaining why there is none.
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose, like std::expected
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace sanpi::core
