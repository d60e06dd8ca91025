-- Editing and cancelling dates in the staff area: a version for the
-- editor's "changed by someone else" check, and why and when a date was
-- cancelled (the reason goes into the participants' mails).
ALTER TABLE course_dates
    ADD COLUMN version       integer NOT NULL DEFAULT 1 CHECK (version > 0),
    ADD COLUMN cancel_reason text NOT NULL DEFAULT '' CHECK (length(cancel_reason) <= 500),
    ADD COLUMN cancelled_at  timestamptz;
