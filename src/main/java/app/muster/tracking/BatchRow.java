package app.muster.tracking;

import app.muster.enrollment.BatchStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of a client's Enrollment Batches grid. */
public record BatchRow(
        UUID batchId, String name, int courses, BatchStatus status, LocalDate nextEnrollOn, Instant createdAt) {}
