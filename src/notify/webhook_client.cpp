#include "notify/webhook_client.hpp"

#include <openssl/err.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/notification_target.hpp"

namespace sanpi::notify {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Request = bhttp::request<bhttp::string_body>;
using Parser = bhttp::response_parser<bhttp::string_body>;

template <class Stream>
asio::awaitable<void> Exchange(Stream& stream, Request& request, Parser& parser) {
  beast::flat_buffer buffer;
  co_await bhttp::async_write(stream, request, asio::use_awaitable);
  co_await bhttp::async_read(stream, buffer, parser, asio::use_awaitable);
}

bool Allowed(const asio::ip::address& address, WebhookReach reach) {
  if (reach == WebhookReach::kAny) return true;
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    return Allowed(asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()), reach);
  if (address.is_unspecified() || address.is_loopback() || address.is_multicast()) return false;
  if (address.is_v4()) {
    const std::uint32_t ip = address.to_v4().to_uint();
    auto in = [ip](std::uint32_t net, int bits) { return (ip >> (32 - bits)) == (net >> (32 - bits)); };
    if (in(0xA9FE0000u, 16)) return false;  // 169.254/16 link-local, cloud metadata
    if (in(0x00000000u, 8)) return false;   // 0/8 "this network"
    const bool internal = in(0x0A000000u, 8) || in(0xAC100000u, 12) || in(0xC0A80000u, 16) || in(0x64400000u, 10);
    return !internal || reach == WebhookReach::kPublicAndPrivate;
  }
  const asio::ip::address_v6 v6 = address.to_v6();
  if (v6.is_link_local() || v6.is_site_local()) return false;
  const bool unique_local = (v6.to_bytes()[0] & 0xFE) == 0xFC;  // fc00::/7
  return !unique_local || reach == WebhookReach::kPublicAndPrivate;
}

asio::awaitable<void> Post(const core::WebhookUrl& url, Request& request, Parser& parser,
                           std::chrono::milliseconds timeout, WebhookReach reach) {
  auto executor = co_await asio::this_coro::executor;
  tcp::resolver resolver(executor);
  std::vector<tcp::endpoint> endpoints;
  std::string refused;
  for (const auto& entry : co_await resolver.async_resolve(url.host, url.port, asio::use_awaitable)) {
    if (Allowed(entry.endpoint().address(), reach)) endpoints.push_back(entry.endpoint());
    else refused = entry.endpoint().address().to_string();
  }
  if (endpoints.empty()) throw std::runtime_error("refused: " + refused + " is not an address webhooks may reach");
  if (!url.tls) {
    beast::tcp_stream stream(executor);
    stream.expires_after(timeout);
    co_await stream.async_connect(endpoints, asio::use_awaitable);
    co_await Exchange(stream, request, parser);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    co_return;
  }
  asio::ssl::context tls(asio::ssl::context::tls_client);
  tls.set_default_verify_paths();
  tls.set_verify_mode(asio::ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(executor, tls);
  if (!SSL_set_tlsext_host_name(stream.native_handle(), url.host.c_str()))
    throw beast::system_error(beast::error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category()));
  stream.set_verify_callback(asio::ssl::host_name_verification(url.host));
  beast::get_lowest_layer(stream).expires_after(timeout);
  co_await beast::get_lowest_layer(stream).async_connect(endpoints, asio::use_awaitable);
  co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
  co_await Exchange(stream, request, parser);
  // No TLS close_notify: the answer is in, and a server that never answers it must not cost the deadline.
}

}  // namespace

core::AttemptResult PostJson(const std::string& url, const std::string& body, const std::string& message_id,
                             std::chrono::milliseconds timeout, WebhookReach reach) {
  const std::optional<core::WebhookUrl> parsed = core::ParseWebhookUrl(url);
  if (!parsed) return {std::nullopt, "", "invalid webhook URL"};
  Request request{bhttp::verb::post, parsed->target, 11};
  const bool default_port = parsed->port == (parsed->tls ? "443" : "80");
  request.set(bhttp::field::host, default_port ? parsed->host : parsed->host + ":" + parsed->port);
  request.set(bhttp::field::user_agent, "sanpi-notify/1");
  request.set(bhttp::field::content_type, "application/json; charset=utf-8");
  request.set(bhttp::field::connection, "close");
  request.set("X-Sanpi-Message-Id", message_id);
  request.body() = body;
  request.prepare_payload();
  Parser parser;
  parser.body_limit(kMaxAnswerBytes);

  asio::io_context io;
  bool finished = false;
  std::exception_ptr failure;
  asio::co_spawn(io, Post(*parsed, request, parser, timeout, reach), [&](std::exception_ptr error) {
    finished = true;
    failure = error;
  });
  io.run_for(timeout);
  if (!finished) return {std::nullopt, "", "timed out after " + std::to_string(timeout.count()) + " ms"};
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const beast::system_error& error) {
      // A robot that closes after a complete answer is fine: only an incomplete one is a failure.
      if (!parser.is_done()) return {std::nullopt, "", error.code().message()};
    } catch (const std::exception& error) {
      return {std::nullopt, "", error.what()};
    }
  }
  if (!parser.is_header_done()) return {std::nullopt, "", "no answer"};
  return {static_cast<int>(parser.get().result_int()), parser.get().body(), ""};
}

WebhookReach ParseWebhookReach(const std::string& text) {
  if (text == "public") return WebhookReach::kPublicOnly;
  if (text == "any") return WebhookReach::kAny;
  return WebhookReach::kPublicAndPrivate;
}

bool MayReach(const std::string& address, WebhookReach reach) {
  boost::system::error_code error;
  const asio::ip::address parsed = asio::ip::make_address(address, error);
  return !error && Allowed(parsed, reach);
}

}  // namespace sanpi::notify
