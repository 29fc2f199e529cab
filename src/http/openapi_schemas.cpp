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
    "before": {}, "after": {}}},
  "Stage": {"type": "string", "enum": ["reserve", "signed", "started", "producing", "effective", "withdrawn"]},
  "Date": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
  "Project": {"type": "object", "required": ["id", "name", "industry", "kind", "total_investment", "leader_id",
    "lead_unit_id", "stage", "version"], "properties": {
    "id": {"type": "integer"}, "region_code": {"type": "string"},
    "code": {"type": "string", "description": "项目代码 YYYY-RRRRRR-II-TT-NNNNNN, empty until issued"},
    "name": {"type": "string"}, "enterprise_id": {"type": "integer", "description": "建设单位, 0 when none yet"},
    "industry": {"type": "string"}, "kind": {"type": "string", "enum": ["industry", "infrastructure", "livelihood"]},
    "address": {"type": "string"}, "longitude": {"type": ["number", "null"]}, "latitude": {"type": ["number", "null"]},
    "parcel": {"type": "string"}, "construction_content": {"type": "string"},
    "total_investment": {"type": "integer", "description": "总投资, whole yuan"},
    "leader_id": {"type": "integer", "description": "包联领导 (a user)"},
    "lead_unit_id": {"type": "integer", "description": "牵头单位; owns the project for data scope"},
    "cooperating_unit_ids": {"type": "array", "items": {"type": "integer"}},
    "responsible_person": {"type": "string"}, "responsible_phone": {"type": "string"},
    "in_stats_db": {"type": "boolean"}, "in_stats_db_on": {"$ref": "#/components/schemas/Date"},
    "stage": {"$ref": "#/components/schemas/Stage"}, "stage_name": {"type": "string"},
    "signed_on": {"$ref": "#/components/schemas/Date"}, "fulfilled_on": {"$ref": "#/components/schemas/Date"},
    "started_on": {"$ref": "#/components/schemas/Date"}, "producing_on": {"$ref": "#/components/schemas/Date"},
    "effective_on": {"$ref": "#/components/schemas/Date"}, "withdrawn_on": {"$ref": "#/components/schemas/Date"},
    "withdrawal_reason": {"type": "string"}, "version": {"type": "integer"},
    "created_at": {"type": "string"}, "updated_at": {"type": "string"}}},
  "ProjectInput": {"type": "object", "required": ["name", "industry", "total_investment", "leader_id", "responsible_person"],
    "additionalProperties": false, "description": "lead_unit_id defaults to the caller's unit; stage fields let a ledger line enter at its real stage",
    "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "enterprise_id": {"type": "integer"},
    "industry": {"type": "string"}, "kind": {"type": "string"}, "address": {"type": "string"},
    "longitude": {"type": "number"}, "latitude": {"type": "number"}, "parcel": {"type": "string"},
    "construction_content": {"type": "string"}, "total_investment": {"type": "integer"}, "leader_id": {"type": "integer"},
    "lead_unit_id": {"type": "integer"}, "cooperating_unit_ids": {"type": "array", "items": {"type": "integer"}},
    "responsible_person": {"type": "string"}, "responsible_phone": {"type": "string"},
    "in_stats_db": {"type": "boolean"}, "in_stats_db_on": {"$ref": "#/components/schemas/Date"},
    "stage": {"$ref": "#/components/schemas/Stage"}, "signed_on": {"$ref": "#/components/schemas/Date"},
    "fulfilled_on": {"$ref": "#/components/schemas/Date"}, "started_on": {"$ref": "#/components/schemas/Date"},
    "producing_on": {"$ref": "#/components/schemas/Date"}, "effective_on": {"$ref": "#/components/schemas/Date"},
    "withdrawn_on": {"$ref": "#/components/schemas/Date"}, "withdrawal_reason": {"type": "string"}}},
  "ProjectUpdate": {"type": "object", "required": ["name", "industry", "total_investment", "leader_id", "responsible_person", "version"],
    "additionalProperties": false, "description": "stages change only through /stage, /fulfilment, /correction, /stats-db",
    "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "enterprise_id": {"type": "integer"},
    "industry": {"type": "string"}, "kind": {"type": "string"}, "address": {"type": "string"},
    "longitude": {"type": "number"}, "latitude": {"type": "number"}, "parcel": {"type": "string"},
    "construction_content": {"type": "string"}, "total_investment": {"type": "integer"}, "leader_id": {"type": "integer"},
    "lead_unit_id": {"type": "integer"}, "cooperating_unit_ids": {"type": "array", "items": {"type": "integer"}},
    "responsible_person": {"type": "string"}, "responsible_phone": {"type": "string"}, "version": {"type": "integer"}}},
  "ProjectLedger": {"type": "object", "required": ["items", "total", "totals"], "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Project"}}, "total": {"type": "integer"},
    "totals": {"type": "object", "required": ["count", "total_investment"], "description": "over the whole filtered set",
      "properties": {"count": {"type": "integer"}, "total_investment": {"type": "integer"}}}}},
  "StageChange": {"type": "object", "required": ["to", "on", "version"], "additionalProperties": false, "properties": {
    "to": {"$ref": "#/components/schemas/Stage"}, "on": {"$ref": "#/components/schemas/Date"},
    "signed_on": {"$ref": "#/components/schemas/Date"}, "fulfilled_on": {"$ref": "#/components/schemas/Date"},
    "started_on": {"$ref": "#/components/schemas/Date"}, "producing_on": {"$ref": "#/components/schemas/Date"},
    "reason": {"type": "string", "description": "required when withdrawing"}, "version": {"type": "integer"}}},
  "Fulfilment": {"type": "object", "required": ["on", "version"], "additionalProperties": false, "properties": {
    "on": {"$ref": "#/components/schemas/Date"}, "version": {"type": "integer"}}},
  "StageCorrection": {"type": "object", "required": ["stage", "reason", "version"], "additionalProperties": false, "properties": {
    "stage": {"$ref": "#/components/schemas/Stage"}, "signed_on": {"$ref": "#/components/schemas/Date"},
    "fulfilled_on": {"$ref": "#/components/schemas/Date"}, "started_on": {"$ref": "#/components/schemas/Date"},
    "producing_on": {"$ref": "#/components/schemas/Date"}, "effective_on": {"$ref": "#/components/schemas/Date"},
    "withdrawn_on": {"$ref": "#/components/schemas/Date"}, "withdrawal_reason": {"type": "string"},
    "reason": {"type": "string", "minLength": 4}, "version": {"type": "integer"}}},
  "StatsDbChange": {"type": "object", "required": ["in_stats_db", "version"], "additionalProperties": false, "properties": {
    "in_stats_db": {"type": "boolean"}, "in_stats_db_on": {"$ref": "#/components/schemas/Date"}, "version": {"type": "integer"}}},
  "ChecklistItem": {"type": "object", "required": ["id", "project_id", "item", "deadline", "version"], "properties": {
    "id": {"type": "integer"}, "project_id": {"type": "integer"}, "item": {"type": "string"},
    "owner_unit_id": {"type": "integer"}, "owner": {"type": "string"}, "deadline": {"$ref": "#/components/schemas/Date"},
    "done_on": {"$ref": "#/components/schemas/Date"}, "version": {"type": "integer"}}},
  "ChecklistItemInput": {"type": "object", "required": ["item", "deadline"], "additionalProperties": false, "properties": {
    "item": {"type": "string"}, "owner_unit_id": {"type": "integer"}, "owner": {"type": "string"},
    "deadline": {"$ref": "#/components/schemas/Date"}, "done_on": {"$ref": "#/components/schemas/Date"}}},
  "ChecklistItemUpdate": {"type": "object", "required": ["item", "deadline", "version"], "additionalProperties": false, "properties": {
    "item": {"type": "string"}, "owner_unit_id": {"type": "integer"}, "owner": {"type": "string"},
    "deadline": {"$ref": "#/components/schemas/Date"}, "done_on": {"$ref": "#/components/schemas/Date"},
    "version": {"type": "integer"}}},
  "Attachment": {"type": "object", "required": ["id", "project_id", "category", "file_name", "content_type", "size_bytes", "sha256"],
    "properties": {"id": {"type": "integer"}, "project_id": {"type": "integer"},
    "category": {"type": "string", "enum": ["photo", "plan", "other"]}, "file_name": {"type": "string"},
    "content_type": {"type": "string"}, "size_bytes": {"type": "integer"}, "sha256": {"type": "string"},
    "created_by": {"type": "integer"}, "created_at": {"type": "string"}}},
  "Batch": {"type": "string", "enum": ["sign", "start", "production"]},
  "Period": {"type": "object", "required": ["id", "number", "name", "held_on", "version"], "properties": {
    "id": {"type": "integer"}, "region_code": {"type": "string"}, "number": {"type": "integer"}, "name": {"type": "string"},
    "ordinal": {"type": "string", "description": "第七期"}, "held_on": {"type": "string"}, "version": {"type": "integer"}}},
  "PeriodInput": {"type": "object", "required": ["number", "held_on"], "additionalProperties": false, "properties": {
    "number": {"type": "integer"}, "name": {"type": "string"}, "held_on": {"type": "string"}}},
  "PeriodUpdate": {"type": "object", "required": ["held_on", "version"], "additionalProperties": false, "properties": {
    "name": {"type": "string"}, "held_on": {"type": "string"}, "version": {"type": "integer"}}},
  "Commitment": {"type": "object", "properties": {"sign_date": {"$ref": "#/components/schemas/Date"},
    "planned_start_date": {"$ref": "#/components/schemas/Date"}, "planned_production_date": {"$ref": "#/components/schemas/Date"},
    "year_planned_investment": {"type": "integer"}, "plan_year": {"type": "integer"}}},
  "RosterEntry": {"type": "object", "required": ["id", "period", "project_id", "batch", "commitment"], "properties": {
    "id": {"type": "integer"}, "period": {"type": "integer"}, "project_id": {"type": "integer"},
    "batch": {"$ref": "#/components/schemas/Batch"}, "sequence": {"type": "integer"},
    "commitment": {"$ref": "#/components/schemas/Commitment"}, "version": {"type": "integer"}}},
  "RosterEntryInput": {"type": "object", "required": ["project_id", "batch"], "additionalProperties": false, "properties": {
    "project_id": {"type": "integer"}, "batch": {"$ref": "#/components/schemas/Batch"}, "sequence": {"type": "integer"},
    "commitment": {"$ref": "#/components/schemas/Commitment"}}},
  "RosterAdjustment": {"type": "object", "required": ["id", "entry_id", "kind", "after_period", "decided_on", "reason"], "properties": {
    "id": {"type": "integer"}, "entry_id": {"type": "integer"},
    "kind": {"type": "string", "enum": ["move", "change_commitment", "withdraw"]}, "kind_name": {"type": "string"},
    "after_period": {"type": "integer"}, "decided_on": {"type": "string"}, "reason": {"type": "string"},
    "to_batch": {"type": ["string", "null"]}, "commitment": {}, "created_by": {"type": "integer"}}},
  "RosterAdjustmentInput": {"type": "object", "required": ["kind", "after_period", "decided_on", "reason"],
    "additionalProperties": false, "properties": {
    "kind": {"type": "string", "enum": ["move", "change_commitment", "withdraw"]}, "after_period": {"type": "integer"},
    "decided_on": {"type": "string"}, "reason": {"type": "string"}, "to_batch": {"$ref": "#/components/schemas/Batch"},
    "commitment": {"$ref": "#/components/schemas/Commitment"}}},
  "RosterLine": {"type": "object", "required": ["entry_id", "project_id", "batch", "origin_batch", "origin_period"], "properties": {
    "entry_id": {"type": "integer"}, "project_id": {"type": "integer"}, "project_name": {"type": "string"},
    "batch": {"$ref": "#/components/schemas/Batch"}, "batch_period": {"type": "integer"},
    "origin_batch": {"$ref": "#/components/schemas/Batch"}, "origin_period": {"type": "integer"}, "converted": {"type": "boolean"},
    "sequence": {"type": "integer"}, "commitment": {"$ref": "#/components/schemas/Commitment"},
    "original_commitment": {"$ref": "#/components/schemas/Commitment"}, "adjustments": {"type": "integer"},
    "total_investment": {"type": "integer"}, "industry": {"type": "string"}, "lead_unit_id": {"type": "integer"},
    "lead_unit_name": {"type": "string"}, "leader_id": {"type": "integer"}, "leader_name": {"type": "string"},
    "stage": {"$ref": "#/components/schemas/Stage"}}},
  "ProjectRosterHistory": {"type": "object", "required": ["entries", "adjustments"], "properties": {
    "entries": {"type": "array", "items": {"$ref": "#/components/schemas/RosterEntry"}},
    "adjustments": {"type": "array", "items": {"$ref": "#/components/schemas/RosterAdjustment"}}}},
  "Rate": {"type": "object", "required": ["numerator", "denominator", "per_mille", "text"], "properties": {
    "numerator": {"type": "integer"}, "denominator": {"type": "integer"},
    "per_mille": {"type": ["integer", "null"], "description": "tenths of a percent; null without a denominator"},
    "text": {"type": "string", "description": "85.7%, or — without a denominator"}}},
  "RosterFigures": {"type": "object", "required": ["count", "total_investment", "sign", "start", "production", "rates"], "properties": {
    "count": {"type": "integer"}, "total_investment": {"type": "integer"},
    "sign": {"type": "object", "properties": {"count": {"type": "integer"}, "total_investment": {"type": "integer"},
      "current": {"type": "integer"}, "earlier": {"type": "integer"}, "earlier_fulfilled": {"type": "integer"},
      "fulfilled": {"type": "integer"}}},
    "start": {"type": "object", "properties": {"count": {"type": "integer"}, "total_investment": {"type": "integer"},
      "started": {"type": "integer"}, "producing": {"type": "integer"}}},
    "production": {"type": "object", "properties": {"count": {"type": "integer"}, "total_investment": {"type": "integer"},
      "year_planned_investment": {"type": "integer"}, "producing": {"type": "integer"}, "effective": {"type": "integer"},
      "effect_rate": {"$ref": "#/components/schemas/Rate"}}},
    "rates": {"type": "object", "properties": {"fulfilment": {"$ref": "#/components/schemas/Rate"},
      "start": {"$ref": "#/components/schemas/Rate"}, "production": {"$ref": "#/components/schemas/Rate"},
      "effect": {"$ref": "#/components/schemas/Rate"}}}}},
  "GroupFigures": {"type": "object", "required": ["id", "name", "figures"], "properties": {"id": {"type": "integer"},
    "name": {"type": "string"}, "figures": {"$ref": "#/components/schemas/RosterFigures"}}},
  "CampaignStatistics": {"type": "object", "required": ["period", "as_of", "overall", "by_unit", "by_leader", "by_industry"],
    "properties": {"period": {"type": "integer"}, "as_of": {"type": "string"},
    "overall": {"$ref": "#/components/schemas/RosterFigures"},
    "by_unit": {"type": "array", "items": {"$ref": "#/components/schemas/GroupFigures"}},
    "by_leader": {"type": "array", "items": {"$ref": "#/components/schemas/GroupFigures"}},
    "by_industry": {"type": "array", "items": {"$ref": "#/components/schemas/GroupFigures"}},
    "missing_projects": {"type": "integer"}}},
  "Oc4idsProject": {"type": "object", "required": ["id"],
    "description": "OC4IDS project (open-contracting/infrastructure schema/project-level/project-schema.json); dates are date-times in +08:00, money in CNY",
    "properties": {
    "id": {"type": "string", "pattern": "^oc4ids-sanpi-[0-9]{6}-[0-9]+$"}, "updated": {"type": "string", "format": "date-time"},
    "identifiers": {"type": "array", "items": {"type": "object", "required": ["id", "scheme"],
      "properties": {"id": {"type": "string"}, "scheme": {"type": "string"}}}},
    "title": {"type": "string"}, "description": {"type": "string"},
    "status": {"type": "string", "enum": ["identification", "preparation", "implementation", "completion", "completed", "cancelled"]},
    "type": {"type": "string", "enum": ["construction", "rehabilitation", "replacement"]},
    "sector": {"type": "array", "items": {"type": "string"}},
    "period": {"$ref": "#/components/schemas/Oc4idsPeriod"},
    "budget": {"type": "object", "properties": {"amount": {"$ref": "#/components/schemas/Oc4idsValue"},
      "budgetBreakdown": {"type": "array", "items": {"type": "object", "required": ["id"], "properties": {
        "id": {"type": "string"}, "description": {"type": "string"}, "amount": {"$ref": "#/components/schemas/Oc4idsValue"},
        "period": {"$ref": "#/components/schemas/Oc4idsPeriod"}}}}}},
    "locations": {"type": "array", "items": {"type": "object", "required": ["id"], "properties": {
      "id": {"type": "string"}, "description": {"type": "string"},
      "geometry": {"type": "object", "properties": {"type": {"type": "string", "enum": ["Point"]},
        "coordinates": {"type": "array", "items": {"type": "number"}, "description": "[longitude, latitude] (GeoJSON)"}}},
      "address": {"type": "object"}}}},
    "parties": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"},
      "identifier": {"type": "object"}, "roles": {"type": "array", "items": {"type": "string"}}}}},
    "milestones": {"type": "array", "items": {"type": "object", "required": ["id"], "properties": {
      "id": {"type": "string"}, "title": {"type": "string"}, "type": {"type": "string"}, "code": {"type": "string"},
      "dueDate": {"type": "string", "format": "date-time"}, "dateMet": {"type": "string", "format": "date-time"},
      "status": {"type": "string", "enum": ["scheduled", "met", "notMet", "partiallyMet"]}}}},
    "modifications": {"type": "array", "items": {"type": "object", "required": ["id"], "properties": {
      "id": {"type": "string"}, "date": {"type": "string", "format": "date-time"}, "type": {"type": "string"},
      "description": {"type": "string"}, "rationale": {"type": "string"}}}}}},
  "Oc4idsValue": {"type": "object", "required": ["amount", "currency"], "properties": {"amount": {"type": "number"},
    "currency": {"type": "string", "enum": ["CNY"]}}},
  "Oc4idsPeriod": {"type": "object", "properties": {"startDate": {"type": "string", "format": "date-time"},
    "endDate": {"type": "string", "format": "date-time"}, "durationInDays": {"type": "integer"}}},
  "Bulletin": {"type": "object", "required": ["period", "as_of", "text"], "properties": {"period": {"type": "integer"},
    "as_of": {"type": "string"}, "text": {"type": "string"}}}
})json";

}  // namespace

const boost::json::value& ComponentSchemas() {
  static const boost::json::value schemas = boost::json::parse(kSchemas);
  return schemas;
}

}  // namespace sanpi::http
