-- Staff's answers to an inquiry, mailed from COK with the consultant as
-- reply-to: the thread stays on the inquiry.
CREATE TABLE inquiry_replies (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inquiry_id    bigint NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    staff_user_id bigint REFERENCES staff_users (id) ON DELETE SET NULL,
    mail_id       bigint REFERENCES outgoing_mails (id) ON DELETE SET NULL,
    reply_to      text NOT NULL,
    subject       text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body          text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inquiry_replies_inquiry_idx ON inquiry_replies (inquiry_id, id);
