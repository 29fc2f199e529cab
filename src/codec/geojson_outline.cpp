#include "codec/geojson_outline.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <boost/json/serialize.hpp>

namespace sanpi::codec {
namespace {

namespace json = boost::json;

class OutlineCheck {
 public:
  core::Status Top(const json::value& value, const std::string& field) {
    if (json::serialize(value).size() > kMaxOutlineBytes) {
      return core::Status::InvalidField(field, {"区域边界不能超过 2 MiB", "the outline must not exceed 2 MiB"});
    }
    const std::string type = TypeOf(value);
    if (type == "FeatureCollection") return Collection(value.as_object(), field);
    if (type == "Feature") return Feature(value.as_object(), field);
    if (type == "Polygon" || type == "MultiPolygon") return Geometry(value, field);
    return BadType(field + ".type");
  }
  OutlineFacts facts;

 private:
  static std::string TypeOf(const json::value& value) {
    if (!value.is_object()) return "";
    const auto* type = value.as_object().if_contains("type");
    return type && type->is_string() ? std::string(type->as_string()) : "";
  }
  static core::Status BadType(const std::string& field) {
    return core::Status::InvalidField(field, {"类型应为 Polygon、MultiPolygon、Feature 或 FeatureCollection",
                                              "type must be Polygon, MultiPolygon, Feature or FeatureCollection"});
  }
  static const json::array* ArrayAt(const json::object& object, std::string_view key) {
    const auto* member = object.if_contains(key);
    return member && member->is_array() ? &member->as_array() : nullptr;
  }

  core::Status Collection(const json::object& object, const std::string& field) {
    const auto* features = ArrayAt(object, "features");
    if (!features || features->empty()) {
      return core::Status::InvalidField(field + ".features", {"应为至少含一个要素的数组", "must be an array of at least one Feature"});
    }
    for (std::size_t i = 0; i < features->size(); ++i) {
      const std::string at = field + ".features[" + std::to_string(i) + "]";
      if (TypeOf((*features)[i]) != "Feature") {
        return core::Status::InvalidField(at + ".type", {"应为 Feature", "must be Feature"});
      }
      if (auto status = Feature((*features)[i].as_object(), at); !status.ok()) return status;
    }
    return core::Status::Ok();
  }

  core::Status Feature(const json::object& object, const std::string& field) {
    const auto* geometry = object.if_contains("geometry");
    if (!geometry) return core::Status::InvalidField(field + ".geometry", {"缺少几何图形", "the geometry is missing"});
    if (const auto* properties = object.if_contains("properties"); properties && !properties->is_object() &&
                                                                   !properties->is_null()) {
      return core::Status::InvalidField(field + ".properties", {"应为对象或 null", "must be an object or null"});
    }
    return Geometry(*geometry, field + ".geometry");
  }

  core::Status Geometry(const json::value& value, const std::string& field) {
    const std::string type = TypeOf(value);
    if (type != "Polygon" && type != "MultiPolygon") {
      return core::Status::InvalidField(field + ".type", {"几何类型应为 Polygon 或 MultiPolygon",
                                                          "the geometry type must be Polygon or MultiPolygon"});
    }
    const auto* coordinates = ArrayAt(value.as_object(), "coordinates");
    const std::string at = field + ".coordinates";
    if (!coordinates || coordinates->empty()) {
      return core::Status::InvalidField(at, {"坐标应为非空数组", "coordinates must be a non-empty array"});
    }
    if (type == "Polygon") return Polygon(*coordinates, at);
    for (std::size_t i = 0; i < coordinates->size(); ++i) {
      const std::string polygon = at + "[" + std::to_string(i) + "]";
      if (!(*coordinates)[i].is_array() || (*coordinates)[i].as_array().empty()) {
        return core::Status::InvalidField(polygon, {"多边形应为非空的环数组", "a polygon must be a non-empty array of rings"});
      }
      if (auto status = Polygon((*coordinates)[i].as_array(), polygon); !status.ok()) return status;
    }
    return core::Status::Ok();
  }

  core::Status Polygon(const json::array& rings, const std::string& field) {
    ++facts.polygons;
    for (std::size_t r = 0; r < rings.size(); ++r) {
      const std::string ring_field = field + "[" + std::to_string(r) + "]";
      if (!rings[r].is_array() || rings[r].as_array().size() < 4) {
        return core::Status::InvalidField(ring_field, {"每个环至少应有 4 个坐标点", "a ring needs at least 4 positions"});
      }
      const auto& ring = rings[r].as_array();
      for (std::size_t p = 0; p < ring.size(); ++p) {
        if (auto status = Position(ring[p], ring_field + "[" + std::to_string(p) + "]"); !status.ok()) return status;
      }
      if (Pair(ring.front()) != Pair(ring.back())) {
        return core::Status::InvalidField(ring_field, {"环的首尾坐标应相同（闭合）", "a ring must end where it starts (closed)"});
      }
    }
    return core::Status::Ok();
  }

  static std::pair<double, double> Pair(const json::value& position) {
    const auto& a = position.as_array();
    return {a[0].to_number<double>(), a[1].to_number<double>()};
  }

  core::Status Position(const json::value& value, const std::string& field) {
    if (++facts.points > kMaxOutlinePoints) {
      return core::Status::InvalidField(field, {"区域边界的坐标点不能超过 100000 个", "the outline must not have more than 100,000 positions"});
    }
    const json::array* position = value.is_array() ? &value.as_array() : nullptr;
    const auto number = [](const json::value& v) { return v.is_double() || v.is_int64() || v.is_uint64(); };
    if (!position || position->size() < 2 || position->size() > 3 || !number((*position)[0]) || !number((*position)[1])) {
      return core::Status::InvalidField(field, {"坐标点应为 [经度, 纬度]", "a position must be [longitude, latitude]"});
    }
    const double lng = (*position)[0].to_number<double>(), lat = (*position)[1].to_number<double>();
    if (!std::isfinite(lng) || !std::isfinite(lat) || lng < -180 || lng > 180 || lat < -90 || lat > 90) {
      return core::Status::InvalidField(field, {"经度应在 ±180、纬度应在 ±90 之内", "longitude must be within ±180 and latitude within ±90"});
    }
    if (facts.points == 1) {
      facts.min_lng = facts.max_lng = lng;
      facts.min_lat = facts.max_lat = lat;
    }
    facts.min_lng = std::min(facts.min_lng, lng);
    facts.max_lng = std::max(facts.max_lng, lng);
    facts.min_lat = std::min(facts.min_lat, lat);
    facts.max_lat = std::max(facts.max_lat, lat);
    return core::Status::Ok();
  }
};

}  // namespace

core::Result<OutlineFacts> CheckOutline(const json::value& outline, const std::string& field) {
  OutlineCheck check;
  if (auto status = check.Top(outline, field); !status.ok()) return status;
  return check.facts;
}

}  // namespace sanpi::codec
