DROP INDEX IF EXISTS course_dates_upcoming_idx;
ALTER TABLE programmes DROP COLUMN IF EXISTS search;
DROP INDEX IF EXISTS courses_published_idx;
DROP INDEX IF EXISTS courses_title_trgm_idx;
DROP INDEX IF EXISTS programmes_title_trgm_idx;
ALTER TABLE courses DROP COLUMN IF EXISTS search;
DROP FUNCTION IF EXISTS course_search_document(text, text, text, text[]);
