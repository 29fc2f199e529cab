#pragma once
// A real HTTP receiver for the webhook tests: a Boost.Beast server on 127.0.0.1 (a free port) answering each
// request as the test's script says — fail first, then recover; answer an error code; or never answer — and
// keeping what it saw (target, de-duplication header, body). Header-only: tests/<layer> builds only *_test.cpp.
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sanpi::testing {

struct SeenRequest {
  std::string target;      // path and query
  std::string message_id;  // X-Sanpi-Message-Id
  std::string content_type;
  std::string body;
  int answered = 0;  // the status sent back; 0: none
};

struct Answer {
  int status = 200;  // 0: never answer (hold the connection until the client closes it)
  std::string body = "{\"errcode\":0,\"errmsg\":\"ok\"}";
};

class WebhookReceiver {
 public:
  // `script(path, n)`: the answer to the n-th request (from 1) to `path` (without the query).
  explicit WebhookReceiver(std::function<Answer(const std::string& path, int n)> script);
  ~WebhookReceiver();
  unsigned short port() const { return port_; }
  std::string Url(const std::string& path_and_query) const;
  std::vector<SeenRequest> Seen() const;

 private:
  void Serve();

  std::function<Answer(const std::string&, int)> script_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<SeenRequest> seen_;
  std::thread thread_;
};

// ---- implementation ----

namespace receiver_detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
}  // namespace receiver_detail
using namespace receiver_detail;

inline WebhookReceiver::WebhookReceiver(std::function<Answer(const std::string&, int)> script)
    : script_(std::move(script)), acceptor_(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0)) {
  port_ = acceptor_.local_endpoint().port();
  thread_ = std::thread([this] { Serve(); });
}

inline WebhookReceiver::~WebhookReceiver() {
  stopping_ = true;
  beast::error_code ignored;
  tcp::socket poke(io_);  // wakes the blocking accept
  poke.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port_), ignored);
  thread_.join();
}

inline std::string WebhookReceiver::Url(const std::string& path_and_query) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path_and_query;
}

inline std::vector<SeenRequest> WebhookReceiver::Seen() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

inline void WebhookReceiver::Serve() {
  std::map<std::string, int> counts;
  while (!stopping_) {
    tcp::socket socket(io_);
    beast::error_code error;
    acceptor_.accept(socket, error);
    if (error || stopping_) continue;
    beast::flat_buffer buffer;
    bhttp::request<bhttp::string_body> request;
    bhttp::read(socket, buffer, request, error);
    if (error) continue;
    SeenRequest seen;
    seen.target = std::string(request.target());
    seen.message_id = std::string(request["X-Sanpi-Message-Id"]);
    seen.content_type = std::string(request[bhttp::field::content_type]);
    seen.body = request.body();
    const std::string path = seen.target.substr(0, seen.target.find('?'));
    const Answer answer = script_(path, ++counts[path]);
    seen.answered = answer.status;
    {
      std::lock_guard lock(mutex_);
      seen_.push_back(seen);
    }
    if (answer.status == 0) {  // a receiver that hangs: holds the connection until the client gives up on it
      char byte = 0;
      socket.read_some(asio::buffer(&byte, 1), error);
      continue;
    }
    bhttp::response<bhttp::string_body> response{static_cast<bhttp::status>(answer.status), request.version()};
    response.set(bhttp::field::content_type, "application/json");
    response.body() = answer.body;
    response.keep_alive(false);
    response.prepare_payload();
    bhttp::write(socket, response, error);
    socket.shutdown(tcp::socket::shutdown_both, error);
  }
}

}  // namespace sanpi::testing
