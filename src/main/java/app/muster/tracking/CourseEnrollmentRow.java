package app.muster.tracking;

import app.muster.enrollment.CourseEnrollmentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of a batch's Course Enrollments grid. */
public record CourseEnrollmentRow(
        UUID id,
        String courseId,
        String courseTitle,
        CourseEnrollmentStatus status,
        LocalDate enrollOn,
        LocalDate dueBy,
        int learnersAssigned,
        int learnersCompleted,
        int attempts,
        String lastError,
        Instant updatedAt) {}
