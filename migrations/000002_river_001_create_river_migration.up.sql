-- River job-queue schema (riverqueue/river v0.51.1, line 'main', version 1),
-- from riverpgxv5's 001_create_river_migration.up.sql, one golang-migrate step per River version.

CREATE TABLE river_migration(
  id bigserial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT NOW(),
  version bigint NOT NULL,
  CONSTRAINT version CHECK (version >= 1)
);

CREATE UNIQUE INDEX ON river_migration USING btree(version);