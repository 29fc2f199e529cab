-- The monthly rhythm: annual investment plans with their twelve months, monthly reports with every
-- submission kept, milestones, and the region's settings for both. Money is whole yuan; dates are
-- TEXT 'YYYY-MM-DD'.

-- 年度计划投资 per project and year; m01 … m12 always add up to `annual`.
CREATE TABLE investment_plans (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year BIGINT NOT NULL,
  annual BIGINT NOT NULL,
  strategy TEXT NOT NULL,
  m01 BIGINT NOT NULL, m02 BIGINT NOT NULL, m03 BIGINT NOT NULL, m04 BIGINT NOT NULL,
  m05 BIGINT NOT NULL, m06 BIGINT NOT NULL, m07 BIGINT NOT NULL, m08 BIGINT NOT NULL,
  m09 BIGINT NOT NULL, m10 BIGINT NOT NULL, m11 BIGINT NOT NULL, m12 BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  revision BIGINT NOT NULL DEFAULT 0,  -- the region's progress revision of the last write (see progress_revisions)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (project_id, year)
);
CREATE INDEX investment_plans_region_year ON investment_plans(region_code, year, revision);

-- 月报: one per project and month; the working copy of the figures plus the workflow state.
CREATE TABLE monthly_reports (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year BIGINT NOT NULL,
  month BIGINT NOT NULL,
  status TEXT NOT NULL,
  completed_this_month BIGINT NOT NULL,
  cumulative BIGINT NOT NULL,
  progress_text TEXT NOT NULL DEFAULT '',
  progress_percent BIGINT NOT NULL DEFAULT 0,
  problems TEXT NOT NULL DEFAULT '',
  photo_ids TEXT NOT NULL DEFAULT '[]',
  due_on TEXT NOT NULL,
  first_submitted_on TEXT,
  created_by BIGINT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (project_id, year, month)
);
CREATE INDEX monthly_reports_region_month ON monthly_reports(region_code, year, month, status);

-- Every submission of a report, frozen; the review (return or acceptance) is written on the version it judged.
CREATE TABLE report_versions (
  report_id BIGINT NOT NULL REFERENCES monthly_reports(id) ON DELETE CASCADE,
  number BIGINT NOT NULL,
  completed_this_month BIGINT NOT NULL,
  cumulative BIGINT NOT NULL,
  progress_text TEXT NOT NULL,
  progress_percent BIGINT NOT NULL,
  problems TEXT NOT NULL,
  submitted_on TEXT NOT NULL,
  submitted_by BIGINT NOT NULL,
  returned_on TEXT,
  returned_by BIGINT,
  return_reason TEXT NOT NULL DEFAULT '',
  accepted_on TEXT,
  accepted_by BIGINT,
  PRIMARY KEY (report_id, number)
);

-- What the submitted reports of one project add up to in one year, kept in the same transaction as every
-- submission: c01 … c12 are the months' completed investment as last submitted; bit (month − 1) of
-- submitted_mask / on_time_mask says the month was submitted / first submitted by its due date. A year's
-- roll-up reads one row per project instead of twelve reports.
CREATE TABLE report_year_totals (
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year BIGINT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  c01 BIGINT NOT NULL DEFAULT 0, c02 BIGINT NOT NULL DEFAULT 0, c03 BIGINT NOT NULL DEFAULT 0,
  c04 BIGINT NOT NULL DEFAULT 0, c05 BIGINT NOT NULL DEFAULT 0, c06 BIGINT NOT NULL DEFAULT 0,
  c07 BIGINT NOT NULL DEFAULT 0, c08 BIGINT NOT NULL DEFAULT 0, c09 BIGINT NOT NULL DEFAULT 0,
  c10 BIGINT NOT NULL DEFAULT 0, c11 BIGINT NOT NULL DEFAULT 0, c12 BIGINT NOT NULL DEFAULT 0,
  submitted_mask BIGINT NOT NULL DEFAULT 0,
  on_time_mask BIGINT NOT NULL DEFAULT 0,
  revision BIGINT NOT NULL DEFAULT 0,  -- the region's progress revision of the last write
  PRIMARY KEY (project_id, year)
);
CREATE INDEX report_year_totals_region_year ON report_year_totals(region_code, year, revision);

-- The region's reporting due day and seasonal profile 季节系数.
CREATE TABLE progress_settings (
  region_code TEXT PRIMARY KEY REFERENCES regions(code),
  due_day BIGINT NOT NULL,
  w01 BIGINT NOT NULL, w02 BIGINT NOT NULL, w03 BIGINT NOT NULL, w04 BIGINT NOT NULL,
  w05 BIGINT NOT NULL, w06 BIGINT NOT NULL, w07 BIGINT NOT NULL, w08 BIGINT NOT NULL,
  w09 BIGINT NOT NULL, w10 BIGINT NOT NULL, w11 BIGINT NOT NULL, w12 BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);

-- Raised with every write to plans, reports or progress settings of a region (the progress cache's label,
-- beside region_revisions for the projects themselves). The plan and totals rows a write touches carry the
-- new revision, so a cache can reload just the rows written since it was loaded.
CREATE TABLE progress_revisions (
  region_code TEXT PRIMARY KEY,
  revision BIGINT NOT NULL
);

-- 节点: predecessors is a JSON array of milestone ids of the same project.
CREATE TABLE milestones (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  planned TEXT,
  actual TEXT,
  standard_days BIGINT NOT NULL DEFAULT 0,
  predecessors TEXT NOT NULL DEFAULT '[]',
  sort_order BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX milestones_project ON milestones(project_id, sort_order);
CREATE INDEX milestones_region_planned ON milestones(region_code, planned);
