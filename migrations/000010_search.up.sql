-- Full-text search in Danish, weighted title (A) > teaser (B) > body (C), and
-- trigram indexes for typo tolerance ("politsk" still finds "Politisk …").

-- Declared IMMUTABLE so it can feed a generated column: it only calls
-- to_tsvector with a fixed configuration and array_to_string on text[].
CREATE FUNCTION course_search_document(title text, teaser text, body text, bullets text[])
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('pg_catalog.danish', coalesce(title, '')), 'A')
        || setweight(to_tsvector('pg_catalog.danish', coalesce(teaser, '')), 'B')
        || setweight(to_tsvector('pg_catalog.danish', coalesce(body, '') || ' ' || coalesce(array_to_string(bullets, ' '), '')), 'C')
$$;

ALTER TABLE courses ADD COLUMN search tsvector GENERATED ALWAYS AS (
    course_search_document(title, teaser, audience || ' ' || description || ' ' || content_intro || ' ' || teaching_form, content_bullets)
) STORED;
CREATE INDEX courses_search_idx ON courses USING gin (search);
CREATE INDEX courses_title_trgm_idx ON courses USING gin (lower(title) gin_trgm_ops);
CREATE INDEX courses_published_idx ON courses (title) WHERE status = 'published';

ALTER TABLE programmes ADD COLUMN search tsvector GENERATED ALWAYS AS (
    course_search_document(title, teaser, intro || ' ' || background, competences)
) STORED;
CREATE INDEX programmes_search_idx ON programmes USING gin (search);
CREATE INDEX programmes_title_trgm_idx ON programmes USING gin (lower(title) gin_trgm_ops);

-- Dates are filtered by start and status on every catalogue page.
CREATE INDEX course_dates_upcoming_idx ON course_dates (course_id, starts_at) WHERE status = 'planned';
