-- Every email, rendered when its event happened and kept until (and after) it was delivered.
CREATE TABLE mail_outbox (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_number   VARCHAR(20)   NOT NULL REFERENCES support_case (case_number),
    kind          VARCHAR(40)   NOT NULL,
    language      VARCHAR(8)    NOT NULL,
    recipients    VARCHAR(4000) NOT NULL,
    subject       VARCHAR(1000) NOT NULL,
    text_body     TEXT          NOT NULL,
    html_body     TEXT          NOT NULL,
    message_id    VARCHAR(300)  NOT NULL,
    in_reply_to   VARCHAR(300),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE,
    attempts      INT           NOT NULL DEFAULT 0,
    last_error    VARCHAR(2000)
);
CREATE INDEX mail_outbox_case ON mail_outbox (case_number, created_at);

-- Links in emails: each one bound to a case, an action and an expiry, usable once.
CREATE TABLE action_link (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_number   VARCHAR(20)   NOT NULL REFERENCES support_case (case_number),
    action        VARCHAR(20)   NOT NULL,
    closure_no    INT           NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX action_link_case ON action_link (case_number);

ALTER TABLE support_case ADD COLUMN referral_url VARCHAR(1000);
