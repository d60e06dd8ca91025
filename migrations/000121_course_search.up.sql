-- The catalogue's search reads one summary row per published course
-- (course_search) instead of the course's dates: what the words, filters,
-- counts and order need, with the course's upcoming dates summed up per
-- region, as month bits and first starts. See store.Search and the
-- README's "Search".
--
-- Keeping the rows: triggers only note which courses changed
-- (course_search_changed), and store.FoldSearch rebuilds those rows in
-- one transaction. Until then a search computes a noted course's row
-- from the tables with course_search_rows, so it is never behind. A booking that fills a date's last seat, or frees one, notes its
-- course and locks no summary row: it cannot wait for, or deadlock with,
-- another booking over one.

-- A month as a number (the months since year 0), in Copenhagen.
CREATE FUNCTION copenhagen_month(t timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (date_part('year', t AT TIME ZONE 'Europe/Copenhagen') * 12
          + date_part('month', t AT TIME ZONE 'Europe/Copenhagen') - 1)::integer
$$;

-- A region as its place (1-5) in catalog.Regions, the order of the filter.
CREATE FUNCTION region_no(region text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_position(ARRAY['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'], region)
$$;

-- Fixed-width columns first: a search reads them for every course found,
-- and the arrays only when a region or free seats are chosen. The arrays
-- have six places: the regions 1-5 (region_no), and 6 for any region. A
-- month bit k stands for the month k months after month0, the month of
-- the first date (bit 63: any later month).
CREATE TABLE course_search (
    course_id    bigint PRIMARY KEY,
    price_ore    bigint NOT NULL,
    next_at      timestamptz,          -- the first upcoming date; the row is out of date once it has started
    month0       integer,              -- copenhagen_month(next_at)
    months       bigint NOT NULL,      -- the months with a date
    regions      integer NOT NULL,     -- bit r-1: a date in region r
    free_regions integer NOT NULL,     -- bit r-1: a date with free seats in region r
    is_module    boolean NOT NULL,     -- a module of a published programme
    title        text COLLATE "C" NOT NULL,
    topic_ids    bigint[] NOT NULL,
    month_bits   bigint[] NOT NULL,    -- per region: the months with a date
    free_month_bits bigint[] NOT NULL, -- per region: the months with a date with free seats
    nexts        timestamptz[] NOT NULL, -- per region: the first date
    free_nexts   timestamptz[] NOT NULL, -- per region: the first date with free seats
    title_lower  text NOT NULL,
    search       tsvector NOT NULL
) WITH (fillfactor = 90);
CREATE INDEX course_search_search_idx ON course_search USING gin (search);
CREATE INDEX course_search_title_trgm_idx ON course_search USING gin (title_lower gin_trgm_ops);
CREATE INDEX course_search_next_idx ON course_search (next_at);

-- Courses whose row is to be rebuilt; a course may be noted many times.
CREATE TABLE course_search_changed (course_id bigint NOT NULL);

-- The latest cutoff any row was made with: a search for an earlier moment
-- computes every row from the tables.
CREATE TABLE course_search_state (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    made_for timestamptz NOT NULL
);

-- The summary rows of the published courses among ids, for a moment:
-- their dates that start after cutoff. None for a draft or a course that
-- is gone. PL/pgSQL, so that the planner calls it once, however many
-- courses it thinks ids holds.
CREATE FUNCTION course_search_rows(ids bigint[], cutoff timestamptz) RETURNS SETOF course_search
LANGUAGE plpgsql STABLE ROWS 10 AS $$
BEGIN
    RETURN QUERY
    SELECT c.id, c.price_ore, d.nexts[6], copenhagen_month(d.nexts[6]), d.month_bits[6],
           coalesce(d.regions, 0), coalesce(d.free_regions, 0),
           EXISTS (SELECT 1 FROM programme_modules pm JOIN programmes p ON p.id = pm.programme_id
                   WHERE pm.course_id = c.id AND p.status = 'published'),
           c.title::text COLLATE "C",
           ARRAY(SELECT ct.topic_id FROM course_topics ct WHERE ct.course_id = c.id ORDER BY ct.topic_id),
           d.month_bits, d.free_month_bits, d.nexts, d.free_nexts, lower(c.title), c.search
    FROM courses c
    CROSS JOIN LATERAL (
        SELECT bit_or(1 << (x.r - 1)) AS regions,
               bit_or(1 << (x.r - 1)) FILTER (WHERE x.free) AS free_regions,
               ARRAY[coalesce(bit_or(x.bit) FILTER (WHERE x.r = 1), 0), coalesce(bit_or(x.bit) FILTER (WHERE x.r = 2), 0),
                     coalesce(bit_or(x.bit) FILTER (WHERE x.r = 3), 0), coalesce(bit_or(x.bit) FILTER (WHERE x.r = 4), 0),
                     coalesce(bit_or(x.bit) FILTER (WHERE x.r = 5), 0), coalesce(bit_or(x.bit), 0)] AS month_bits,
               ARRAY[coalesce(bit_or(x.bit) FILTER (WHERE x.r = 1 AND x.free), 0), coalesce(bit_or(x.bit) FILTER (WHERE x.r = 2 AND x.free), 0),
                     coalesce(bit_or(x.bit) FILTER (WHERE x.r = 3 AND x.free), 0), coalesce(bit_or(x.bit) FILTER (WHERE x.r = 4 AND x.free), 0),
                     coalesce(bit_or(x.bit) FILTER (WHERE x.r = 5 AND x.free), 0), coalesce(bit_or(x.bit) FILTER (WHERE x.free), 0)] AS free_month_bits,
               ARRAY[min(x.starts_at) FILTER (WHERE x.r = 1), min(x.starts_at) FILTER (WHERE x.r = 2),
                     min(x.starts_at) FILTER (WHERE x.r = 3), min(x.starts_at) FILTER (WHERE x.r = 4),
                     min(x.starts_at) FILTER (WHERE x.r = 5), min(x.starts_at)] AS nexts,
               ARRAY[min(x.starts_at) FILTER (WHERE x.r = 1 AND x.free), min(x.starts_at) FILTER (WHERE x.r = 2 AND x.free),
                     min(x.starts_at) FILTER (WHERE x.r = 3 AND x.free), min(x.starts_at) FILTER (WHERE x.r = 4 AND x.free),
                     min(x.starts_at) FILTER (WHERE x.r = 5 AND x.free), min(x.starts_at) FILTER (WHERE x.free)] AS free_nexts
        FROM (
            SELECT d.starts_at, region_no(v.region) AS r, d.seats_taken < d.capacity AS free,
                   1::bigint << least(copenhagen_month(d.starts_at) - min(copenhagen_month(d.starts_at)) OVER (), 63) AS bit
            FROM course_dates d JOIN venues v ON v.id = d.venue_id
            WHERE d.course_id = c.id AND d.status = 'planned' AND d.starts_at > cutoff) x
    ) d
    WHERE c.id = ANY (ids) AND c.status = 'published';
END
$$;

-- Rebuilds the rows of the noted courses, and of those whose first date
-- has started, for the dates after cutoff; one fold at a time, so that a
-- fold never writes a row older than the one before it wrote. Returns the
-- number of courses rebuilt.
CREATE FUNCTION course_search_fold(cutoff timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('course_search_fold'));
    WITH noted AS (DELETE FROM course_search_changed RETURNING course_id)
    SELECT array_agg(id ORDER BY id) INTO ids FROM (
        SELECT course_id AS id FROM noted
        UNION
        SELECT course_id FROM course_search WHERE next_at <= cutoff) x;
    UPDATE course_search_state SET made_for = greatest(made_for, cutoff);
    IF ids IS NULL THEN
        RETURN 0;
    END IF;
    DELETE FROM course_search WHERE course_id = ANY (ids)
        AND course_id NOT IN (SELECT id FROM courses WHERE id = ANY (ids) AND status = 'published');
    INSERT INTO course_search SELECT * FROM course_search_rows(ids, cutoff)
    ON CONFLICT (course_id) DO UPDATE SET
        price_ore = EXCLUDED.price_ore, next_at = EXCLUDED.next_at, month0 = EXCLUDED.month0,
        months = EXCLUDED.months, regions = EXCLUDED.regions, free_regions = EXCLUDED.free_regions,
        is_module = EXCLUDED.is_module, title = EXCLUDED.title, topic_ids = EXCLUDED.topic_ids,
        month_bits = EXCLUDED.month_bits, free_month_bits = EXCLUDED.free_month_bits, nexts = EXCLUDED.nexts,
        free_nexts = EXCLUDED.free_nexts, title_lower = EXCLUDED.title_lower, search = EXCLUDED.search;
    -- After many rows (a catalogue loaded, a venue's region changed), the
    -- planner needs their statistics before the next search is planned.
    IF cardinality(ids) > 1000 THEN
        ANALYZE course_search;
    END IF;
    RETURN cardinality(ids);
END
$$;

-- Noting changed courses. Inserts and deletes are noted per statement
-- from their transition tables (the demo catalogue inserts thousands of
-- rows in one); updates per row, and only of what a summary row holds.
CREATE FUNCTION course_search_note_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO course_search_changed SELECT DISTINCT course_id FROM changed_rows;
    RETURN NULL;
END
$$;

CREATE FUNCTION course_search_note_courses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO course_search_changed SELECT id FROM changed_rows;
    RETURN NULL;
END
$$;

-- For a row: its course (TG_ARGV[0] names the column), before and after.
CREATE FUNCTION course_search_note_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before bigint := (to_jsonb(OLD) ->> TG_ARGV[0])::bigint;
    after bigint := (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
BEGIN
    INSERT INTO course_search_changed VALUES (after);
    IF before IS DISTINCT FROM after THEN
        INSERT INTO course_search_changed VALUES (before);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION course_search_note_venue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO course_search_changed SELECT DISTINCT course_id FROM course_dates WHERE venue_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE FUNCTION course_search_note_programme() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO course_search_changed SELECT course_id FROM programme_modules WHERE programme_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER course_search_insert AFTER INSERT ON courses
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION course_search_note_courses();
CREATE TRIGGER course_search_delete AFTER DELETE ON courses
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION course_search_note_courses();
CREATE TRIGGER course_search_update AFTER UPDATE OF status, title, search, price_ore ON courses
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.title IS DISTINCT FROM NEW.title
        OR OLD.search IS DISTINCT FROM NEW.search OR OLD.price_ore IS DISTINCT FROM NEW.price_ore)
    EXECUTE FUNCTION course_search_note_row('id');

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['course_dates', 'course_topics', 'programme_modules']
    LOOP
        EXECUTE format('CREATE TRIGGER course_search_insert AFTER INSERT ON %I
                        REFERENCING NEW TABLE AS changed_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION course_search_note_rows()', t);
        EXECUTE format('CREATE TRIGGER course_search_delete AFTER DELETE ON %I
                        REFERENCING OLD TABLE AS changed_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION course_search_note_rows()', t);
    END LOOP;
END
$$;

CREATE TRIGGER course_search_update AFTER UPDATE ON course_topics
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION course_search_note_row('course_id');
CREATE TRIGGER course_search_update AFTER UPDATE OF course_id ON programme_modules
    FOR EACH ROW WHEN (OLD.course_id IS DISTINCT FROM NEW.course_id) EXECUTE FUNCTION course_search_note_row('course_id');

-- Every booking updates its dates' seats_taken; only a date that fills up
-- or gets a free seat again changes a summary row, so only that fires.
CREATE TRIGGER course_search_update AFTER UPDATE OF course_id, venue_id, starts_at, status, seats_taken, capacity
    ON course_dates
    FOR EACH ROW WHEN (OLD.course_id IS DISTINCT FROM NEW.course_id OR OLD.venue_id IS DISTINCT FROM NEW.venue_id
        OR OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.status IS DISTINCT FROM NEW.status
        OR (OLD.seats_taken < OLD.capacity) IS DISTINCT FROM (NEW.seats_taken < NEW.capacity))
    EXECUTE FUNCTION course_search_note_row('course_id');

CREATE TRIGGER course_search_update AFTER UPDATE OF region ON venues
    FOR EACH ROW WHEN (OLD.region IS DISTINCT FROM NEW.region) EXECUTE FUNCTION course_search_note_venue();
CREATE TRIGGER course_search_update AFTER UPDATE OF status ON programmes
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION course_search_note_programme();

-- The rows as of now; without courses, good for any moment.
INSERT INTO course_search_state (made_for)
    SELECT CASE WHEN EXISTS (SELECT FROM courses) THEN now() ELSE '-infinity' END;
INSERT INTO course_search SELECT * FROM course_search_rows(ARRAY(SELECT id FROM courses), now());
ANALYZE course_search;
