package app.muster.enrollment.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import app.muster.catalog.Course;
import app.muster.directory.ClientOrg;
import app.muster.directory.UserGroup;
import app.muster.enrollment.TargetMode;

/** Step 5: plays back everything chosen, so the admin can check it before Launch. */
class ReviewStep extends VerticalLayout implements WizardStep {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    final Div playback = new Div();
    final Paragraph launchError = new Paragraph();
    private final WizardState state;
    private final Supplier<LocalDate> today;

    ReviewStep(WizardState state, Supplier<LocalDate> today) {
        this.state = state;
        this.today = today;
        playback.addClassName("review");
        playback.setId("review");
        launchError.addClassName("launch-error");
        launchError.setVisible(false);
        setPadding(false);
        add(playback, launchError);
    }

    @Override
    public void enter() {
        launchError.setVisible(false);
        playback.removeAll();
        playback.add(section("Clients", state.clients.stream().map(ClientOrg::name).toList()),
                section("Courses", state.courses.stream().map(this::scheduleLine).toList()),
                section("Recipients", java.util.List.of(recipients())),
                section("Notifications", java.util.List.of(notifications())));
    }

    void showLaunchError(String message) {
        launchError.setText(message);
        launchError.setVisible(true);
    }

    private String scheduleLine(Course course) {
        LocalDate enrollOn = state.enrollOn.get(course.id());
        String when = enrollOn == null ? "immediately" : "on " + DATE.format(enrollOn);
        return course.title() + ": enrolls " + when + ", due by " + DATE.format(state.dueBy(course, today.get()));
    }

    private String recipients() {
        String included = names(state.includedGroups);
        String excluded = names(state.excludedGroups);
        return switch (state.targetMode) {
            case SPECIFIC_GROUPS -> "Members of " + included + (excluded.isEmpty() ? "" : ", except members of "
                    + excluded);
            case EXCLUDE_GROUPS -> "All users except members of " + excluded;
            case ALL_USERS, INDIVIDUAL_USERS -> TargetMode.ALL_USERS.label()
                    + " (each client's active users when a course enrolls)";
        };
    }

    private String notifications() {
        if (!state.enrollmentEmail && !state.reminderEmails) {
            return "No emails: learners are not notified.";
        }
        return (state.enrollmentEmail ? "Enrollment email on" : "Enrollment email off") + "; "
                + (state.reminderEmails ? "reminder emails on" : "reminder emails off");
    }

    private static String names(java.util.Set<UserGroup> groups) {
        return groups.stream().map(UserGroup::name).collect(Collectors.joining(", "));
    }

    private static Component section(String heading, java.util.List<String> lines) {
        var list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        var section = new Div(new H3(heading), list);
        section.addClassName("review-section");
        return section;
    }

    @Override
    public String title() {
        return "Review & Launch";
    }

    @Override
    public Component content() {
        return this;
    }

    @Override
    public Optional<String> blocker() {
        return Optional.empty();
    }
}
