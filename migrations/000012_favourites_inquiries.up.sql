-- Favourites without login: a visitor is a random id kept in a cookie; only
-- its SHA-256 is stored. Visitors not seen for 13 months are deleted by a
-- periodic job, and their favourites with them.
CREATE TABLE visitors (
    id           bytea PRIMARY KEY CHECK (length(id) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visitors_last_seen_idx ON visitors (last_seen_at);

CREATE TABLE favourites (
    visitor_id   bytea NOT NULL REFERENCES visitors (id) ON DELETE CASCADE,
    course_id    bigint REFERENCES courses (id) ON DELETE CASCADE,
    programme_id bigint REFERENCES programmes (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((course_id IS NULL) <> (programme_id IS NULL))
);
CREATE UNIQUE INDEX favourites_course_key ON favourites (visitor_id, course_id) WHERE course_id IS NOT NULL;
CREATE UNIQUE INDEX favourites_programme_key ON favourites (visitor_id, programme_id) WHERE programme_id IS NOT NULL;
CREATE INDEX favourites_visitor_idx ON favourites (visitor_id, created_at);

-- Inquiries: "Spørg en COK'er" (question), the contact form (contact) and
-- requests for a course tailored to a workplace (inhouse). Stored before
-- any mail is tried.
CREATE TABLE inquiries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('question', 'contact', 'inhouse')),
    course_id        bigint REFERENCES courses (id) ON DELETE SET NULL,
    consultant_id    bigint REFERENCES consultants (id) ON DELETE SET NULL,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email            text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    phone            text NOT NULL DEFAULT '' CHECK (length(phone) <= 30),
    organisation     text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
    participants     integer CHECK (participants BETWEEN 1 AND 10000),
    period           text NOT NULL DEFAULT '' CHECK (length(period) <= 200),
    place            text NOT NULL DEFAULT '' CHECK (length(place) <= 200),
    message          text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
    page_url         text NOT NULL DEFAULT '' CHECK (length(page_url) <= 500),
    state            text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'handled')),
    internal_note    text NOT NULL DEFAULT '',
    client_addr      text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inquiries_created_idx ON inquiries (created_at DESC);

ALTER TABLE outgoing_mails ADD COLUMN inquiry_id bigint REFERENCES inquiries (id) ON DELETE SET NULL;
CREATE INDEX outgoing_mails_inquiry_idx ON outgoing_mails (inquiry_id);

-- Fixed-window counters for rate limits (inquiries per client address,
-- later failed logins), shared by every server process.
CREATE TABLE rate_limits (
    key          text NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer NOT NULL,
    PRIMARY KEY (key, window_start)
);

-- Keys shared by every server process (e.g. for signing form timestamps).
CREATE TABLE app_keys (
    name text PRIMARY KEY,
    key  bytea NOT NULL CHECK (length(key) >= 32)
);
