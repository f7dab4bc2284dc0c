package app.muster.tracking;

import app.muster.directory.ClientOrg;
import app.muster.enrollment.BatchStatus;
import app.muster.enrollment.CourseEnrollmentStatus;
import app.muster.enrollment.TargetMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A batch page: the batch, its client, and its course enrollments. */
public record BatchDetail(
        UUID batchId,
        String name,
        ClientOrg client,
        TargetMode targetMode,
        boolean enrollmentEmail,
        boolean reminderEmails,
        Instant createdAt,
        List<CourseEnrollmentRow> courses) {

    public BatchStatus status() {
        return BatchStatus.of(courses.stream().map(CourseEnrollmentRow::status).toList());
    }

    public long count(CourseEnrollmentStatus status) {
        return courses.stream().filter(row -> row.status() == status).count();
    }

    /** Failed on the summary card: every row that needs a retry other than Needs Access, which has its own card. */
    public long failed() {
        return courses.stream()
                .filter(row -> row.status().retryable() && row.status() != CourseEnrollmentStatus.NEEDS_ACCESS)
                .count();
    }
}
