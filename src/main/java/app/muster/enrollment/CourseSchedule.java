package app.muster.enrollment;

import java.time.LocalDate;

/**
 * When one course of a launch enrolls and is due, as calendar dates in each client's own time zone. An empty
 * {@code enrollOn} means "immediately": today in each client's time zone.
 */
public record CourseSchedule(String courseId, LocalDate enrollOn, LocalDate dueBy) {

    public static CourseSchedule immediately(String courseId, LocalDate dueBy) {
        return new CourseSchedule(courseId, null, dueBy);
    }

    public boolean immediate() {
        return enrollOn == null;
    }

    LocalDate enrollOnFor(LocalDate todayAtClient) {
        return immediate() ? todayAtClient : enrollOn;
    }
}
