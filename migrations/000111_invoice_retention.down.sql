CREATE OR REPLACE FUNCTION invoice_documents_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION invoice_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
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

DROP FUNCTION invoice_kept_from_year();
