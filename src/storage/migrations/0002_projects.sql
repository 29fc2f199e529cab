-- The project ledger (项目台账) and the 三个一批 campaign: projects with their stage dates and
-- accountability, checklists, attachments, periods, roster entries and their adjustments.
-- Dates are TEXT 'YYYY-MM-DD' (NULL when not reached); money is whole yuan.
CREATE TABLE projects (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  unit_id BIGINT NOT NULL REFERENCES org_units(id),
  created_by BIGINT,
  code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  enterprise_id BIGINT REFERENCES enterprises(id),
  industry TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  longitude DOUBLE PRECISION,
  latitude DOUBLE PRECISION,
  parcel TEXT NOT NULL DEFAULT '',
  construction_content TEXT NOT NULL DEFAULT '',
  total_investment BIGINT NOT NULL,
  leader_id BIGINT NOT NULL REFERENCES users(id),
  cooperating_unit_ids TEXT NOT NULL DEFAULT '[]',
  responsible_person TEXT NOT NULL DEFAULT '',
  responsible_phone TEXT NOT NULL DEFAULT '',
  in_stats_db BIGINT NOT NULL DEFAULT 0,
  in_stats_db_on TEXT,
  stage TEXT NOT NULL,
  signed_on TEXT,
  fulfilled_on TEXT,
  started_on TEXT,
  producing_on TEXT,
  effective_on TEXT,
  withdrawn_on TEXT,
  withdrawal_reason TEXT NOT NULL DEFAULT '',
  roster_batch TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- 项目代码 is unique in its region once issued.
CREATE UNIQUE INDEX projects_region_code ON projects(region_code, code) WHERE code <> '';
CREATE INDEX projects_region_stage ON projects(region_code, stage, total_investment);
CREATE INDEX projects_region_unit ON projects(region_code, unit_id, total_investment);
CREATE INDEX projects_region_leader ON projects(region_code, leader_id);
CREATE INDEX projects_region_industry ON projects(region_code, industry, total_investment);
CREATE INDEX projects_region_batch ON projects(region_code, roster_batch);
CREATE INDEX projects_region_investment ON projects(region_code, total_investment);
CREATE INDEX projects_region_name ON projects(region_code, name);
CREATE INDEX projects_enterprise ON projects(enterprise_id);

-- 清单: one project's checklist items.
CREATE TABLE checklist_items (
  id {{id}},
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  owner_unit_id BIGINT REFERENCES org_units(id),
  owner TEXT NOT NULL DEFAULT '',
  deadline TEXT NOT NULL,
  done_on TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX checklist_items_project ON checklist_items(project_id);

-- Files under the data directory; the name on disk is random, never the uploader's.
CREATE TABLE attachments (
  id {{id}},
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,
  created_by BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX attachments_project ON attachments(project_id);

-- 期次.
CREATE TABLE periods (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  number BIGINT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  held_on TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (region_code, number)
);

-- One project on one batch's roster of one period, as published that day.
CREATE TABLE roster_entries (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  period BIGINT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  batch TEXT NOT NULL,
  sequence BIGINT NOT NULL DEFAULT 0,
  sign_date TEXT,
  planned_start_date TEXT,
  planned_production_date TEXT,
  year_planned_investment BIGINT NOT NULL DEFAULT 0,
  plan_year BIGINT NOT NULL DEFAULT 0,
  created_by BIGINT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  UNIQUE (region_code, period, project_id)
);
CREATE INDEX roster_entries_project ON roster_entries(project_id, period);
CREATE INDEX roster_entries_region_period ON roster_entries(region_code, period);

-- 动态调整: recorded changes; the entry keeps its original commitment.
CREATE TABLE roster_adjustments (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  entry_id BIGINT NOT NULL REFERENCES roster_entries(id),
  kind TEXT NOT NULL,
  after_period BIGINT NOT NULL,
  decided_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  to_batch TEXT NOT NULL DEFAULT '',
  sign_date TEXT,
  planned_start_date TEXT,
  planned_production_date TEXT,
  year_planned_investment BIGINT NOT NULL DEFAULT 0,
  plan_year BIGINT NOT NULL DEFAULT 0,
  created_by BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX roster_adjustments_region ON roster_adjustments(region_code, after_period);
CREATE INDEX roster_adjustments_entry ON roster_adjustments(entry_id);
