#include "http/message.hpp"

namespace sanpi::http {

std::string Request::Header(const std::string& lower_name) const {
  auto found = headers.find(lower_name);
  return found == headers.end() ? "" : found->second;
}

core::Language Request::language() const {
  std::string accept = Header("accept-language");
  for (auto& c : accept) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto en = accept.find("en"), zh = accept.find("zh");
  return en != std::string::npos && (zh == std::string::npos || en < zh) ? core::Language::kEn : core::Language::kZh;
}

std::string UrlDecode(std::string_view text, bool plus_is_space, bool& ok) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%') {
      auto hex = [](char h) -> int {
        if (h >= '0' && h <= '9') return h - '0';
        if (h >= 'a' && h <= 'f') return h - 'a' + 10;
        if (h >= 'A' && h <= 'F') return h - 'A' + 10;
        return -1;
      };
      if (i + 2 >= text.size()) {
        ok = false;
        return out;
      }
      int high = hex(text[i + 1]), low = hex(text[i + 2]);
      if (high < 0 || low < 0) {
        ok = false;
        return out;
      }
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

bool ParseTarget(const std::string& target, std::string& path, std::map<std::string, std::string>& query) {
  bool ok = true;
  auto mark = target.find('?');
  path = UrlDecode(std::string_view(target).substr(0, mark), false, ok);
  if (mark == std::string::npos) return ok;
  std::string_view rest = std::string_view(target).substr(mark + 1);
  while (!rest.empty() && ok) {
    auto amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    std::string key = UrlDecode(pair.substr(0, eq), true, ok);
    std::string value = eq == std::string_view::npos ? "" : UrlDecode(pair.substr(eq + 1), true, ok);
    query[key] = value;
  }
  return ok;
}

}  // namespace sanpi::http
