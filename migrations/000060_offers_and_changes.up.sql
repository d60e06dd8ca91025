-- After the booking: a freed seat offered to the waiting list (tilbud om
-- plads) instead of given away, the record of every change to what a
-- booking costs, and the sequence of each participant's calendar event.

ALTER TABLE participants
    -- Cancelled but still to be paid: the seat had become binding, and
    -- nobody from the waiting list has taken it (yet).
    ADD COLUMN charged boolean NOT NULL DEFAULT false,
    -- The person's number within the booking as typed (1, 2, …): a bundle
    -- price is a person's, and a substitute on one of their seats changes
    -- its name and e-mail. NULL for rows made without it (by e-mail then).
    ADD COLUMN person_no integer CHECK (person_no > 0),
    ADD CONSTRAINT participants_charged_cancelled CHECK (NOT charged OR status = 'cancelled');

-- A seat offered to someone waiting. While an offer is open its seat is
-- counted in the date's seats_taken, held for them; when it is declined,
-- expires or is withdrawn a River job (offer_pass_on) gives the seat to
-- the next in line, or back to the date.
CREATE TABLE seat_offers (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    date_id        bigint NOT NULL REFERENCES course_dates (id) ON DELETE CASCADE,
    token_hash     bytea NOT NULL UNIQUE,                -- sha256 of the token in the mail's links
    state          text NOT NULL DEFAULT 'offered'
                   CHECK (state IN ('offered', 'accepted', 'declined', 'expired', 'withdrawn')),
    cause          text NOT NULL CHECK (cause IN ('cancelled', 'capacity', 'moved', 'passed_on')),
    -- The cancelled seat that freed this one, through offers passed on:
    -- when the offer is accepted, that seat costs nothing any more.
    freed_id       bigint REFERENCES participants (id) ON DELETE SET NULL,
    offered_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL CHECK (expires_at > offered_at),
    closed_at      timestamptz,                          -- answered, expired or withdrawn
    by_staff       boolean NOT NULL DEFAULT false,       -- staff answered for the participant
    passed_on_at   timestamptz,                          -- its seat went on to the next, or back
    CHECK ((state = 'offered') = (closed_at IS NULL))
);
CREATE UNIQUE INDEX seat_offers_one_open ON seat_offers (participant_id) WHERE state = 'offered';
CREATE INDEX seat_offers_date_idx ON seat_offers (date_id, id);
CREATE INDEX seat_offers_freed_idx ON seat_offers (freed_id) WHERE freed_id IS NOT NULL;

-- Every change to what a booking costs, never altered: the amounts owed
-- (seats held and cancelled seats still charged, in øre) before and after,
-- and what happened to each seat. Invoices and credit notes build on it.
CREATE TABLE booking_changes (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id    bigint NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('cancelled', 'seat_taken', 'refilled', 'date_cancelled', 'moved')),
    made_by       text NOT NULL CHECK (made_by IN ('booker', 'participant', 'staff', 'system')),
    staff_user_id bigint REFERENCES staff_users (id) ON DELETE SET NULL,
    old_excl_ore  bigint NOT NULL CHECK (old_excl_ore >= 0),
    old_vat_ore   bigint NOT NULL CHECK (old_vat_ore >= 0),
    old_incl_ore  bigint NOT NULL CHECK (old_incl_ore = old_excl_ore + old_vat_ore),
    new_excl_ore  bigint NOT NULL CHECK (new_excl_ore >= 0),
    new_vat_ore   bigint NOT NULL CHECK (new_vat_ore >= 0),
    new_incl_ore  bigint NOT NULL CHECK (new_incl_ore = new_excl_ore + new_vat_ore),
    created_at    timestamptz NOT NULL
);
CREATE INDEX booking_changes_booking_idx ON booking_changes (booking_id, id);

CREATE TABLE booking_change_lines (
    change_id      bigint NOT NULL REFERENCES booking_changes (id) ON DELETE CASCADE,
    participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    what           text NOT NULL
                   CHECK (what IN ('cancelled', 'charged', 'left_waitlist', 'repriced', 'seated', 'refilled', 'moved')),
    old_price_ore  bigint NOT NULL CHECK (old_price_ore >= 0),
    old_vat_ore    bigint NOT NULL CHECK (old_vat_ore >= 0),
    new_price_ore  bigint NOT NULL CHECK (new_price_ore >= 0),
    new_vat_ore    bigint NOT NULL CHECK (new_vat_ore >= 0),
    PRIMARY KEY (change_id, participant_id)
);
CREATE INDEX booking_change_lines_participant_idx ON booking_change_lines (participant_id);

-- The SEQUENCE of each participant's calendar event for a date, raised
-- every time a mail carries the event anew (RFC 5546): the person is the
-- sha256 of their e-mail in lower case, as the event's UID is made.
CREATE TABLE calendar_sequences (
    date_id    bigint NOT NULL REFERENCES course_dates (id) ON DELETE CASCADE,
    person_key bytea NOT NULL,
    sequence   integer NOT NULL CHECK (sequence >= 0),
    PRIMARY KEY (date_id, person_key)
);
