DROP TABLE mail_attachments;
DROP TABLE evaluations;
DROP TABLE attendance;
DROP TABLE participant_links;
ALTER TABLE participants
    DROP COLUMN stay_overnight, DROP COLUMN stay_early_arrival, DROP COLUMN diet_allergens,
    DROP COLUMN stay_needs, DROP COLUMN reminded_at, DROP COLUMN after_mailed_at, DROP COLUMN evaluated;
ALTER TABLE venues DROP COLUMN arrival_note;
ALTER TABLE courses
    DROP COLUMN residential, DROP COLUMN reminder_days, DROP COLUMN bring_note, DROP COLUMN diploma_minutes;
