package app.muster.notification;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The subject and plain-text body of a learner email. */
record EmailText(String subject, String body) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

    static EmailText compose(EmailKind kind, String firstName, String orgName, List<CourseLine> courses, String link) {
        String body = "Hello " + firstName + ",\n\n"
                + opening(kind, orgName, courses.size()) + "\n\n"
                + list(courses) + "\n\n"
                + "Open your courses with your personal link:\n" + link + "\n\n"
                + "The link is yours alone; please do not forward this email.\n";
        return new EmailText(subject(kind, courses), body);
    }

    private static String subject(EmailKind kind, List<CourseLine> courses) {
        String what = courses.size() == 1 ? courses.getFirst().title() : courses.size() + " courses";
        return switch (kind) {
            case ENROLLMENT -> "New security training: " + what;
            case DUE_IN_3_DAYS -> "Reminder: " + what + " due in 3 days";
            case DUE_TODAY -> "Reminder: " + what + " due today";
        };
    }

    private static String opening(EmailKind kind, String orgName, int courses) {
        String these = courses == 1 ? "this course" : "these courses";
        return switch (kind) {
            case ENROLLMENT ->
                orgName + " has enrolled you in security awareness training. Please complete " + these
                        + " by the date shown:";
            case DUE_IN_3_DAYS -> "A reminder: please complete " + these + " within the next three days:";
            case DUE_TODAY ->
                "A reminder: " + these + " " + (courses == 1 ? "is" : "are") + " due today. Please complete "
                        + (courses == 1 ? "it" : "them") + " before the day ends:";
        };
    }

    private static String list(List<CourseLine> courses) {
        return courses.stream()
                .map(course -> "- " + course.title() + " (due " + DATE.format(course.dueBy()) + ")")
                .collect(Collectors.joining("\n"));
    }
}
