#pragma once
// 钉钉加签: a DingTalk robot with a signing secret takes ?timestamp=<ms>&sign=<urlencode(base64(HMAC-SHA256(
// secret, timestamp + "\n" + secret)))>; DingTalk refuses a timestamp more than an hour from its clock, so the
// signature is made at each attempt, never stored.
#include <cstdint>
#include <string>

namespace sanpi::notify {

// base64 of the HMAC-SHA256, not yet URL-encoded.
std::string DingtalkSign(const std::string& secret, std::int64_t timestamp_ms);
// `url` with "timestamp" and "sign" appended ("?" or "&" as the URL needs).
std::string DingtalkSignedUrl(const std::string& url, const std::string& secret, std::int64_t timestamp_ms);
// Percent-encodes everything but A–Z a–z 0–9 - _ . ~
std::string UrlEncode(const std::string& text);

}  // namespace sanpi::notify
