#pragma once
// A message shown to people, in both languages sanpi speaks (zh-CN first, English second).
#include <string>

namespace sanpi::core {

enum class Language { kZh, kEn };

struct Text {
  std::string zh;
  std::string en;

  const std::string& In(Language language) const { return language == Language::kEn ? en : zh; }
};

}  // namespace sanpi::core
