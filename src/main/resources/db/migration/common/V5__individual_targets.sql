CREATE TABLE batch_target_user (
    batch_id UUID NOT NULL REFERENCES enrollment_batch (id),
    user_id  UUID NOT NULL REFERENCES org_user (id),
    PRIMARY KEY (batch_id, user_id)
);
