package app.muster.enrollment;

import java.util.Collection;

/** A batch's status, derived from its course enrollments; the first rule that matches wins. */
public enum BatchStatus {
    HAS_FAILURES("Has Failures"),
    SCHEDULED("Scheduled"),
    COMPLETED("Completed"),
    IN_PROGRESS("In Progress");

    private final String label;

    BatchStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static BatchStatus of(Collection<CourseEnrollmentStatus> courses) {
        if (courses.stream().anyMatch(CourseEnrollmentStatus::retryable)) {
            return HAS_FAILURES;
        }
        if (courses.stream().noneMatch(CourseEnrollmentStatus::fired)) {
            return SCHEDULED;
        }
        if (courses.stream().allMatch(status -> status == CourseEnrollmentStatus.COMPLETED)) {
            return COMPLETED;
        }
        return IN_PROGRESS;
    }
}
