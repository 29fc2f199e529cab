#include "core/uscc.hpp"

#include <array>

namespace sanpi::core {
namespace {
// GB 32100-2015 alphabet: digits and capital letters without I, O, S, V, Z.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr size_t kLength = 18;
}  // namespace

std::optional<char> UsccCheckCharacter(std::string_view first17) {
  if (first17.size() != kLength - 1) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < first17.size(); ++i) {
    size_t value = kAlphabet.find(first17[i]);
    if (value == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(value) * kWeights[i];
  }
  int check = (31 - sum % 31) % 31;
  return kAlphabet[static_cast<size_t>(check)];
}

std::optional<Text> UsccProblem(std::string_view code) {
  if (code.size() != kLength) {
    return Text{"统一社会信用代码应为18位", "the unified social credit code must have 18 characters"};
  }
  for (char c : code) {
    if (kAlphabet.find(c) == std::string_view::npos) {
      return Text{"统一社会信用代码含有不允许的字符（仅限数字和除I、O、S、V、Z外的大写字母）",
                  "the unified social credit code may only contain digits and capital letters other than I, O, S, V, Z"};
    }
  }
  if (UsccCheckCharacter(code.substr(0, kLength - 1)) != code.back()) {
    return Text{"统一社会信用代码校验位错误", "the check character of the unified social credit code is wrong"};
  }
  return std::nullopt;
}

}  // namespace sanpi::core
