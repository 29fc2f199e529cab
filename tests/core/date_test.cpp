#include "core/date.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

TEST(Date, ParsesOnlyRealCalendarDates) {
  ASSERT_TRUE(Date::Parse("2023-01-28"));
  EXPECT_EQ(Date::Parse("2024-02-29")->ToString(), "2024-02-29");
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("2023-13-01"));
  EXPECT_FALSE(Date::Parse("2023-1-28"));
  EXPECT_FALSE(Date::Parse("yesterday"));
}

TEST(Date, AddsMonthsClampingToMonthEnd) {
  EXPECT_EQ(Date(2023, 1, 31).AddMonths(1).ToString(), "2023-02-28");
  EXPECT_EQ(Date(2024, 1, 31).AddMonths(1).ToString(), "2024-02-29");
  EXPECT_EQ(Date(2023, 11, 15).AddMonths(3).ToString(), "2024-02-15");
}

TEST(Date, CountsWholeMonths) {
  EXPECT_EQ(MonthsBetween(Date(2023, 1, 15), Date(2023, 3, 14)), 1);
  EXPECT_EQ(MonthsBetween(Date(2023, 1, 15), Date(2023, 3, 15)), 2);
  EXPECT_EQ(MonthsBetween(Date(2023, 1, 15), Date(2022, 12, 20)), 0);
}

}  // namespace
}  // namespace sanpi::core
