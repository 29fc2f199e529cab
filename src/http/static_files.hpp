#pragma once
// Serves the built web front end: right MIME types, a year's cache for hashed assets and none
// for index.html, index.html for client-side routes, and nothing outside the web folder.
#include <optional>
#include <string>

#include "http/message.hpp"

namespace sanpi::http {

class StaticFiles {
 public:
  // `root` may be empty: then every request is a 404 telling how to build the front end.
  explicit StaticFiles(std::string root);
  Response Serve(const Request& request) const;

 private:
  std::optional<std::string> Read(const std::string& relative) const;
  std::string root_;
};

const char* MimeType(const std::string& path);

}  // namespace sanpi::http
