package app.muster.audit;

import java.time.Instant;

/** One change someone made: who, what, when and from where. */
public record AuditEvent(Instant at, String actor, String action, String detail, String origin) {}
