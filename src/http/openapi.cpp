#include "http/openapi.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace sanpi::http {
namespace json = boost::json;
namespace {

json::object Ref(const std::string& schema) { return json::object{{"$ref", "#/components/schemas/" + schema}}; }

json::object JsonContent(json::value schema) {
  return json::object{{"application/json", json::object{{"schema", std::move(schema)}}}};
}

json::object ErrorReply(const char* description) {
  return json::object{{"description", description}, {"content", JsonContent(Ref("Error"))}};
}

std::string OperationId(const Route& route) {
  std::string id = route.method;
  for (char c : route.pattern) id += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return id;
}

json::object Operation(const Route& route) {
  json::object op{{"tags", json::array{route.doc.tag}}, {"summary", route.doc.summary}, {"operationId", OperationId(route)}};
  json::array parameters;
  for (size_t at = route.pattern.find('{'); at != std::string::npos; at = route.pattern.find('{', at + 1)) {
    std::string name = route.pattern.substr(at + 1, route.pattern.find('}', at) - at - 1);
    parameters.push_back(json::object{{"name", name}, {"in", "path"}, {"required", true},
                                      {"schema", json::object{{"type", "integer"}, {"minimum", 1}}}});
  }
  if (route.doc.list) {
    parameters.push_back(json::object{{"name", "page"}, {"in", "query"}, {"schema", json::object{{"type", "integer"}, {"minimum", 1}}}});
    parameters.push_back(json::object{{"name", "page_size"}, {"in", "query"},
                                      {"schema", json::object{{"type", "integer"}, {"minimum", 1}, {"maximum", 500}}}});
    parameters.push_back(json::object{{"name", "sort"}, {"in", "query"}, {"schema", json::object{{"type", "string"}}},
                                      {"description", "a column name, '-' in front for descending"}});
  }
  for (const auto& q : route.doc.query) {
    parameters.push_back(json::object{{"name", q.name}, {"in", "query"}, {"description", q.description},
                                      {"schema", json::object{{"type", q.type}}}});
  }
  if (!parameters.empty()) op["parameters"] = std::move(parameters);
  if (!route.doc.request_schema.empty()) {
    op["requestBody"] = json::object{{"required", true}, {"content", JsonContent(Ref(route.doc.request_schema))}};
  } else if (!route.doc.request_media_type.empty()) {
    json::object binary{{"schema", json::object{{"type", "string"}, {"format", "binary"}}}};
    op["requestBody"] = json::object{{"required", true}, {"content", json::object{{route.doc.request_media_type, binary}}}};
  }
  json::object responses;
  json::object success{{"description", route.doc.success_status == 204 ? "done, no body" : "success"}};
  if (!route.doc.response_schema.empty()) {
    json::value schema = Ref(route.doc.response_schema);
    if (route.doc.list) {
      schema = json::object{{"type", "object"}, {"required", json::array{"items", "total"}},
                            {"properties", json::object{{"items", json::object{{"type", "array"}, {"items", schema}}},
                                                        {"total", json::object{{"type", "integer"}}}}}};
    }
    success["content"] = JsonContent(std::move(schema));
  } else if (!route.doc.response_media_type.empty()) {
    json::object binary{{"schema", json::object{{"type", "string"}, {"format", "binary"}}}};
    success["content"] = json::object{{route.doc.response_media_type, binary}};
  }
  responses[std::to_string(route.doc.success_status)] = std::move(success);
  responses["400"] = ErrorReply("malformed or invalid input, naming the fields");
  if (route.permission != core::Permission::kPublic) {
    responses["401"] = ErrorReply("not logged in");
    responses["403"] = ErrorReply("the role does not allow it");
  }
  if (route.pattern.find('{') != std::string::npos) responses["404"] = ErrorReply("absent or outside the caller's data scope");
  if (route.method == "PUT" || route.method == "POST" || route.method == "DELETE") {
    responses["409"] = ErrorReply("stale version or duplicate; carries the current record");
    responses["422"] = ErrorReply("a domain rule forbids it");
  }
  if (!route.doc.request_schema.empty()) {
    responses["413"] = ErrorReply("body over the limit");
    responses["415"] = ErrorReply("body is not JSON");
  } else if (!route.doc.request_media_type.empty()) {
    responses["413"] = ErrorReply("body over the limit");
  }
  if (route.pattern == "/api/v1/auth/login") responses["429"] = ErrorReply("too many failed logins");
  op["responses"] = std::move(responses);
  if (route.permission == core::Permission::kPublic) op["security"] = json::array{};
  return op;
}

}  // namespace

json::value BuildOpenApi(const Router& router) {
  json::object paths;
  for (const auto& route : router.routes()) {
    std::string method = route.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    json::value& item = paths[route.pattern];
    if (!item.is_object()) item.emplace_object();
    item.as_object()[method] = Operation(route);
  }
  return json::object{
      {"openapi", "3.1.0"},
      {"info", json::object{{"title", "sanpi 三个一批 重点项目监管平台 API"}, {"version", "1"},
                            {"description", "Key investment project supervision for the 三个一批 campaign."}}},
      {"servers", json::array{json::object{{"url", "/"}}}},
      {"paths", std::move(paths)},
      {"components",
       json::object{{"schemas", ComponentSchemas()},
                    {"securitySchemes", json::object{{"bearer", json::object{{"type", "http"}, {"scheme", "bearer"}}},
                                                     {"cookie", json::object{{"type", "apiKey"}, {"in", "cookie"},
                                                                             {"name", "sanpi_session"}}}}}}},
      {"security", json::array{json::object{{"bearer", json::array{}}}, json::object{{"cookie", json::array{}}}}},
  };
}

}  // namespace sanpi::http
