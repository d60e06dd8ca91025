-- The catalogue: consultants, topics, venues, courses (and modules),
-- programmes, dates, agenda and bundle offers. Money is bigint øre; VAT is
-- basis points (2500 = 25 %). Rules that must always hold are constraints
-- here, not only checks in Go.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE consultants (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL CHECK (btrim(name) <> ''),
    job_title  text NOT NULL DEFAULT '',
    phone      text NOT NULL DEFAULT '',
    email      text NOT NULL CHECK (email LIKE '%_@_%'),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (email)
);

CREATE TABLE topics (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name text NOT NULL UNIQUE CHECK (btrim(name) <> '')
);

CREATE TABLE venues (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name     text NOT NULL CHECK (btrim(name) <> ''),
    street   text NOT NULL DEFAULT '',
    postcode text NOT NULL CHECK (postcode ~ '^[0-9]{4}$'),
    city     text NOT NULL CHECK (btrim(city) <> ''),
    region   text NOT NULL CHECK (region IN ('hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland')),
    UNIQUE (name, postcode)
);

CREATE TABLE courses (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title             text NOT NULL CHECK (btrim(title) <> ''),
    teaser            text NOT NULL DEFAULT '',
    audience          text NOT NULL DEFAULT '',
    description       text NOT NULL DEFAULT '',   -- Markdown
    content_intro     text NOT NULL DEFAULT '',   -- "I løbet af to dage arbejder vi med:"
    content_bullets   text[] NOT NULL DEFAULT '{}',
    teaching_form     text NOT NULL DEFAULT '',
    price_ore         bigint NOT NULL CHECK (price_ore >= 0),
    vat_rate_bp       integer NOT NULL DEFAULT 2500 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    price_covers      text NOT NULL DEFAULT '',   -- "undervisning, materialer, forplejning samt overnatning"
    invoice_note      text NOT NULL DEFAULT '',   -- "Faktura sendes ud 3-4 uger før kursusstart."
    partner_note      text NOT NULL DEFAULT '',
    inhouse_available boolean NOT NULL DEFAULT true,
    consultant_id     bigint REFERENCES consultants (id) ON DELETE RESTRICT,
    status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    version           integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Old slugs keep working: the public page redirects them (301).
CREATE TABLE course_slug_history (
    slug      text PRIMARY KEY,
    course_id bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE
);

CREATE TABLE course_topics (
    course_id bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    topic_id  bigint NOT NULL REFERENCES topics (id) ON DELETE RESTRICT,
    PRIMARY KEY (course_id, topic_id)
);
CREATE INDEX course_topics_topic_idx ON course_topics (topic_id);

CREATE TABLE programmes (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title             text NOT NULL CHECK (btrim(title) <> ''),
    teaser            text NOT NULL DEFAULT '',
    intro             text NOT NULL DEFAULT '',   -- Markdown: the why
    competences_intro text NOT NULL DEFAULT '',
    competences       text[] NOT NULL DEFAULT '{}',
    background        text NOT NULL DEFAULT '',   -- Markdown
    partner_note      text NOT NULL DEFAULT '',
    contact_note      text NOT NULL DEFAULT '',
    consultant_id     bigint REFERENCES consultants (id) ON DELETE RESTRICT,
    status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    version           integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- A course that belongs to a programme is a module of it.
CREATE TABLE programme_modules (
    programme_id bigint NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    course_id    bigint NOT NULL REFERENCES courses (id) ON DELETE RESTRICT,
    position     integer NOT NULL CHECK (position > 0),
    role         text NOT NULL CHECK (role IN ('base', 'special')),
    audience_note text NOT NULL DEFAULT '',     -- who this module is for
    PRIMARY KEY (programme_id, course_id),
    UNIQUE (programme_id, position) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX programme_modules_course_idx ON programme_modules (course_id);

CREATE TABLE course_dates (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id   bigint NOT NULL REFERENCES courses (id) ON DELETE RESTRICT,
    venue_id    bigint NOT NULL REFERENCES venues (id) ON DELETE RESTRICT,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    deadline    date NOT NULL,               -- the last day before enrolment is binding
    capacity    integer NOT NULL CHECK (capacity > 0),
    -- Confirmed participants. Kept by the booking transaction, which locks
    -- this row; the CHECK makes overbooking impossible even for a bug.
    seats_taken integer NOT NULL DEFAULT 0,
    status      text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK (seats_taken BETWEEN 0 AND capacity)
);
CREATE INDEX course_dates_course_idx ON course_dates (course_id, starts_at);
CREATE INDEX course_dates_starts_idx ON course_dates (starts_at);
CREATE INDEX course_dates_venue_idx ON course_dates (venue_id);

CREATE TABLE agenda_days (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    day_no    integer NOT NULL CHECK (day_no > 0),
    title     text NOT NULL DEFAULT '',
    UNIQUE (course_id, day_no)
);

CREATE TABLE agenda_items (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day_id   bigint NOT NULL REFERENCES agenda_days (id) ON DELETE CASCADE,
    position integer NOT NULL CHECK (position > 0),
    at       time NOT NULL,
    title    text NOT NULL CHECK (btrim(title) <> ''),
    speaker  text NOT NULL DEFAULT '',
    points   text[] NOT NULL DEFAULT '{}',
    UNIQUE (day_id, position)
);

CREATE TABLE bundle_offers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title       text NOT NULL CHECK (btrim(title) <> ''),
    description text NOT NULL DEFAULT '',
    price_ore   bigint NOT NULL CHECK (price_ore >= 0),
    last_day    date NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bundle_offer_courses (
    offer_id  bigint NOT NULL REFERENCES bundle_offers (id) ON DELETE CASCADE,
    course_id bigint NOT NULL REFERENCES courses (id) ON DELETE RESTRICT,
    -- What the offer box on this course's page says about the others, e.g.
    -- "COK udbyder også kurset Politisk formidling og dialog til dig, der …".
    pitch     text NOT NULL DEFAULT '',
    PRIMARY KEY (offer_id, course_id)
);
CREATE INDEX bundle_offer_courses_course_idx ON bundle_offer_courses (course_id);
