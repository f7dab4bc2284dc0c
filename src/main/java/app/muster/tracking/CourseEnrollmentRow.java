package app.muster.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.muster.enrollment.CourseEnrollmentStatus;

/** One row of a batch's Course Enrollments grid. */
public record CourseEnrollmentRow(UUID id, String courseId, String courseTitle, CourseEnrollmentStatus status,
        LocalDate enrollOn, LocalDate dueBy, int learnersAssigned, int learnersCompleted, int attempts,
        String lastError, Instant updatedAt) {
}
