-- River job-queue schema (riverqueue/river v0.51.1, line 'main', version 8),
-- from riverpgxv5's 008_job_id_autoincrement.up.sql, one golang-migrate step per River version.

-- No-op. Postgres sequences already prevent automatically generated job IDs
-- from being reused.
SELECT 1;

INSERT INTO river_migration (line, version) SELECT 'main', v FROM generate_series(1, 8) AS v ON CONFLICT DO NOTHING;
