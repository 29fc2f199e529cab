#pragma once
// Request counters and a latency histogram per route, rendered in the Prometheus text format
// for GET /api/v1/metrics. Thread-safe.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace sanpi::http {

class Metrics {
 public:
  // `route` is the pattern ("/api/v1/enterprises/{id}"), never the raw path, so labels stay few.
  void Record(const std::string& method, const std::string& route, int status, std::int64_t micros);
  std::string RenderPrometheus() const;

 private:
  static constexpr std::array<double, 10> kBucketsSeconds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5};
  struct Histogram {
    std::array<std::uint64_t, kBucketsSeconds.size()> buckets{};
    std::uint64_t count = 0;
    double sum_seconds = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::pair<std::string, std::string>, Histogram> latency_;
};

}  // namespace sanpi::http
