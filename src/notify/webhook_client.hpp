#pragma once
// The HTTP(S) client of outgoing webhooks (Boost.Beast, OpenSSL): one POST of a JSON body per connection, with a
// deadline over the whole exchange (resolve, connect, TLS handshake, write, read). HTTPS verifies the server's
// certificate against the system's CAs and its host name. What comes back is a core::AttemptResult for
// core::ClassifyAttempt: the status and body, or no status and the transport's error.
#include <chrono>
#include <string>

#include "core/outbox.hpp"

namespace sanpi::notify {

inline constexpr std::chrono::milliseconds kDefaultWebhookTimeout{10'000};
inline constexpr std::size_t kMaxAnswerBytes = 64 * 1024;  // robots answer a line of JSON

// POSTs `body` to `url` with Content-Type application/json and the header X-Sanpi-Message-Id: `message_id`
// (the receiver's de-duplication id). Never throws; thread-safe (each call has its own I/O context).
core::AttemptResult PostJson(const std::string& url, const std::string& body, const std::string& message_id,
                             std::chrono::milliseconds timeout = kDefaultWebhookTimeout);

}  // namespace sanpi::notify
