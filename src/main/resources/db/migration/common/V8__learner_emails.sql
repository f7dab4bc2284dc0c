-- The outbox of learner emails: one row per message, composed when it is sent.
CREATE TABLE learner_email (
    id              UUID PRIMARY KEY,
    user_id         UUID NOT NULL REFERENCES org_user (id),
    kind            VARCHAR(20) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    claimed_at      TIMESTAMP WITH TIME ZONE,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    CONSTRAINT learner_email_kind_known CHECK (kind IN ('ENROLLMENT', 'DUE_IN_3_DAYS', 'DUE_TODAY')),
    CONSTRAINT learner_email_status_known CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED'))
);

CREATE INDEX learner_email_due ON learner_email (status, next_attempt_at);
CREATE INDEX learner_email_user ON learner_email (user_id, kind, status);

-- Which assignments an email tells about; an assignment is in at most one email of each kind.
CREATE TABLE email_assignment (
    email_id      UUID NOT NULL REFERENCES learner_email (id),
    assignment_id BIGINT NOT NULL REFERENCES learner_assignment (id),
    kind          VARCHAR(20) NOT NULL,
    PRIMARY KEY (email_id, assignment_id),
    CONSTRAINT email_assignment_once_per_kind UNIQUE (assignment_id, kind)
);

-- One row per learner who has been written to; locked while that learner's next emails are queued.
CREATE TABLE mail_recipient (
    user_id UUID PRIMARY KEY REFERENCES org_user (id)
);

-- Messages written down instead of sent, when Muster runs without an SMTP server.
CREATE TABLE mail_log (
    id        UUID PRIMARY KEY,
    msp_id    UUID NOT NULL REFERENCES msp (id),
    org_id    UUID NOT NULL REFERENCES client_org (id),
    email_id  UUID NOT NULL REFERENCES learner_email (id),
    recipient VARCHAR(320) NOT NULL,
    subject   VARCHAR(300) NOT NULL,
    body      VARCHAR(20000) NOT NULL,
    logged_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX mail_log_msp ON mail_log (msp_id, logged_at);
