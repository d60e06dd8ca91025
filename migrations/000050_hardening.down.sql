DROP TABLE used_form_stamps;
DROP TABLE login_links;
DROP TABLE login_throttle;
