CREATE TABLE api_token (
    id           UUID PRIMARY KEY,
    admin_id     UUID NOT NULL REFERENCES msp_admin (id),
    name         VARCHAR(200) NOT NULL,
    token_hash   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_hash_unique UNIQUE (token_hash)
);

CREATE INDEX api_token_admin ON api_token (admin_id);
