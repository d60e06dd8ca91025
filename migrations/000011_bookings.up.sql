-- Bookings (tilmeldinger): one order by a booker, with invoice data, and one
-- participant row per person and date. Prices are stored on each row as they
-- were when the booking was made.

CREATE SEQUENCE booking_ref_seq;

CREATE TABLE bookings (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ref               text NOT NULL UNIQUE,              -- "COK-2027-00042"
    -- sha256 of the one-time token in the form: a resubmitted form finds
    -- its booking instead of booking twice; the browser keeps the token in
    -- a cookie to open the receipt.
    form_token_hash   bytea NOT NULL UNIQUE,
    manage_token_hash bytea NOT NULL UNIQUE,             -- sha256 of the manage link's token
    booker_name       text NOT NULL CHECK (length(booker_name) BETWEEN 1 AND 200),
    booker_email      text NOT NULL CHECK (length(booker_email) BETWEEN 3 AND 254),
    booker_phone      text NOT NULL CHECK (length(booker_phone) BETWEEN 1 AND 30),
    org_name          text NOT NULL CHECK (length(org_name) BETWEEN 1 AND 200),
    department        text NOT NULL DEFAULT '' CHECK (length(department) <= 200),
    ean               text NOT NULL DEFAULT '' CHECK (ean = '' OR ean ~ '^[0-9]{13}$'),
    cvr               text NOT NULL DEFAULT '' CHECK (cvr = '' OR cvr ~ '^[1-9][0-9]{7}$'),
    invoice_address   text NOT NULL DEFAULT '' CHECK (length(invoice_address) <= 500),
    invoice_reference text NOT NULL DEFAULT '' CHECK (length(invoice_reference) <= 100),
    comment           text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
    list_ore          bigint NOT NULL CHECK (list_ore >= 0),
    excl_ore          bigint NOT NULL CHECK (excl_ore >= 0),
    vat_ore           bigint NOT NULL CHECK (vat_ore >= 0),
    incl_ore          bigint NOT NULL CHECK (incl_ore = excl_ore + vat_ore),
    invoiced_at       timestamptz,
    invoice_number    text NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL DEFAULT now(),
    -- public customers invoice by EAN, others by CVR and an address
    CHECK (ean <> '' OR (cvr <> '' AND invoice_address <> ''))
);
CREATE INDEX bookings_created_idx ON bookings (created_at);

CREATE TABLE participants (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id      bigint NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    date_id         bigint NOT NULL REFERENCES course_dates (id) ON DELETE RESTRICT,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    job_title       text NOT NULL DEFAULT '' CHECK (length(job_title) <= 200),
    diet            text NOT NULL DEFAULT '' CHECK (length(diet) <= 500),
    accessibility   text NOT NULL DEFAULT '' CHECK (length(accessibility) <= 500),
    status          text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    -- Order on the waiting list: taken from a sequence while the date's row
    -- is locked, so it follows commit order.
    waitlist_seq    bigint,
    binding         boolean NOT NULL DEFAULT false,      -- booked after the deadline
    list_ore        bigint NOT NULL CHECK (list_ore >= 0),
    price_ore       bigint NOT NULL CHECK (price_ore >= 0),
    vat_rate_bp     integer NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    vat_ore         bigint NOT NULL CHECK (vat_ore >= 0),
    offer_id        bigint REFERENCES bundle_offers (id) ON DELETE SET NULL,
    substitute_for  text NOT NULL DEFAULT '',            -- the name the seat was first booked for
    cancel_reason   text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    confirmed_at    timestamptz,
    cancelled_at    timestamptz,
    CHECK ((status = 'waitlisted') = (waitlist_seq IS NOT NULL)),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE SEQUENCE waitlist_seq;
CREATE INDEX participants_booking_idx ON participants (booking_id);
CREATE INDEX participants_date_idx ON participants (date_id, status);
CREATE INDEX participants_waitlist_idx ON participants (date_id, waitlist_seq) WHERE status = 'waitlisted';
-- The same person cannot hold two places on one date.
CREATE UNIQUE INDEX participants_one_per_date ON participants (date_id, lower(email)) WHERE status <> 'cancelled';

-- Every mail the site sends, recorded before it is tried: the River job
-- that sends it is inserted in the same transaction.
CREATE TABLE outgoing_mails (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  bigint REFERENCES bookings (id) ON DELETE SET NULL,
    kind        text NOT NULL,                           -- confirmation, waitlist, promoted, cancelled, substitute, …
    to_addr     text NOT NULL,
    to_name     text NOT NULL DEFAULT '',
    reply_to    text NOT NULL DEFAULT '',
    subject     text NOT NULL,
    text_body   text NOT NULL,
    html_body   text NOT NULL,
    ics         text NOT NULL DEFAULT '',                -- calendar attachment, '' when none
    state       text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'recorded', 'failed')),
    attempts    integer NOT NULL DEFAULT 0,
    last_error  text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);
CREATE INDEX outgoing_mails_created_idx ON outgoing_mails (created_at DESC);
CREATE INDEX outgoing_mails_booking_idx ON outgoing_mails (booking_id);
