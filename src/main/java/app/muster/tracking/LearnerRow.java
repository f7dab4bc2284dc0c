package app.muster.tracking;

import java.time.Instant;
import java.util.UUID;

/** One learner of a course enrollment, as the MSP admin sees them. */
public record LearnerRow(UUID userId, String name, String email, String status, Integer score, Instant completedAt) {}
