ALTER TABLE course_dates DROP COLUMN min_participants;
