ALTER TABLE course_dates
    DROP COLUMN IF EXISTS cancelled_at,
    DROP COLUMN IF EXISTS cancel_reason,
    DROP COLUMN IF EXISTS version;
