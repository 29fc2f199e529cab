#include "core/login_throttle.hpp"

#include <gtest/gtest.h>

namespace sanpi::core {
namespace {

TEST(LoginThrottle, LocksAfterTooManyFailuresInsideTheWindow) {
  LoginThrottle throttle({3, 60, 300});
  throttle.RecordFailure("user:a", 0);
  throttle.RecordFailure("user:a", 10);
  EXPECT_FALSE(throttle.RetryAfter("user:a", 11));
  throttle.RecordFailure("user:a", 20);
  ASSERT_TRUE(throttle.RetryAfter("user:a", 21));
  EXPECT_EQ(*throttle.RetryAfter("user:a", 21), 299);
  EXPECT_FALSE(throttle.RetryAfter("user:b", 21)) << "other keys are unaffected";
  EXPECT_FALSE(throttle.RetryAfter("user:a", 320)) << "the lockout ends";
}

TEST(LoginThrottle, FailuresOutsideTheWindowAreForgotten) {
  LoginThrottle throttle({3, 60, 300});
  throttle.RecordFailure("k", 0);
  throttle.RecordFailure("k", 30);
  throttle.RecordFailure("k", 100);  // the first two are older than 60 s by now
  EXPECT_FALSE(throttle.RetryAfter("k", 101));
}

TEST(LoginThrottle, SuccessClearsTheCount) {
  LoginThrottle throttle({2, 60, 300});
  throttle.RecordFailure("k", 0);
  throttle.RecordSuccess("k");
  throttle.RecordFailure("k", 1);
  EXPECT_FALSE(throttle.RetryAfter("k", 2));
}

TEST(LoginThrottle, MemoryStaysBoundedUnderAUsernameSpray) {
  LoginThrottle throttle({5, 60, 300});
  for (int i = 0; i < 50'000; ++i) throttle.RecordFailure("user:" + std::to_string(i), i / 100);
  EXPECT_LT(throttle.tracked(), 20'000u);
}

}  // namespace
}  // namespace sanpi::core
