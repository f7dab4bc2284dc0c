package app.muster.enrollment;

import app.muster.base.Refusal;
import app.muster.catalog.Course;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The rules a whole launch must meet before any client's batch is created. */
final class LaunchRules {

    /** Training is planned in months, not decades: dates beyond this are typing mistakes. */
    static final LocalDate LATEST_DATE = LocalDate.of(2100, 1, 1);

    private LaunchRules() {}

    static void check(LaunchRequest request, Map<String, Course> library) {
        checkClients(request);
        checkCourses(request, library);
        checkTargeting(request);
    }

    private static void checkClients(LaunchRequest request) {
        int clients = new HashSet<>(request.orgIds()).size();
        if (clients == 0) {
            throw new Refusal("clients", "Choose at least one client.");
        }
        if (clients > LaunchRequest.MAX_CLIENTS) {
            throw new Refusal(
                    "clients",
                    "A launch reaches at most " + LaunchRequest.MAX_CLIENTS
                            + " clients; " + clients + " were chosen. Split the rollout into launches of "
                            + LaunchRequest.MAX_CLIENTS + " clients or fewer.");
        }
    }

    private static void checkCourses(LaunchRequest request, Map<String, Course> library) {
        if (request.courses().isEmpty()) {
            throw new Refusal("courses", "Choose at least one course.");
        }
        Set<String> seen = new HashSet<>();
        for (CourseSchedule schedule : request.courses()) {
            Course course = library.get(schedule.courseId());
            if (course == null) {
                throw new Refusal("courses", "Course \"" + schedule.courseId() + "\" is not in the course library.");
            }
            if (!seen.add(course.id())) {
                throw new Refusal("courses", course.title() + " was chosen twice.");
            }
            checkDates(schedule, course);
        }
    }

    private static void checkDates(CourseSchedule schedule, Course course) {
        if (schedule.dueBy() == null) {
            throw new Refusal("dueBy", "Due by is missing for " + course.title() + ".");
        }
        boolean enrollsTooLate = !schedule.immediate() && schedule.enrollOn().isAfter(LATEST_DATE);
        if (schedule.dueBy().isAfter(LATEST_DATE) || enrollsTooLate) {
            throw new Refusal("dueBy", "Dates for " + course.title() + " must be before " + LATEST_DATE + ".");
        }
        if (!schedule.immediate() && schedule.dueBy().isBefore(schedule.enrollOn())) {
            throw new Refusal(
                    "dueBy",
                    "Due by (" + schedule.dueBy() + ") for " + course.title() + " is before its Enroll on date ("
                            + schedule.enrollOn() + ").");
        }
    }

    private static void checkTargeting(LaunchRequest request) {
        Targeting targeting = request.targeting();
        boolean severalClients = new HashSet<>(request.orgIds()).size() > 1;
        if (severalClients && targeting.mode() != TargetMode.ALL_USERS) {
            throw new Refusal(
                    "targeting",
                    "With more than one client, targeting is All users: groups and users "
                            + "belong to a single client. Launch one batch per client to target them.");
        }
        if (targeting.mode() == TargetMode.SPECIFIC_GROUPS
                && targeting.includedGroups().isEmpty()) {
            throw new Refusal("targeting", "Choose at least one group to target.");
        }
        if (targeting.mode() == TargetMode.EXCLUDE_GROUPS
                && targeting.excludedGroups().isEmpty()) {
            throw new Refusal("targeting", "Choose at least one group to exclude.");
        }
        if (targeting.mode() == TargetMode.INDIVIDUAL_USERS && targeting.users().isEmpty()) {
            throw new Refusal("targeting", "Choose at least one user.");
        }
    }
}
