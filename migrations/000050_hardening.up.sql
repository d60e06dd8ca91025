-- Login throttle: one row per key (an account, a client address, a known
-- device or an account's login links), keyed by the SHA-256 of the key so
-- that whatever is typed as an e-mail fits the index. attempts counts the
-- tries since the key was last quiet; next_at is when the next try may
-- come (see internal/server/admin/throttle.go).
CREATE TABLE login_throttle (
    key_hash bytea PRIMARY KEY CHECK (length(key_hash) = 32),
    attempts integer NOT NULL CHECK (attempts > 0),
    next_at  timestamptz NOT NULL,
    last_at  timestamptz NOT NULL
);
CREATE INDEX login_throttle_last_idx ON login_throttle (last_at);

-- One-time links, mailed to a staff member whose account is under attack,
-- that make their browser a known device, past the account's throttle.
-- Only the token's SHA-256 is kept.
CREATE TABLE login_links (
    token_hash    bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    staff_user_id bigint NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz
);
CREATE INDEX login_links_expires_idx ON login_links (expires_at);

-- The stamps of inquiry forms that were accepted: a stamp is good for
-- one inquiry. Kept as long as a stamp is valid (a day), then pruned.
CREATE TABLE used_form_stamps (
    stamp_hash bytea PRIMARY KEY CHECK (length(stamp_hash) = 32),
    used_at    timestamptz NOT NULL
);
CREATE INDEX used_form_stamps_used_idx ON used_form_stamps (used_at);
