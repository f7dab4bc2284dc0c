CREATE TABLE audit_event (
    id        UUID PRIMARY KEY,
    msp_id    UUID NOT NULL REFERENCES msp (id),
    admin_id  UUID NOT NULL REFERENCES msp_admin (id),
    actor     VARCHAR(320) NOT NULL,
    action    VARCHAR(100) NOT NULL,
    detail    VARCHAR(2000) NOT NULL,
    origin    VARCHAR(200) NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX audit_event_msp ON audit_event (msp_id, at);
