#include "notify/dingtalk_sign.hpp"

#include <sodium.h>

#include <cctype>
#include <vector>

namespace sanpi::notify {

std::string DingtalkSign(const std::string& secret, std::int64_t timestamp_ms) {
  const std::string text = std::to_string(timestamp_ms) + "\n" + secret;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  crypto_auth_hmacsha256_final(&state, mac);
  std::vector<char> encoded(sodium_base64_ENCODED_LEN(sizeof mac, sodium_base64_VARIANT_ORIGINAL));
  sodium_bin2base64(encoded.data(), encoded.size(), mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
  return std::string(encoded.data());
}

std::string UrlEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string DingtalkSignedUrl(const std::string& url, const std::string& secret, std::int64_t timestamp_ms) {
  const char joint = url.find('?') == std::string::npos ? '?' : '&';
  return url + joint + "timestamp=" + std::to_string(timestamp_ms) +
         "&sign=" + UrlEncode(DingtalkSign(secret, timestamp_ms));
}

}  // namespace sanpi::notify
