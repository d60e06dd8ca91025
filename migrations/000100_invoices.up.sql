-- Invoices and credit notes (fakturaer og kreditnotaer). A document is
-- issued once and never altered: its party data, lines, totals and bytes
-- (OIOUBL XML for an EAN, and a PDF for everyone) are stored with it, so
-- it stays whole for the five years the bookkeeping law keeps it, also
-- when the booking it came from is anonymised or deleted. Only its
-- delivery (sent_at, send_error) and the credit notes against it follow.

-- One row per year: the last number issued. The issuing transaction
-- takes the next number by updating the row, which holds its lock until
-- commit, so numbers run without gaps (a sequence would skip the numbers
-- of transactions that roll back) and are never reused.
CREATE TABLE invoice_counters (
    year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
    last integer NOT NULL CHECK (last > 0)
);

CREATE TABLE invoice_documents (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind              text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    year              integer NOT NULL,
    seq               integer NOT NULL CHECK (seq > 0),
    number            text NOT NULL UNIQUE,                 -- "2027-00042"
    uuid              uuid NOT NULL UNIQUE,                 -- the document's UBL UUID
    -- The booking it bills; NULL once the booking is deleted. booking_ref
    -- keeps the booking's number on the document for good.
    booking_id        bigint REFERENCES bookings (id) ON DELETE SET NULL,
    booking_ref       text NOT NULL,
    credits_id        bigint REFERENCES invoice_documents (id) ON DELETE RESTRICT,
    reason            text NOT NULL DEFAULT '',             -- why a credit note was issued
    made_by           text NOT NULL CHECK (made_by IN ('system', 'staff')),
    staff_user_id     bigint REFERENCES staff_users (id) ON DELETE SET NULL,
    issued_at         timestamptz NOT NULL,
    due_date          date,                                 -- payment due; NULL on a credit note
    -- The buyer as billed.
    org_name          text NOT NULL,
    department        text NOT NULL DEFAULT '',
    ean               text NOT NULL DEFAULT '',
    cvr               text NOT NULL DEFAULT '',
    address           text NOT NULL DEFAULT '',
    reference         text NOT NULL DEFAULT '',
    contact_name      text NOT NULL DEFAULT '',
    contact_email     text NOT NULL DEFAULT '',
    excl_ore          bigint NOT NULL CHECK (excl_ore >= 0),
    vat_ore           bigint NOT NULL CHECK (vat_ore >= 0),
    incl_ore          bigint NOT NULL CHECK (incl_ore = excl_ore + vat_ore),
    xml               bytea,                                -- OIOUBL 2.1, for an EAN
    pdf               bytea NOT NULL,
    -- Delivery: to the access point (an EAN) or by mail (a CVR).
    channel           text NOT NULL CHECK (channel IN ('access_point', 'mail')),
    sent_at           timestamptz,
    send_error        text NOT NULL DEFAULT '',
    UNIQUE (year, seq),
    CHECK ((kind = 'credit_note') = (credits_id IS NOT NULL)),
    CHECK ((channel = 'access_point') = (xml IS NOT NULL))
);
CREATE INDEX invoice_documents_booking_idx ON invoice_documents (booking_id, id);
CREATE INDEX invoice_documents_credits_idx ON invoice_documents (credits_id) WHERE credits_id IS NOT NULL;
CREATE INDEX invoice_documents_issued_idx ON invoice_documents (issued_at DESC);

-- One line per participant and date. A credit note's line credits one
-- line of the invoice it names, whole.
CREATE TABLE invoice_lines (
    document_id     bigint NOT NULL REFERENCES invoice_documents (id) ON DELETE RESTRICT,
    line_no         integer NOT NULL CHECK (line_no > 0),
    participant_id  bigint REFERENCES participants (id) ON DELETE SET NULL,
    credits_line    integer,                                -- the credited invoice line's line_no
    participant     text NOT NULL,
    course_title    text NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    list_ore        bigint NOT NULL CHECK (list_ore >= 0),
    price_ore       bigint NOT NULL CHECK (price_ore >= 0 AND price_ore <= list_ore),
    vat_rate_bp     integer NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    vat_ore         bigint NOT NULL CHECK (vat_ore >= 0),
    PRIMARY KEY (document_id, line_no)
);
CREATE INDEX invoice_lines_participant_idx ON invoice_lines (participant_id) WHERE participant_id IS NOT NULL;

-- An issued document never changes, and stays for five years after the
-- end of its financial year (bogføringsloven): the database refuses an
-- update of anything but its delivery and the booking link (set NULL when
-- the booking is deleted), and the deletion of a document or line younger
-- than that. The retention rules delete the rest.
CREATE FUNCTION invoice_documents_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.year > extract(year FROM now())::int - 6 THEN
            RAISE EXCEPTION 'invoice document % is kept until the end of %', OLD.number, OLD.year + 5
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF (to_jsonb(NEW) - '{sent_at,send_error,booking_id}'::text[]) IS DISTINCT FROM
       (to_jsonb(OLD) - '{sent_at,send_error,booking_id}'::text[]) THEN
        RAISE EXCEPTION 'invoice document % was issued and cannot change', OLD.number
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoice_documents_frozen BEFORE UPDATE OR DELETE ON invoice_documents
    FOR EACH ROW EXECUTE FUNCTION invoice_documents_frozen();

CREATE FUNCTION invoice_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF (SELECT year FROM invoice_documents WHERE id = OLD.document_id) > extract(year FROM now())::int - 6 THEN
            RAISE EXCEPTION 'invoice lines are kept with their document'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF (to_jsonb(NEW) - 'participant_id') IS DISTINCT FROM (to_jsonb(OLD) - 'participant_id') THEN
        RAISE EXCEPTION 'an issued invoice line cannot change'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoice_lines_frozen BEFORE UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION invoice_lines_frozen();

-- A mail that delivers a document (a PDF invoice to a CVR customer)
-- attaches it when sent; the document is sent when the mail is.
ALTER TABLE outgoing_mails ADD COLUMN document_id bigint REFERENCES invoice_documents (id) ON DELETE SET NULL;
CREATE INDEX outgoing_mails_document_idx ON outgoing_mails (document_id) WHERE document_id IS NOT NULL;

-- The worklist's hand-typed invoice number is replaced by the documents.
ALTER TABLE bookings DROP COLUMN invoiced_at, DROP COLUMN invoice_number;
