package app.muster.enrollment;

import java.util.List;
import java.util.UUID;

/**
 * One wizard submission: the same courses, schedule, targeting and notifications for every chosen client. The
 * submission id makes a replay of the same submission create nothing twice.
 */
public record LaunchRequest(
        UUID submissionId,
        List<UUID> orgIds,
        List<CourseSchedule> courses,
        Targeting targeting,
        Notifications notifications) {

    public static final int MAX_CLIENTS = 25;

    public LaunchRequest {
        orgIds = orgIds == null ? List.of() : List.copyOf(orgIds);
        courses = courses == null ? List.of() : List.copyOf(courses);
        targeting = targeting == null ? Targeting.allUsers() : targeting;
        notifications = notifications == null ? Notifications.none() : notifications;
    }
}
