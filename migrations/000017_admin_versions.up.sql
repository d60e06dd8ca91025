-- Optimistic locking for the staff editors: every row staff edit carries a
-- version that a save must name and bumps, so that saving over a change
-- made since the form was opened is refused instead of silently lost.
-- (courses and programmes have had a version since 000001.)
ALTER TABLE venues ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE consultants ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE topics ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE bundle_offers ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE staff_users ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
