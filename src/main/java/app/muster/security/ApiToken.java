package app.muster.security;

import java.time.Instant;
import java.util.UUID;

/** A personal API token of an MSP admin, as listed: never the token itself, which is shown once. */
public record ApiToken(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
