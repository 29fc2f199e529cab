#include "http/metrics.hpp"

#include <fmt/format.h>

namespace sanpi::http {

void Metrics::Record(const std::string& method, const std::string& route, int status, std::int64_t micros) {
  double seconds = static_cast<double>(micros) / 1e6;
  std::lock_guard guard(mutex_);
  ++requests_[{method, route, status}];
  Histogram& histogram = latency_[{method, route}];
  for (size_t i = 0; i < kBucketsSeconds.size(); ++i)
    if (seconds <= kBucketsSeconds[i]) ++histogram.buckets[i];
  ++histogram.count;
  histogram.sum_seconds += seconds;
}

std::string Metrics::RenderPrometheus() const {
  std::lock_guard guard(mutex_);
  std::string out =
      "# HELP sanpi_http_requests_total HTTP requests by route and status.\n"
      "# TYPE sanpi_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += fmt::format("sanpi_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", method, route, status, count);
  }
  out +=
      "# HELP sanpi_http_request_duration_seconds HTTP request latency by route.\n"
      "# TYPE sanpi_http_request_duration_seconds histogram\n";
  for (const auto& [key, histogram] : latency_) {
    const auto& [method, route] = key;
    for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      out += fmt::format("sanpi_http_request_duration_seconds_bucket{{method=\"{}\",route=\"{}\",le=\"{}\"}} {}\n", method,
                         route, kBucketsSeconds[i], histogram.buckets[i]);
    }
    out += fmt::format("sanpi_http_request_duration_seconds_bucket{{method=\"{}\",route=\"{}\",le=\"+Inf\"}} {}\n", method,
                       route, histogram.count);
    out += fmt::format("sanpi_http_request_duration_seconds_sum{{method=\"{}\",route=\"{}\"}} {}\n", method, route,
                       histogram.sum_seconds);
    out += fmt::format("sanpi_http_request_duration_seconds_count{{method=\"{}\",route=\"{}\"}} {}\n", method, route,
                       histogram.count);
  }
  return out;
}

}  // namespace sanpi::http
