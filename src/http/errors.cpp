#include "http/errors.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace sanpi::http {

namespace json = boost::json;

int HttpStatus(core::Code code) {
  switch (code) {
    case core::Code::kOk: return 200;
    case core::Code::kInvalid: return 400;
    case core::Code::kUnauthenticated: return 401;
    case core::Code::kForbidden: return 403;
    case core::Code::kNotFound: return 404;
    case core::Code::kConflict: return 409;
    case core::Code::kTooLarge: return 413;
    case core::Code::kUnsupportedMedia: return 415;
    case core::Code::kRuleBroken: return 422;
    case core::Code::kThrottled: return 429;
    case core::Code::kInternal: return 500;
  }
  return 500;
}

const char* ErrorCode(core::Code code) {
  switch (code) {
    case core::Code::kOk: return "ok";
    case core::Code::kInvalid: return "invalid";
    case core::Code::kUnauthenticated: return "unauthenticated";
    case core::Code::kForbidden: return "forbidden";
    case core::Code::kNotFound: return "not_found";
    case core::Code::kConflict: return "conflict";
    case core::Code::kTooLarge: return "too_large";
    case core::Code::kUnsupportedMedia: return "unsupported_media_type";
    case core::Code::kRuleBroken: return "rule_broken";
    case core::Code::kThrottled: return "throttled";
    case core::Code::kInternal: return "internal";
  }
  return "internal";
}

namespace {
json::object ErrorBody(const core::Status& status, core::Language language) {
  json::array fields;
  for (const auto& field : status.fields()) {
    fields.push_back(json::object{{"field", field.field}, {"message", field.message.In(language)}});
  }
  std::string message = status.message().In(language);
  // People read the message; the fields list says where. Count the problems, name no property.
  if (status.fields().size() > 1) {
    auto count = std::to_string(status.fields().size());
    message += language == core::Language::kEn ? " (" + count + " problems)" : "（共" + count + "处）";
  }
  return json::object{{"error", json::object{{"code", ErrorCode(status.code())}, {"message", message}, {"fields", fields}}}};
}
}  // namespace

Response ErrorResponse(const core::Status& status, core::Language language) {
  return JsonResponse(HttpStatus(status.code()), ErrorBody(status, language));
}

Response ConflictResponse(const core::Status& status, core::Language language, json::value current) {
  json::object body = ErrorBody(status, language);
  body["current"] = std::move(current);
  return JsonResponse(409, body);
}

Response JsonResponse(int status, const json::value& body) {
  Response response;
  response.status = status;
  response.body = json::serialize(body);
  return response;
}

Response NoContent() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

}  // namespace sanpi::http
