-- roster_entries_region_period (region_code, period) repeated the first two columns of the table's own unique key
-- (region_code, period, project_id), which answers the same lookups: one index less to keep up to date on every
-- new roster entry (an import of 100,000 rows writes 100,000 of them).
DROP INDEX roster_entries_region_period;
