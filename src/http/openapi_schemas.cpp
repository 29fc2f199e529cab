// The shapes of sanpi's JSON bodies, as OpenAPI 3.1 component schemas.
#include <boost/json/parse.hpp>

#include "http/openapi.hpp"

namespace sanpi::http {
namespace {

constexpr const char* kSchemas = R"json({
  "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
    "required": ["code", "message", "fields"], "properties": {
      "code": {"type": "string", "enum": ["invalid", "unauthenticated", "forbidden", "not_found", "conflict", "too_large",
                                          "unsupported_media_type", "rule_broken", "throttled", "internal"]},
      "message": {"type": "string"},
      "fields": {"type": "array", "items": {"type": "object", "required": ["field", "message"],
                 "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}}},
    "current": {"description": "on 409: the record as it now stands"}}},
  "Health": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}, "version": {"type": "string"},
    "database": {"type": "string"}}},
  "Region": {"type": "object", "required": ["code", "name", "parent_code", "version"], "properties": {
    "code": {"type": "string", "pattern": "^[0-9]{6}$"}, "name": {"type": "string"}, "parent_code": {"type": "string"},
    "version": {"type": "integer"}}},
  "RegionInput": {"type": "object", "required": ["code", "name", "parent_code"], "additionalProperties": false, "properties": {
    "code": {"type": "string", "pattern": "^[0-9]{6}$"}, "name": {"type": "string"}, "parent_code": {"type": "string"}}},
  "OrgUnit": {"type": "object", "required": ["id", "region_code", "parent_id", "code", "name", "version"], "properties": {
    "id": {"type": "integer"}, "region_code": {"type": "string"}, "parent_id": {"type": "integer", "description": "0 at the top"},
    "code": {"type": "string"}, "name": {"type": "string"}, "version": {"type": "integer"},
    "created_at": {"type": "string"}, "updated_at": {"type": "string"}}},
  "OrgUnitInput": {"type": "object", "required": ["code", "name"], "additionalProperties": false, "properties": {
    "code": {"type": "string"}, "name": {"type": "string"}, "parent_id": {"type": "integer"}}},
  "OrgUnitUpdate": {"type": "object", "required": ["code", "name", "version"], "additionalProperties": false, "properties": {
    "code": {"type": "string"}, "name": {"type": "string"}, "parent_id": {"type": "integer"}, "version": {"type": "integer"}}},
  "User": {"type": "object", "required": ["id", "username", "display_name", "roles", "scope", "active", "version"], "properties": {
    "id": {"type": "integer"}, "region_code": {"type": "string"}, "unit_id": {"type": "integer"},
    "enterprise_id": {"type": "integer"}, "username": {"type": "string"}, "display_name": {"type": "string"},
    "phone": {"type": "string"}, "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
    "scope": {"$ref": "#/components/schemas/DataScope"}, "active": {"type": "boolean"}, "version": {"type": "integer"},
    "created_at": {"type": "string"}, "updated_at": {"type": "string"}}},
  "Role": {"type": "string", "enum": ["admin", "office", "unit", "leader", "viewer", "enterprise"]},
  "DataScope": {"type": "string", "enum": ["self", "unit", "unit_and_below", "region", "region_and_below"]},
  "UserInput": {"type": "object", "required": ["username", "display_name", "roles", "scope", "password"],
    "additionalProperties": false, "properties": {
    "username": {"type": "string"}, "display_name": {"type": "string"}, "phone": {"type": "string"},
    "unit_id": {"type": "integer"}, "enterprise_id": {"type": "integer"}, "active": {"type": "boolean"},
    "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
    "scope": {"$ref": "#/components/schemas/DataScope"}, "password": {"type": "string", "minLength": 8}}},
  "UserUpdate": {"type": "object", "required": ["username", "display_name", "roles", "scope", "version"],
    "additionalProperties": false, "properties": {
    "username": {"type": "string"}, "display_name": {"type": "string"}, "phone": {"type": "string"},
    "unit_id": {"type": "integer"}, "enterprise_id": {"type": "integer"}, "active": {"type": "boolean"},
    "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
    "scope": {"$ref": "#/components/schemas/DataScope"}, "version": {"type": "integer"}}},
  "PasswordReset": {"type": "object", "required": ["password"], "additionalProperties": false,
    "properties": {"password": {"type": "string", "minLength": 8}}},
  "PasswordChange": {"type": "object", "required": ["old_password", "new_password"], "additionalProperties": false,
    "properties": {"old_password": {"type": "string"}, "new_password": {"type": "string", "minLength": 8}}},
  "LoginRequest": {"type": "object", "required": ["username", "password"], "additionalProperties": false,
    "properties": {"username": {"type": "string"}, "password": {"type": "string"}}},
  "LoginResponse": {"type": "object", "required": ["token", "user"], "properties": {"token": {"type": "string"},
    "user": {"$ref": "#/components/schemas/Me"}}},
  "Me": {"type": "object", "required": ["id", "username", "roles", "scope", "region_code"], "properties": {
    "id": {"type": "integer"}, "username": {"type": "string"}, "display_name": {"type": "string"},
    "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
    "scope": {"$ref": "#/components/schemas/DataScope"}, "region_code": {"type": "string"}, "region_name": {"type": "string"},
    "unit_id": {"type": "integer"}, "unit_name": {"type": "string"}, "enterprise_id": {"type": "integer"}}},
  "Enterprise": {"type": "object", "required": ["id", "name", "uscc", "tags", "version"], "properties": {
    "id": {"type": "integer"}, "region_code": {"type": "string"}, "unit_id": {"type": "integer"},
    "name": {"type": "string"}, "uscc": {"type": "string", "description": "统一社会信用代码, GB 32100-2015"},
    "industry": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
    "address": {"type": "string"}, "contact": {"type": "string"}, "phone": {"type": "string"},
    "version": {"type": "integer"}, "created_at": {"type": "string"}, "updated_at": {"type": "string"}}},
  "EnterpriseInput": {"type": "object", "required": ["name", "uscc"], "additionalProperties": false, "properties": {
    "name": {"type": "string"}, "uscc": {"type": "string", "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"},
    "industry": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
    "address": {"type": "string"}, "contact": {"type": "string"}, "phone": {"type": "string"},
    "unit_id": {"type": "integer"}}},
  "EnterpriseUpdate": {"type": "object", "required": ["name", "uscc", "version"], "additionalProperties": false, "properties": {
    "name": {"type": "string"}, "uscc": {"type": "string"}, "industry": {"type": "string"},
    "tags": {"type": "array", "items": {"type": "string"}}, "address": {"type": "string"}, "contact": {"type": "string"},
    "phone": {"type": "string"}, "unit_id": {"type": "integer"}, "version": {"type": "integer"}}},
  "AuditEntry": {"type": "object", "required": ["id", "at", "action", "entity", "entity_id"], "properties": {
    "id": {"type": "integer"}, "at": {"type": "string"}, "user_id": {"type": "integer"}, "username": {"type": "string"},
    "action": {"type": "string"}, "entity": {"type": "string"}, "entity_id": {"type": "string"},
    "before": {}, "after": {}}}
})json";

}  // namespace

const boost::json::value& ComponentSchemas() {
  static const boost::json::value schemas = boost::json::parse(kSchemas);
  return schemas;
}

}  // namespace sanpi::http
