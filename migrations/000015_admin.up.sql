-- The staff area: staff users with a role, their sessions (the table scs's
-- pgxstore expects) and an audit log of every change staff make.

CREATE TABLE staff_users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    name          text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
    role          text NOT NULL CHECK (role IN ('admin', 'redaktør')),
    password_hash text NOT NULL,                          -- argon2id, parameters in the hash
    created_at    timestamptz NOT NULL DEFAULT now(),
    disabled      boolean NOT NULL DEFAULT false
);
-- One account per address, whatever its case.
CREATE UNIQUE INDEX staff_users_email_key ON staff_users (lower(email));

CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BYTEA NOT NULL,
    expiry TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);

CREATE TABLE audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    staff_user_id  bigint REFERENCES staff_users (id) ON DELETE SET NULL,
    entity         text NOT NULL,                         -- participant, booking, inquiry, staff_user, …
    entity_id      bigint NOT NULL,
    action         text NOT NULL,                         -- cancel, promote, move, substitute, invoice, …
    changed_fields text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
