#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "http/errors.hpp"

namespace sanpi::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Handler = std::function<Response(const Request&)>;

constexpr int kLingerSeconds = 5;                        // how long a closing connection drains input
constexpr std::size_t kMaxDrainBytes = 64 * 1024 * 1024;  // and how much of it at most

// Shared by all connections: the handler, and the count of requests received but not yet answered,
// so a stopping server can tell when the last one is out.
struct ServerState {
  Handler handler;
  std::function<std::size_t(const std::string&, const std::string&)> body_limit;
  asio::io_context& io;
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};

  void MaybeFinish() {
    if (stopping && in_flight == 0) io.stop();
  }
};

Request ToRequest(const bhttp::request<bhttp::string_body>& message, const std::string& remote) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  if (!ParseTarget(request.target, request.path, request.query)) request.path = "/\x01invalid";
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers[name] = std::string(field.value());
  }
  request.body = message.body();
  request.remote_address = remote;
  return request;
}

bhttp::response<bhttp::string_body> ToMessage(const Response& response, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), version};
  message.set(bhttp::field::server, "sanpi");
  if (!response.content_type.empty()) message.set(bhttp::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) message.insert(name, value);
  message.body() = response.body;
  message.keep_alive(keep_alive);
  message.prepare_payload();
  return message;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, ServerState& state) : stream_(std::move(socket)), state_(state) {
    beast::error_code ignored;
    auto endpoint = stream_.socket().remote_endpoint(ignored);
    remote_ = ignored ? "" : endpoint.address().to_string();
  }

  void Start() { asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Connection::Read, shared_from_this())); }

 private:
  void Read() {
    parser_.emplace();
    // Beast checks Content-Length against the limit as the headers end, before the route is known:
    // let the largest upload through there and hold each route to its own limit in OnHeader.
    parser_->body_limit(kMaxUploadBytes);
    parser_->header_limit(kMaxHeaderBytes);
    stream_.expires_after(std::chrono::seconds(kReadTimeoutSeconds));
    // Headers first: the route they name decides how large a body may follow.
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Connection::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code error, std::size_t) {
    if (error) return OnRead(error, 0);
    limit_ = kMaxBodyBytes;
    if (state_.body_limit) {
      const auto& header = parser_->get();
      limit_ = std::min(kMaxUploadBytes, state_.body_limit(std::string(header.method_string()), std::string(header.target())));
    }
    if (auto length = parser_->content_length(); length && *length > limit_) return OnRead(bhttp::error::body_limit, 0);
    parser_->body_limit(limit_);  // for a chunked body
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Connection::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code error, std::size_t) {
    if (error == bhttp::error::body_limit || error == bhttp::error::header_limit) {
      Request request;
      request.headers["accept-language"] = std::string(parser_->get()[bhttp::field::accept_language]);
      auto status = core::Status::TooLarge({"请求内容过大（上限 " + std::to_string(limit_ / 1024) + " KB）",
                                            "the request is too large (limit " + std::to_string(limit_ / 1024) + " KB)"});
      return Write(ErrorResponse(status, request.language()), 11, false, false);
    }
    if (error) return Close();
    ++state_.in_flight;
    auto message = parser_->release();
    bool keep_alive = message.keep_alive() && !state_.stopping;
    Response response = state_.handler(ToRequest(message, remote_));
    Write(response, message.version(), keep_alive, true, message.method() == bhttp::verb::head);
  }

  void Write(const Response& response, unsigned version, bool keep_alive, bool counted, bool head = false) {
    auto message = std::make_shared<bhttp::response<bhttp::string_body>>(ToMessage(response, version, keep_alive));
    if (head) {  // HEAD: the headers GET would send, Content-Length included, and no body
      auto length = message->body().size();
      message->body().clear();
      message->content_length(length);
    }
    stream_.expires_after(std::chrono::seconds(kReadTimeoutSeconds));
    bhttp::async_write(stream_, *message,
                       [self = shared_from_this(), message, keep_alive, counted](beast::error_code error, std::size_t) {
                         if (counted) --self->state_.in_flight;
                         if (error || !keep_alive || self->state_.stopping) {
                           self->Close();
                         } else {
                           self->Read();
                         }
                         self->state_.MaybeFinish();
                       });
  }

  // Stops sending, then drains what the peer may still be sending (the rest of a refused body)
  // for a moment: closing with unread data would reset the connection and the peer would never
  // read our answer.
  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    Drain();
  }

  void Drain() {
    stream_.expires_after(std::chrono::seconds(kLingerSeconds));
    stream_.async_read_some(asio::buffer(drain_), [self = shared_from_this()](beast::error_code error, std::size_t size) {
      self->drained_ += size;
      if (!error && self->drained_ < kMaxDrainBytes) self->Drain();
    });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::array<char, 16 * 1024> drain_;
  std::size_t drained_ = 0;
  std::size_t limit_ = kMaxBodyBytes;
  ServerState& state_;
  std::string remote_;
};

void Accept(tcp::acceptor& acceptor, ServerState& state) {
  acceptor.async_accept(asio::make_strand(state.io), [&acceptor, &state](beast::error_code error, tcp::socket socket) {
    if (error) {
      if (error == asio::error::operation_aborted || !acceptor.is_open()) return;  // shutting down
      spdlog::warn("accept failed: {}", error.message());
    } else {
      std::make_shared<Connection>(std::move(socket), state)->Start();
    }
    Accept(acceptor, state);
  });
}

}  // namespace

core::Status Serve(const ServerOptions& options, Handler handler) {
  asio::io_context io(options.threads);
  ServerState state{std::move(handler), options.body_limit, io};
  tcp::acceptor acceptor(io);
  beast::error_code error;
  auto address = asio::ip::make_address(options.host, error);
  if (error) return core::Status::InvalidField("listen", {"监听地址无效：" + options.host, "invalid listen address: " + options.host});
  tcp::endpoint endpoint(address, options.port);
  acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    return core::Status::Internal({"无法监听 " + options.host + ":" + std::to_string(options.port) + "：" + error.message(),
                                   "cannot listen on " + options.host + ":" + std::to_string(options.port) + ": " + error.message()});
  }
  if (options.on_listening) options.on_listening(acceptor.local_endpoint().port());
  Accept(acceptor, state);

  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int signal) {
    spdlog::info("signal {}: finishing requests in flight and stopping", signal);
    state.stopping = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    state.MaybeFinish();
  });

  std::vector<std::thread> threads;
  for (int i = 1; i < options.threads; ++i) threads.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& thread : threads) thread.join();
  return core::Status::Ok();
}

}  // namespace sanpi::http
