-- The search's summary rows (migration 000121) in the order a search
-- reads them, and the words of each title as parts of words.
--
-- Order: a search reads the fixed-width columns, the title, the topics
-- and the words of every course it finds, and the per-region arrays only
-- when a region or free seats are chosen. Postgres walks a row's columns
-- in order up to the last one read, so the arrays go last (the README's
-- "Search" has the measurement).
--
-- Title parts: Danish joins words ("Mødeledelse", "ledelsesudvikling"),
-- and the Danish stemmer keeps a compound whole, so "ledelse" does not
-- find "Mødeledelse" by its words. title_parts holds each word of the
-- title forwards and backwards, so that the words of a search, each as
-- the start or (backwards) the end of a title word, are found through an
-- index of their own (store.titleParts builds that query).
CREATE FUNCTION title_parts(title text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple', lower(title)) || to_tsvector('simple', reverse(lower(title)))
$$;

DROP FUNCTION course_search_fold(timestamptz);
DROP FUNCTION course_search_rows(bigint[], timestamptz);
DROP TABLE course_search;

CREATE TABLE course_search (
    course_id    bigint PRIMARY KEY,
    price_ore    bigint NOT NULL,
    next_at      timestamptz,          -- the first upcoming date; the row is out of date once it has started
    month0       integer,              -- copenhagen_month(next_at)
    months       bigint NOT NULL,      -- the months with a date
    regions      integer NOT NULL,     -- bit r-1: a date in region r
    free_regions integer NOT NULL,     -- bit r-1: a date with free seats in region r
    is_module    boolean NOT NULL,     -- a module of a published programme
    title_lower  text NOT NULL,
    title        text COLLATE "C" NOT NULL,
    topic_ids    bigint[] NOT NULL,
    search       tsvector NOT NULL,
    title_parts  tsvector NOT NULL,    -- title_parts(title)
    month_bits   bigint[] NOT NULL,    -- per region: the months with a date
    free_month_bits bigint[] NOT NULL, -- per region: the months with a date with free seats
    nexts        timestamptz[] NOT NULL, -- per region: the first date
    free_nexts   timestamptz[] NOT NULL -- per region: the first date with free seats
) WITH (fillfactor = 90);
CREATE INDEX course_search_search_idx ON course_search USING gin (search);
CREATE INDEX course_search_title_trgm_idx ON course_search USING gin (title_lower gin_trgm_ops);
CREATE INDEX course_search_title_parts_idx ON course_search USING gin (title_parts);
CREATE INDEX course_search_next_idx ON course_search (next_at);

CREATE FUNCTION course_search_rows(ids bigint[], cutoff timestamptz) RETURNS SETOF course_search
LANGUAGE plpgsql STABLE ROWS 10 AS $$
BEGIN
    RETURN QUERY
    SELECT c.id, c.price_ore, d.nexts[6], copenhagen_month(d.nexts[6]), d.month_bits[6],
           coalesce(d.regions, 0), coalesce(d.free_regions, 0),
           EXISTS (SELECT 1 FROM programme_modules pm JOIN programmes p ON p.id = pm.programme_id
                   WHERE pm.course_id = c.id AND p.status = 'published'),
           lower(c.title), c.title::text COLLATE "C",
           ARRAY(SELECT ct.topic_id FROM course_topics ct WHERE ct.course_id = c.id ORDER BY ct.topic_id),
           c.search, title_parts(c.title),
           d.month_bits, d.free_month_bits, d.nexts, d.free_nexts
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
        free_nexts = EXCLUDED.free_nexts, title_lower = EXCLUDED.title_lower, search = EXCLUDED.search,
        title_parts = EXCLUDED.title_parts;
    -- After many rows (a catalogue loaded, a venue's region changed), the
    -- planner needs their statistics before the next search is planned.
    IF cardinality(ids) > 1000 THEN
        ANALYZE course_search;
    END IF;
    RETURN cardinality(ids);
END
$$;

-- The rows again, for the moment the old ones were made for.
INSERT INTO course_search SELECT * FROM course_search_rows(ARRAY(SELECT id FROM courses), (SELECT made_for FROM course_search_state));
ANALYZE course_search;
