package app.muster.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.muster.enrollment.BatchStatus;

/** One row of a client's Enrollment Batches grid. */
public record BatchRow(UUID batchId, String name, int courses, BatchStatus status, LocalDate nextEnrollOn,
        Instant createdAt) {
}
