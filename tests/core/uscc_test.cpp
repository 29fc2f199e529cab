#include "core/uscc.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

TEST(Uscc, AcceptsPublishedCodes) {
  // The worked example of GB 32100-2015 and a code printed on a public business licence.
  EXPECT_FALSE(UsccProblem("91350100M000100Y43"));
  EXPECT_FALSE(UsccProblem("91110000600037341L"));
}

TEST(Uscc, RejectsWrongCheckCharacterNamingTheReason) {
  auto problem = UsccProblem("91350100M000100Y44");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->zh.find("校验位"), std::string::npos);
  EXPECT_NE(problem->en.find("check character"), std::string::npos);
}

TEST(Uscc, RejectsWrongLengthAndForbiddenLetters) {
  EXPECT_TRUE(UsccProblem("91350100M000100Y4"));
  EXPECT_TRUE(UsccProblem(""));
  EXPECT_TRUE(UsccProblem("91350100M000100YI3"));  // I is not in the alphabet
  EXPECT_TRUE(UsccProblem("91350100m000100Y43"));  // lower case is not either
}

TEST(Uscc, CheckCharacterCompletesAnyValidPrefix) {
  auto check = UsccCheckCharacter("91410100MA3X00001");
  ASSERT_TRUE(check);
  EXPECT_FALSE(UsccProblem(std::string("91410100MA3X00001") + *check));
}

}  // namespace
}  // namespace sanpi::core
