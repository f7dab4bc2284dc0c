package app.muster.enrollment.ui;

import app.muster.catalog.Course;
import app.muster.directory.ClientOrg;
import app.muster.directory.OrgUser;
import app.muster.directory.UserGroup;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.TargetMode;
import app.muster.enrollment.Targeting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Everything chosen so far in the wizard; Back and Next keep it, Launch turns it into a launch request. */
class WizardState {

    static final int DEFAULT_DAYS_TO_COMPLETE = 30;

    final UUID submissionId = UUID.randomUUID();
    final Set<ClientOrg> clients = new LinkedHashSet<>();
    final List<Course> courses = new ArrayList<>();
    final Map<String, LocalDate> enrollOn = new LinkedHashMap<>();
    final Map<String, LocalDate> dueBy = new LinkedHashMap<>();
    final Set<UserGroup> includedGroups = new LinkedHashSet<>();
    final Set<UserGroup> excludedGroups = new LinkedHashSet<>();
    final Set<OrgUser> individualUsers = new LinkedHashSet<>();
    TargetMode targetMode = TargetMode.ALL_USERS;
    boolean enrollmentEmail;
    boolean reminderEmails;

    boolean severalClients() {
        return clients.size() > 1;
    }

    /** The org portal's one client is given, not chosen, so it alone does not count as a choice to lose. */
    boolean clientGiven;

    boolean touched() {
        return (!clientGiven && !clients.isEmpty()) || !courses.isEmpty() || !individualUsers.isEmpty();
    }

    void toggle(Course course) {
        if (!courses.remove(course)) {
            courses.add(course);
        }
    }

    /** An empty Enroll on date means "immediately": today in each client's own time zone. */
    LocalDate enrollOnOrToday(Course course, LocalDate today) {
        LocalDate date = enrollOn.get(course.id());
        return date == null ? today : date;
    }

    LaunchRequest toRequest(LocalDate today) {
        return toRequest(today, clients.stream().map(ClientOrg::id).toList());
    }

    /** The same submission for some of its clients: launching a failed client again creates its batch once. */
    LaunchRequest toRequest(LocalDate today, List<UUID> orgIds) {
        var schedules = courses.stream()
                .map(course -> new CourseSchedule(course.id(), enrollOn.get(course.id()), dueBy(course, today)))
                .toList();
        return new LaunchRequest(
                submissionId, orgIds, schedules, targeting(), new Notifications(enrollmentEmail, reminderEmails));
    }

    LocalDate dueBy(Course course, LocalDate today) {
        return dueBy.computeIfAbsent(
                course.id(), id -> enrollOnOrToday(course, today).plusDays(DEFAULT_DAYS_TO_COMPLETE));
    }

    Targeting targeting() {
        var included = ids(includedGroups);
        var excluded = ids(excludedGroups);
        return switch (targetMode) {
            case ALL_USERS -> Targeting.allUsers();
            case INDIVIDUAL_USERS -> Targeting.individualUsers(userIds());
            case SPECIFIC_GROUPS -> Targeting.groups(included, excluded);
            case EXCLUDE_GROUPS -> Targeting.excludeGroups(excluded);
        };
    }

    private Set<UUID> userIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        individualUsers.forEach(user -> ids.add(user.id()));
        return ids;
    }

    private static Set<UUID> ids(Set<UserGroup> groups) {
        Set<UUID> ids = new LinkedHashSet<>();
        groups.forEach(group -> ids.add(group.id()));
        return ids;
    }
}
