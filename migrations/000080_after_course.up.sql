-- After the booking: practical information before the start, residential
-- details per participant, attendance per course day, the course diploma
-- and the evaluation.

-- A course is residential ("internat") when its price covers an overnight
-- stay: its enrolment form then asks each participant about the stay.
-- reminder_days is how many days before the start the practical
-- information is mailed; bring_note is what to bring; diploma_minutes the
-- hours the diploma states (0: it states the days instead).
ALTER TABLE courses
    ADD COLUMN residential     boolean NOT NULL DEFAULT false,
    ADD COLUMN reminder_days   integer NOT NULL DEFAULT 7 CHECK (reminder_days BETWEEN 0 AND 60),
    ADD COLUMN bring_note      text NOT NULL DEFAULT '' CHECK (length(bring_note) <= 1000),
    ADD COLUMN diploma_minutes integer NOT NULL DEFAULT 0 CHECK (diploma_minutes BETWEEN 0 AND 60000);
-- Courses whose price already says it covers the overnight stay.
UPDATE courses SET residential = true WHERE price_covers ILIKE '%overnatning%';

-- How to get there: parking, public transport, where to report.
ALTER TABLE venues
    ADD COLUMN arrival_note text NOT NULL DEFAULT '' CHECK (length(arrival_note) <= 1000);

-- Residential details. These are health data (diet and allergens) or
-- personal needs, kept only for the stay: the retention rules delete
-- diet, diet_allergens, accessibility and stay_needs after the course.
-- stay_overnight is NULL on dates of courses without a stay.
ALTER TABLE participants
    ADD COLUMN stay_overnight     boolean,
    ADD COLUMN stay_early_arrival boolean NOT NULL DEFAULT false,
    ADD COLUMN diet_allergens     text[] NOT NULL DEFAULT '{}' CHECK (diet_allergens <@ ARRAY[
        'gluten', 'crustaceans', 'eggs', 'fish', 'peanuts', 'soybeans', 'milk',
        'nuts', 'celery', 'mustard', 'sesame', 'sulphites', 'lupin', 'molluscs']::text[]),
    ADD COLUMN stay_needs         text NOT NULL DEFAULT '' CHECK (length(stay_needs) <= 500),
    -- when the practical information and the after-course mail (diploma
    -- and evaluation) went to this participant; NULL: not yet
    ADD COLUMN reminded_at        timestamptz,
    ADD COLUMN after_mailed_at    timestamptz,
    -- the participant has answered the evaluation (the answer itself is
    -- stored apart, without them)
    ADD COLUMN evaluated          boolean NOT NULL DEFAULT false;

-- Personal links: a participant's own page (/min-plads/{token}), apart
-- from the booker's manage link. A link opens the seats of one person
-- (by e-mail) in one booking, so a seat handed to a substitute leaves the
-- old person's links. Only the SHA-256 of the token is stored; every mail
-- with a link makes a new one.
CREATE TABLE participant_links (
    token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    booking_id bigint NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    email      text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX participant_links_booking_idx ON participant_links (booking_id);

-- Attendance: present or absent per participant and course day
-- (a Copenhagen calendar day of the date).
CREATE TABLE attendance (
    participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    day            date NOT NULL,
    present        boolean NOT NULL,
    marked_at      timestamptz NOT NULL,
    marked_by      bigint REFERENCES staff_users (id) ON DELETE SET NULL,
    PRIMARY KEY (participant_id, day)
);

-- Evaluation answers: anonymous. They name the date, never the
-- participant, and carry no time: participants.evaluated is all that says
-- who answered.
CREATE TABLE evaluations (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    date_id   bigint NOT NULL REFERENCES course_dates (id) ON DELETE CASCADE,
    overall   smallint NOT NULL CHECK (overall BETWEEN 1 AND 5),
    relevance smallint NOT NULL CHECK (relevance BETWEEN 1 AND 5),
    teaching  smallint NOT NULL CHECK (teaching BETWEEN 1 AND 5),
    improve   text NOT NULL DEFAULT '' CHECK (length(improve) <= 2000)
);
CREATE INDEX evaluations_date_idx ON evaluations (date_id);

-- Files attached to a recorded mail (the diploma's PDF), kept apart so
-- that the mails without one (nearly all) stay as they are.
CREATE TABLE mail_attachments (
    mail_id      bigint NOT NULL REFERENCES outgoing_mails (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    name         text NOT NULL CHECK (name <> ''),
    content_type text NOT NULL,
    data         bytea NOT NULL,
    PRIMARY KEY (mail_id, position)
);
