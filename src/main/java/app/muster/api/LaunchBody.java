package app.muster.api;

import app.muster.base.Refusal;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.TargetMode;
import app.muster.enrollment.Targeting;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A launch as a script sends it: the same choices as the wizard. {@code enrollOn} left out means immediately;
 * {@code targeting} left out means All users; notifications are off unless turned on.
 */
record LaunchBody(
        UUID submissionId,
        List<UUID> clients,
        List<CourseBody> courses,
        TargetingBody targeting,
        NotificationsBody notifications) {

    record CourseBody(String courseId, LocalDate enrollOn, LocalDate dueBy) {}

    record TargetingBody(TargetMode mode, Set<UUID> includedGroups, Set<UUID> excludedGroups, Set<UUID> users) {}

    record NotificationsBody(boolean enrollmentEmail, boolean reminderEmails) {}

    LaunchRequest toRequest() {
        if (clients != null && clients.stream().anyMatch(Objects::isNull)) {
            throw new Refusal("clients", "A client id in the list is empty.");
        }
        if (courses != null && courses.stream().anyMatch(course -> course == null || course.courseId() == null)) {
            throw new Refusal("courses", "Every course needs a courseId.");
        }
        var schedules = courses == null
                ? List.<CourseSchedule>of()
                : courses.stream()
                        .map(course -> new CourseSchedule(course.courseId(), course.enrollOn(), course.dueBy()))
                        .toList();
        var chosen = targeting == null
                ? Targeting.allUsers()
                : new Targeting(
                        targeting.mode(), targeting.includedGroups(), targeting.excludedGroups(), targeting.users());
        var emails = notifications == null
                ? Notifications.none()
                : new Notifications(notifications.enrollmentEmail(), notifications.reminderEmails());
        return new LaunchRequest(submissionId, clients, schedules, chosen, emails);
    }
}
