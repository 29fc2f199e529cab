#pragma once
// The zone outline 区域边界 the dashboard map draws: GeoJSON (RFC 7946) restricted to areas — a Polygon, a
// MultiPolygon, a Feature holding one, or a FeatureCollection of such Features. Checked strictly before it is
// stored, because every dashboard of the region hands it to the browser's map as it is.
#include <cstddef>
#include <cstdint>
#include <string>

#include <boost/json/value.hpp>

#include "core/status.hpp"

namespace sanpi::codec {

inline constexpr std::size_t kMaxOutlineBytes = 2 * 1024 * 1024;  // serialised
inline constexpr std::int64_t kMaxOutlinePoints = 100'000;

struct OutlineFacts {
  std::int64_t points = 0;
  std::int64_t polygons = 0;
  double min_lng = 0, min_lat = 0, max_lng = 0, max_lat = 0;  // bounding box
};

// Invalid naming the offending member under `field` ("outline.features[2].geometry.coordinates[0][5]") with a
// message in Chinese and English: an unknown or missing "type", a ring of fewer than 4 positions or not closed,
// a position that is not [longitude, latitude] within ±180/±90, more than kMaxOutlinePoints positions or more
// than kMaxOutlineBytes. Stops at the first problem (a broken outline has thousands of them).
core::Result<OutlineFacts> CheckOutline(const boost::json::value& outline, const std::string& field = "outline");

}  // namespace sanpi::codec
