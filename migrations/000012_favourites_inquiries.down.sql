DROP TABLE app_keys;
DROP TABLE rate_limits;
ALTER TABLE outgoing_mails DROP COLUMN inquiry_id;
DROP TABLE inquiries;
DROP TABLE favourites;
DROP TABLE visitors;
