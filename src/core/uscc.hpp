#pragma once
// 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015: 18 characters from the code's
// 31-character alphabet, the last a check character computed over the first 17.
#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace sanpi::core {

// The check character for the first 17 characters; nullopt if one of them is outside the alphabet.
std::optional<char> UsccCheckCharacter(std::string_view first17);
// nullopt when the code is valid; otherwise why not, in both languages.
std::optional<Text> UsccProblem(std::string_view code);

}  // namespace sanpi::core
