package app.muster.learning;

import java.util.UUID;

/** The learner a personal link belongs to. */
public record Learner(UUID userId, UUID orgId, String firstName, String lastName, String orgName) {}
