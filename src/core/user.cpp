#include "core/user.hpp"

#include "core/validation.hpp"

namespace sanpi::core {

Status ValidateUser(const User& user) {
  FieldErrors errors;
  if (user.username.size() < 3 || user.username.size() > 32 || !IsCodeText(user.username)) {
    errors.Add("username", {"用户名应为3至32位字母、数字、下划线或连字符",
                            "username must be 3 to 32 letters, digits, underscores or hyphens"});
  }
  CheckName(errors, "display_name", user.display_name, 32);
  if (!user.phone.empty() && !IsPhone(user.phone)) {
    errors.Add("phone", {"电话号码格式不正确（手机号11位，或区号-号码）",
                         "phone must be an 11-digit mobile number or area code-number"});
  }
  if (user.roles.empty()) errors.Add("roles", {"至少需要一个角色", "at least one role is required"});
  bool enterprise = false;
  for (Role role : user.roles) enterprise = enterprise || role == Role::kEnterprise;
  if (enterprise && user.enterprise_id == 0) {
    errors.Add("enterprise_id", {"企业联系人必须关联企业", "an enterprise contact must name his enterprise"});
  }
  if (!enterprise && user.unit_id == 0 && (user.scope == DataScope::kUnit || user.scope == DataScope::kUnitAndBelow)) {
    errors.Add("unit_id", {"按单位授权的数据范围需要所属单位", "a unit data scope needs the user's unit"});
  }
  return errors.ToStatus();
}

std::optional<Text> PasswordProblem(std::string_view password) {
  bool letter = false, digit = false;
  for (char c : password) {
    letter = letter || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    digit = digit || (c >= '0' && c <= '9');
  }
  if (password.size() < 8 || password.size() > 128 || !letter || !digit) {
    return Text{"密码应为8至128位，且同时包含字母和数字", "password must be 8 to 128 characters with a letter and a digit"};
  }
  return std::nullopt;
}

}  // namespace sanpi::core
