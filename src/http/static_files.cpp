#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/errors.hpp"

namespace sanpi::http {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxStaticFileBytes = 32 * 1024 * 1024;

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Response NotFound(const Request& request) {
  return ErrorResponse(core::Status::NotFound({"页面不存在", "page not found"}), request.language());
}

}  // namespace

const char* MimeType(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"},
      {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"},
      {".webp", "image/webp"}, {".ico", "image/x-icon"}, {".woff", "font/woff"}, {".woff2", "font/woff2"},
      {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"}, {".map", "application/json; charset=utf-8"},
      {".wasm", "application/wasm"}, {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  };
  for (const auto& [extension, type] : kTypes)
    if (EndsWith(path, extension)) return type;
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string root) : root_(std::move(root)) {
  if (!root_.empty()) {
    std::error_code error;
    auto canonical = fs::weakly_canonical(root_, error);
    if (!error) root_ = canonical.string();
  }
}

std::optional<std::string> StaticFiles::Read(const std::string& relative) const {
  std::error_code error;
  fs::path candidate = fs::weakly_canonical(fs::path(root_) / relative, error);
  if (error) return std::nullopt;
  // The resolved file must stay inside the root, whatever "..", links or encodings were used.
  std::string resolved = candidate.string();
  if (resolved.size() <= root_.size() || resolved.compare(0, root_.size(), root_) != 0 || resolved[root_.size()] != '/') {
    return std::nullopt;
  }
  if (!fs::is_regular_file(candidate, error) || fs::file_size(candidate, error) > kMaxStaticFileBytes) return std::nullopt;
  std::ifstream in(candidate, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

Response StaticFiles::Serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return NotFound(request);
  if (root_.empty()) return NotFound(request);
  std::string relative = request.path.empty() ? "" : request.path.substr(1);
  if (relative.find('\0') != std::string::npos) return NotFound(request);
  for (size_t at = 0; (at = relative.find("..", at)) != std::string::npos; ++at) {
    bool segment = (at == 0 || relative[at - 1] == '/') && (at + 2 == relative.size() || relative[at + 2] == '/');
    if (segment) return NotFound(request);
  }
  std::string file = relative.empty() ? "index.html" : relative;
  auto content = Read(file);
  // Client-side routes (/login, /enterprises …) have no dot in their last segment: give them the app.
  bool route_like = file.find('.', file.rfind('/') == std::string::npos ? 0 : file.rfind('/')) == std::string::npos;
  if (!content && route_like) {
    file = "index.html";
    content = Read(file);
  }
  if (!content) return NotFound(request);
  Response response;
  response.content_type = MimeType(file);
  response.body = std::move(*content);  // for HEAD the server sends the length without the body
  bool hashed_asset = file.rfind("assets/", 0) == 0;
  response.headers.emplace_back("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace sanpi::http
