package app.muster.enrollment.ui;

import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.UiUpdates;
import app.muster.catalog.Course;
import app.muster.directory.ClientOrg;
import app.muster.directory.UserGroup;
import app.muster.enrollment.ClientPreview;
import app.muster.enrollment.TargetMode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Step 5: plays back everything chosen, so the admin can check it before Launch. */
class ReviewStep extends VerticalLayout implements WizardStep {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    final Div playback = new Div();
    final Div preview = new Div();
    final Paragraph launchError = new Paragraph();
    private final WizardState state;
    private final Supplier<LocalDate> today;
    private final Function<WizardState, Flux<ClientPreview>> previewer;
    private Disposable previewing;

    ReviewStep(WizardState state, Supplier<LocalDate> today, Function<WizardState, Flux<ClientPreview>> previewer) {
        this.state = state;
        this.today = today;
        this.previewer = previewer;
        playback.addClassName("review");
        playback.setId("review");
        preview.addClassName("review-section");
        preview.setId("review-preview");
        launchError.addClassName("launch-error");
        launchError.setVisible(false);
        setPadding(false);
        add(playback, preview, launchError);
    }

    @Override
    public void enter() {
        launchError.setVisible(false);
        playback.removeAll();
        playback.add(
                section(
                        state.clientGiven ? "Organization" : "Clients",
                        state.clients.stream().map(ClientOrg::name).toList()),
                section(
                        "Courses",
                        state.courses.stream().map(this::scheduleLine).toList()),
                section("Recipients", java.util.List.of(recipients())),
                section("Notifications", java.util.List.of(notifications())));
        showPreview();
    }

    private void showPreview() {
        preview.removeAll();
        preview.add(new H3("Who it reaches if it enrolled now"));
        var lines = new UnorderedList();
        preview.add(lines);
        UI ui = UI.getCurrent();
        if (previewing != null) {
            previewing.dispose();
        }
        previewing = previewer
                .apply(state)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        client -> UiUpdates.apply(ui, () -> lines.add(previewLine(client))),
                        error -> UiUpdates.apply(ui, () -> lines.add(new ListItem(ErrorMessages.describe(error)))));
    }

    private ListItem previewLine(ClientPreview client) {
        var line = new ListItem();
        line.getElement().setAttribute("data-org", client.orgId().toString());
        if (client.refused()) {
            line.setText(client.orgName() + ": " + client.refusal());
            line.addClassName("preview--refused");
            return line;
        }
        String learners = client.learners() + (client.learners() == 1 ? " learner" : " learners");
        line.setText(client.orgName() + ": " + learners + " for each course it has enabled" + needsAccess(client));
        return line;
    }

    private String needsAccess(ClientPreview client) {
        if (client.needsAccess().isEmpty()) {
            return ".";
        }
        String titles = state.courses.stream()
                .filter(course -> client.needsAccess().contains(course.id()))
                .map(Course::title)
                .collect(Collectors.joining(", "));
        return "; Needs Access (not enabled for this client): " + titles + ".";
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
            case SPECIFIC_GROUPS ->
                "Members of " + included + (excluded.isEmpty() ? "" : ", except members of " + excluded);
            case EXCLUDE_GROUPS -> "All users except members of " + excluded;
            case INDIVIDUAL_USERS ->
                state.individualUsers.size()
                        + (state.individualUsers.size() == 1 ? " chosen user: " : " chosen users: ")
                        + state.individualUsers.stream()
                                .map(TargetingStep::userLabel)
                                .collect(Collectors.joining(", "));
            case ALL_USERS ->
                TargetMode.ALL_USERS.label()
                        + (state.clientGiven
                                ? " (the organization's active users when a course enrolls)"
                                : " (each client's active users when a course enrolls)");
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
