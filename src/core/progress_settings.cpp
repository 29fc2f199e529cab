#include "core/progress_settings.hpp"

namespace sanpi::core {

Status ValidateProgressSettings(const ProgressSettings& settings) {
  FieldErrors errors;
  if (settings.due_day < 1 || settings.due_day > 31) {
    errors.Add("due_day", {"报送截止日应为 1 至 31", "due_day must be between 1 and 31"});
  }
  if (!ApportionByWeights(0, settings.seasonal_weights, "seasonal_weights").ok()) {
    errors.Add("seasonal_weights", {"季节系数应为 12 个非负整数且不全为零",
                                    "seasonal_weights must be 12 non-negative integers, not all zero"});
  }
  return errors.ToStatus();
}

}  // namespace sanpi::core
