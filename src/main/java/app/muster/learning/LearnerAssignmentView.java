package app.muster.learning;

import java.time.Instant;
import java.time.LocalDate;

/** One course as its learner sees it: what it is, when it is due, and how far they got. */
public record LearnerAssignmentView(
        long assignmentId,
        String courseId,
        String courseTitle,
        int minutes,
        LocalDate dueBy,
        String status,
        Integer score,
        Instant completedAt) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
