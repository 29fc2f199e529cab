#pragma once
// Small checks shared by the validators of every entity.
#include <cstddef>
#include <string_view>

#include "core/status.hpp"

namespace sanpi::core {

bool IsDigits(std::string_view text);
// Letters, digits, '_' and '-' only.
bool IsCodeText(std::string_view text);
// Length in Unicode code points of valid UTF-8; -1 when the text is not valid UTF-8.
long Utf8Length(std::string_view text);
// A mainland mobile (1xxxxxxxxxx) or a landline with area code (0371-12345678).
bool IsPhone(std::string_view text);

// Adds an error unless `value` is non-blank UTF-8 of at most max_chars characters.
void CheckName(FieldErrors& errors, std::string_view field, std::string_view value, long max_chars);
// Adds an error when `value` (optional) is longer than max_chars or not UTF-8.
void CheckOptionalText(FieldErrors& errors, std::string_view field, std::string_view value, long max_chars);

}  // namespace sanpi::core
