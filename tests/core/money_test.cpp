#include "core/money.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

TEST(Money, ParsesWanExactlyToYuan) {
  EXPECT_EQ(ParseWan("79.1820"), 791820);
  EXPECT_EQ(ParseWan("1234.5678"), 12345678);
  EXPECT_EQ(ParseWan("0.0001"), 1);
  EXPECT_EQ(ParseWan("-5"), -50000);
  EXPECT_EQ(ParseWan("4647500"), 46475000000);
}

TEST(Money, RefusesFractionsOfAYuanAndGarbage) {
  EXPECT_FALSE(ParseWan("1.00001"));
  EXPECT_FALSE(ParseWan("abc"));
  EXPECT_FALSE(ParseWan(""));
  EXPECT_FALSE(ParseWan("."));
  EXPECT_FALSE(ParseWan("1e5"));
  EXPECT_FALSE(ParseWan("99999999999999999999"));
}

TEST(Money, FormatsWanAndYiRoundingHalfAwayFromZero) {
  EXPECT_EQ(FormatWan(12345678), "1234.57");
  EXPECT_EQ(FormatWan(-12345), "-1.23");
  EXPECT_EQ(FormatWan(5), "0.00");
  EXPECT_EQ(FormatWan(50), "0.01");
  EXPECT_EQ(FormatYi(46475000000), "464.75");
  EXPECT_EQ(FormatYi(46475000000, 0), "465");
}

}  // namespace
}  // namespace sanpi::core
