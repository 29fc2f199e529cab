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

// Which addresses a webhook may reach, checked on every address the host name resolves to (so a name that points
// inside cannot get round it). The project office sets the URLs: without this, a target could make the server
// call its own loopback services or the cloud's metadata address.
//  - kPublicAndPrivate (the default): anything but loopback, link-local (169.254/16, fe80::/10, which holds the
//    metadata address), unspecified and multicast — a government intranet's gateways have private addresses.
//  - kPublicOnly: also refuses the private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7).
//  - kAny: no check (tests, with a receiver on 127.0.0.1).
enum class WebhookReach { kPublicOnly, kPublicAndPrivate, kAny };
// "public", "private", "any" (the command-line spelling); kPublicAndPrivate for anything else.
WebhookReach ParseWebhookReach(const std::string& text);
inline constexpr std::size_t kMaxAnswerBytes = 64 * 1024;  // robots answer a line of JSON

// POSTs `body` to `url` with Content-Type application/json and the header X-Sanpi-Message-Id: `message_id`
// (the receiver's de-duplication id). Never throws; thread-safe (each call has its own I/O context).
// An address outside `reach` is refused before connecting, as a failed attempt naming the address.
core::AttemptResult PostJson(const std::string& url, const std::string& body, const std::string& message_id,
                             std::chrono::milliseconds timeout = kDefaultWebhookTimeout,
                             WebhookReach reach = WebhookReach::kPublicAndPrivate);

// Whether `reach` lets a webhook connect to `address` (an IPv4 or IPv6 literal); false when it is not one.
bool MayReach(const std::string& address, WebhookReach reach);

}  // namespace sanpi::notify
