#pragma once
// The network edge: accepts connections, parses HTTP/1.1 with Boost.Beast, hands each request to
// a handler and writes its response. It knows nothing of sanpi's routes.
#include <functional>
#include <string>

#include "core/status.hpp"
#include "http/message.hpp"

namespace sanpi::http {

inline constexpr std::size_t kMaxBodyBytes = 1024 * 1024;  // JSON bodies; uploads get their own limit
// No route may raise its own limit (ServerOptions::body_limit) beyond this.
inline constexpr std::size_t kMaxUploadBytes = 32 * 1024 * 1024;
inline constexpr std::size_t kMaxHeaderBytes = 16 * 1024;
inline constexpr int kReadTimeoutSeconds = 30;

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 8;  // handlers block on the database, so more threads than cores
  std::function<void(unsigned short)> on_listening;  // told the bound port (useful with port 0)
  // The body limit for a request, asked once its headers are read (method, target); capped at
  // kMaxUploadBytes. Unset: kMaxBodyBytes for every request.
  std::function<std::size_t(const std::string&, const std::string&)> body_limit;
};

// Serves until SIGINT or SIGTERM, then stops accepting, lets requests already received finish
// and returns. Fails when the address cannot be bound.
core::Status Serve(const ServerOptions& options, std::function<Response(const Request&)> handler);

}  // namespace sanpi::http
