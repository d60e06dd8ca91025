-- Personal data: retention, insight and erasure (see internal/privacy).

-- When a booking's people were anonymised (by the retention rule, the
-- booker's erasure or staff's); its billing data stays until the
-- bookkeeping rule deletes the whole booking.
ALTER TABLE bookings ADD COLUMN anonymised_at timestamptz;

-- When an inquiry was closed: it is deleted a year later.
ALTER TABLE inquiries ADD COLUMN handled_at timestamptz;
UPDATE inquiries SET handled_at = created_at WHERE state = 'handled';
CREATE INDEX inquiries_handled_idx ON inquiries (handled_at) WHERE handled_at IS NOT NULL;

-- When a mail's text was deleted (who, when and subject stay).
ALTER TABLE outgoing_mails ADD COLUMN body_deleted_at timestamptz;

-- The working tokens of a mail's links, kept apart from its stored text
-- (which holds placeholders) only until the mail is sent, then deleted:
-- no staff page or job table holds a link that opens anything.
CREATE TABLE mail_link_tokens (
    mail_id  bigint NOT NULL REFERENCES outgoing_mails (id) ON DELETE CASCADE,
    position integer NOT NULL CHECK (position > 0),
    token    text NOT NULL,
    PRIMARY KEY (mail_id, position)
);

-- A new booking's manage token, from the booking's transaction until the
-- job that composes its receipt moves it to the receipt's link tokens.
CREATE TABLE booking_mail_tokens (
    booking_id bigint PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    token      text NOT NULL
);

-- Mails recorded before this change hold their links in clear: those
-- already sent lose the token (their receivers have it in their mail).
UPDATE outgoing_mails SET
    text_body = regexp_replace(text_body, '(/(min-tilmelding|min-plads|tilbud|admin/login/link)/)[A-Za-z0-9_-]{43}', '\1~skjult~', 'g'),
    html_body = regexp_replace(html_body, '(/(min-tilmelding|min-plads|tilbud|admin/login/link)/)[A-Za-z0-9_-]{43}', '\1~skjult~', 'g')
WHERE state <> 'queued';

CREATE INDEX participants_date_needs_idx ON participants (date_id)
    WHERE diet <> '' OR accessibility <> '' OR stay_needs <> '' OR diet_allergens <> '{}';
CREATE INDEX bookings_not_anonymised_idx ON bookings (id) WHERE anonymised_at IS NULL;
CREATE INDEX outgoing_mails_body_idx ON outgoing_mails (created_at) WHERE body_deleted_at IS NULL;
CREATE INDEX inquiries_addr_idx ON inquiries (created_at) WHERE client_addr <> '';
