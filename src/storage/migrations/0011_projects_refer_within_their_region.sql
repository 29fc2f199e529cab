-- A project's lead unit, leader and enterprise belong to the project's own region: the repositories
-- have always checked this, and now the database holds it too. On PostgreSQL each reference names the
-- region with the id, which also makes the region's own reference redundant (the unit's region is a
-- region): three checks per new project instead of four, which an import of 100,000 projects feels
-- (each check is a trigger call of about 8 µs). SQLite cannot change a table's foreign keys in place;
-- there triggers hold the same rule beside the keys it has. The enterprise's key is deferrable: an import
-- writes the projects while it reads the sheet and the enterprises it registers after them, and asks for
-- that check at the commit (SET CONSTRAINTS); everyone else is checked at once, as before.
{{postgres only}} CREATE UNIQUE INDEX org_units_region_id ON org_units(region_code, id);
{{postgres only}} CREATE UNIQUE INDEX users_region_id ON users(region_code, id);
{{postgres only}} CREATE UNIQUE INDEX enterprises_region_id ON enterprises(region_code, id);
{{postgres only}} ALTER TABLE projects
{{postgres only}}   DROP CONSTRAINT projects_region_code_fkey,
{{postgres only}}   DROP CONSTRAINT projects_unit_id_fkey,
{{postgres only}}   DROP CONSTRAINT projects_leader_id_fkey,
{{postgres only}}   DROP CONSTRAINT projects_enterprise_id_fkey,
{{postgres only}}   ADD CONSTRAINT projects_unit_in_region FOREIGN KEY (region_code, unit_id) REFERENCES org_units(region_code, id),
{{postgres only}}   ADD CONSTRAINT projects_leader_in_region FOREIGN KEY (region_code, leader_id) REFERENCES users(region_code, id),
{{postgres only}}   ADD CONSTRAINT projects_enterprise_in_region
{{postgres only}}     FOREIGN KEY (region_code, enterprise_id) REFERENCES enterprises(region_code, id) DEFERRABLE;
{{sqlite only}} CREATE TRIGGER projects_insert_within_region BEFORE INSERT ON projects WHEN NOT EXISTS (SELECT 1 FROM org_units WHERE id = NEW.unit_id AND region_code = NEW.region_code) OR NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.leader_id AND region_code = NEW.region_code) OR (NEW.enterprise_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM enterprises WHERE id = NEW.enterprise_id AND region_code = NEW.region_code)) BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: the unit, leader or enterprise is of another region'); END;
{{sqlite only}} CREATE TRIGGER projects_update_within_region BEFORE UPDATE OF region_code, unit_id, leader_id, enterprise_id ON projects WHEN NOT EXISTS (SELECT 1 FROM org_units WHERE id = NEW.unit_id AND region_code = NEW.region_code) OR NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.leader_id AND region_code = NEW.region_code) OR (NEW.enterprise_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM enterprises WHERE id = NEW.enterprise_id AND region_code = NEW.region_code)) BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: the unit, leader or enterprise is of another region'); END;
