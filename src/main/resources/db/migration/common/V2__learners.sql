ALTER TABLE learner_assignment ADD COLUMN registration UUID;
ALTER TABLE learner_assignment ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE learner_assignment ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE learner_assignment ADD CONSTRAINT learner_assignment_registration_unique UNIQUE (registration);

CREATE TABLE learner_link (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES org_user (id),
    token_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT learner_link_token_unique UNIQUE (token_hash)
);

CREATE INDEX learner_link_user ON learner_link (user_id);
CREATE INDEX learner_assignment_user ON learner_assignment (user_id);

CREATE TABLE xapi_statement (
    id            UUID PRIMARY KEY,
    assignment_id BIGINT NOT NULL REFERENCES learner_assignment (id),
    verb          VARCHAR(300) NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
