-- Regions, org units, enterprises, users, sessions and the audit log.
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_code TEXT REFERENCES regions(code),
  path TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX regions_path ON regions(path);

CREATE TABLE org_units (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  parent_id BIGINT REFERENCES org_units(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  created_by BIGINT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (region_code, code)
);
CREATE INDEX org_units_path ON org_units(path);

CREATE TABLE enterprises (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  unit_id BIGINT REFERENCES org_units(id),
  created_by BIGINT,
  name TEXT NOT NULL,
  uscc TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '[]',
  address TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (region_code, uscc)
);
CREATE INDEX enterprises_region_name ON enterprises(region_code, name);
CREATE INDEX enterprises_unit ON enterprises(unit_id);

CREATE TABLE users (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  unit_id BIGINT REFERENCES org_units(id),
  enterprise_id BIGINT REFERENCES enterprises(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  roles TEXT NOT NULL,
  scope TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_unit ON users(unit_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE audit_log (
  id {{id}},
  region_code TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
