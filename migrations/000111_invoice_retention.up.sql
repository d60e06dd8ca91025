-- The invoices' triggers read "now" as the retention run's as-of time
-- when one is set (katalog.as_of, local to its transaction), so the
-- bookkeeping law's five years count on the same clock as every other
-- retention rule; without it, the database's own clock.
CREATE OR REPLACE FUNCTION invoice_kept_from_year() RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT extract(year FROM (coalesce(nullif(current_setting('katalog.as_of', true), '')::timestamptz, now())
        AT TIME ZONE 'Europe/Copenhagen'))::int - 5
$$;

CREATE OR REPLACE FUNCTION invoice_documents_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.year >= invoice_kept_from_year() THEN
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

CREATE OR REPLACE FUNCTION invoice_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF (SELECT year FROM invoice_documents WHERE id = OLD.document_id) >= invoice_kept_from_year() THEN
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
