CREATE TABLE client_training_totals (
    org_id              UUID PRIMARY KEY REFERENCES client_org (id),
    batches             BIGINT NOT NULL DEFAULT 0,
    course_enrollments  BIGINT NOT NULL DEFAULT 0,
    completed           BIGINT NOT NULL DEFAULT 0,
    scheduled           BIGINT NOT NULL DEFAULT 0,
    failed              BIGINT NOT NULL DEFAULT 0,
    learner_assignments BIGINT NOT NULL DEFAULT 0,
    learners_completed  BIGINT NOT NULL DEFAULT 0
);
