#include "core/status.hpp"

namespace sanpi::core {

Status Status::Invalid(std::vector<FieldError> fields) {
  Status status(Code::kInvalid, {"输入有误", "Invalid input"});
  status.fields_ = std::move(fields);
  return status;
}

Status Status::InvalidField(std::string field, Text why) {
  return Invalid({FieldError{std::move(field), std::move(why)}});
}

Status Status::ConflictOn(std::string field, Text why) {
  Status status(Code::kConflict, why);
  status.fields_.push_back({std::move(field), std::move(why)});
  return status;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = message_.en;
  for (const auto& field : fields_) out += "; " + field.field + ": " + field.message.en;
  return out;
}

}  // namespace sanpi::core
