-- River job-queue schema (riverqueue/river v0.51.1, line 'main', version 3),
-- from riverpgxv5's 003_river_job_tags_non_null.up.sql, one golang-migrate step per River version.

ALTER TABLE river_job ALTER COLUMN tags SET DEFAULT '{}';
UPDATE river_job SET tags = '{}' WHERE tags IS NULL;
ALTER TABLE river_job ALTER COLUMN tags SET NOT NULL;
