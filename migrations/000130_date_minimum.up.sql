-- The fewest participants a date needs to be held. The staff overview
-- lists dates below it as their deadline nears; 0 means no minimum.
ALTER TABLE course_dates
    ADD COLUMN min_participants integer NOT NULL DEFAULT 0 CHECK (min_participants BETWEEN 0 AND 10000);
