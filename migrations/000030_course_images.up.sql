-- A course's picture, uploaded by staff in the course editor. It is kept in
-- Postgres, made once into the sizes pages use, so every instance serves
-- the same bytes. hash names the upload: the pictures' addresses carry it
-- and can be cached for good.
CREATE TABLE course_images (
    course_id  bigint PRIMARY KEY REFERENCES courses(id) ON DELETE CASCADE,
    alt        text NOT NULL CHECK (length(btrim(alt)) BETWEEN 1 AND 250),
    hash       text NOT NULL CHECK (hash ~ '^[0-9a-f]{12}$'),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE course_image_sizes (
    course_id bigint NOT NULL REFERENCES course_images(course_id) ON DELETE CASCADE,
    name      text NOT NULL CHECK (name IN ('480', '960', '1200')),
    width     integer NOT NULL CHECK (width > 0),
    height    integer NOT NULL CHECK (height > 0),
    data      bytea NOT NULL,
    PRIMARY KEY (course_id, name)
);

-- Pages show the picture: a change drops the cached pages like any other
-- catalogue change (see 000014).
CREATE TRIGGER course_images_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON course_images
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
