-- 预警督办: the region's rule settings, one row per warning episode (with its responses and 督办单), and the
-- log of what happened to warnings, which the inbox and the notification outbox read. Dates are TEXT
-- 'YYYY-MM-DD'; lists inside a warning are JSON text (they are read and written with the warning, never queried).

-- The rules a region replaced (a JSON array of whole rules, see codec/warning_json.hpp) and the 督办单 reply
-- deadline. A region without a row uses domain.md's defaults.
CREATE TABLE warning_rule_settings (
  region_code TEXT PRIMARY KEY REFERENCES regions(code),
  rules TEXT NOT NULL DEFAULT '[]',
  supervision_reply_days BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);

-- One warning from the day its condition opened to the day it cleared (closed_on). condition_key is
-- core::ConditionKeyString: "rule/project/subject/subject_id".
CREATE TABLE warnings (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  condition_key TEXT NOT NULL,
  rule TEXT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  subject TEXT NOT NULL,
  subject_id BIGINT NOT NULL,
  project_name TEXT NOT NULL,
  level TEXT NOT NULL,
  peak_level TEXT NOT NULL,
  unit TEXT NOT NULL,
  figure DOUBLE PRECISION NOT NULL,
  threshold BIGINT NOT NULL,
  since TEXT NOT NULL,
  message_zh TEXT NOT NULL,
  message_en TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  history TEXT NOT NULL DEFAULT '[]',
  responses TEXT NOT NULL DEFAULT '[]',
  responsible_unit_id BIGINT NOT NULL,
  leader_id BIGINT NOT NULL,
  assignee_id BIGINT NOT NULL DEFAULT 0,
  assigned_on TEXT,
  order_state TEXT,            -- NULL: no 督办单; issued | replied | signed_off
  order_json TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- One open warning per condition.
CREATE UNIQUE INDEX warnings_open_condition ON warnings(condition_key) WHERE closed_on IS NULL;
CREATE INDEX warnings_region_open ON warnings(region_code, closed_on, level);
CREATE INDEX warnings_project ON warnings(project_id);
CREATE INDEX warnings_region_order ON warnings(region_code, order_state);

-- What the sweep and people did to warnings, in order. actor_id 0 is the system.
CREATE TABLE warning_events (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  warning_id BIGINT NOT NULL REFERENCES warnings(id) ON DELETE CASCADE,
  project_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  previous_level TEXT NOT NULL,
  on_date TEXT NOT NULL,
  unit_id BIGINT NOT NULL,
  leader_id BIGINT NOT NULL,
  assignee_id BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  message_zh TEXT NOT NULL,
  message_en TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX warning_events_region ON warning_events(region_code, id);
CREATE INDEX warning_events_warning ON warning_events(warning_id, id);
