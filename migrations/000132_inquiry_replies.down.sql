DROP TABLE inquiry_replies;
