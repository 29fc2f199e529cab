#include "core/enterprise.hpp"

#include <set>

#include "core/uscc.hpp"
#include "core/validation.hpp"

namespace sanpi::core {

Status ValidateEnterprise(const Enterprise& enterprise) {
  FieldErrors errors;
  CheckName(errors, "name", enterprise.name, 100);
  if (auto problem = UsccProblem(enterprise.uscc)) errors.Add("uscc", *problem);
  CheckOptionalText(errors, "industry", enterprise.industry, 50);
  CheckOptionalText(errors, "address", enterprise.address, 200);
  CheckOptionalText(errors, "contact", enterprise.contact, 32);
  if (!enterprise.phone.empty() && !IsPhone(enterprise.phone)) {
    errors.Add("phone", {"电话号码格式不正确（手机号11位，或区号-号码）",
                         "phone must be an 11-digit mobile number or area code-number"});
  }
  std::set<std::string> seen;
  for (const auto& tag : enterprise.tags) {
    long length = Utf8Length(tag);
    if (length <= 0 || length > 20) {
      errors.Add("tags", {"标签应为1至20个字", "each tag must be 1 to 20 characters"});
      break;
    }
    if (!seen.insert(tag).second) {
      errors.Add("tags", {"标签重复：" + tag, "duplicate tag: " + tag});
      break;
    }
  }
  if (enterprise.tags.size() > 20) errors.Add("tags", {"标签不能超过20个", "at most 20 tags"});
  return errors.ToStatus();
}

}  // namespace sanpi::core
