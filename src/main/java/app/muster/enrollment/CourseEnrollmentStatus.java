package app.muster.enrollment;

/** Where one course of a batch stands. */
public enum CourseEnrollmentStatus {
    SCHEDULED("Scheduled", false),
    ENROLLED("Enrolled", false),
    COMPLETED("Completed", false),
    PARTIAL("Partial", true),
    FAILED("Failed", true),
    NEEDS_ACCESS("Needs Access", true),
    ACCESS_DENIED("Access Denied", true);

    private final String label;
    private final boolean retryable;

    CourseEnrollmentStatus(String label, boolean retryable) {
        this.label = label;
        this.retryable = retryable;
    }

    public String label() {
        return label;
    }

    /** Failed, Partial, Needs Access and Access Denied rows can be retried; they also make a batch Has Failures. */
    public boolean retryable() {
        return retryable;
    }

    public boolean fired() {
        return this != SCHEDULED;
    }
}
