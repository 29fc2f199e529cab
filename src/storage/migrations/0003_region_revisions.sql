-- A counter per region, raised in the same transaction as every write to its projects, periods,
-- roster entries or adjustments: a cache of figures computed from them is fresh exactly while the
-- revision it was computed at is still the current one.
CREATE TABLE region_revisions (
  region_code TEXT PRIMARY KEY,
  revision BIGINT NOT NULL
);
