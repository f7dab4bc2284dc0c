package app.muster.enrollment.ui;

import app.muster.catalog.Course;
import app.muster.directory.ClientOrg;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Step 4: per course Enroll on and Due by, as calendar dates in each client's own time zone, two presets, and the
 * two notification toggles (both off until turned on). An empty Enroll on means immediately.
 */
class ScheduleStep extends VerticalLayout implements WizardStep {

    final Button allImmediateButton = new Button("All immediate");
    final Button monthlyStaggerButton = new Button("Monthly stagger");
    final Div courseRows = new Div();
    final Checkbox enrollmentEmail = new Checkbox("Send an enrollment email");
    final Checkbox reminderEmails = new Checkbox("Send reminder emails before the due date");
    private final WizardState state;
    private final Clock clock;

    ScheduleStep(WizardState state, Clock clock) {
        this.state = state;
        this.clock = clock;
        allImmediateButton.setId("preset-all-immediate");
        monthlyStaggerButton.setId("preset-monthly-stagger");
        courseRows.addClassName("schedule-rows");
        allImmediateButton.addClickListener(click -> allImmediate());
        monthlyStaggerButton.addClickListener(click -> monthlyStagger(firstEnrollOn()));
        enrollmentEmail.addValueChangeListener(change -> state.enrollmentEmail = change.getValue());
        reminderEmails.addValueChangeListener(change -> state.reminderEmails = change.getValue());

        var presets = new HorizontalLayout(new Span("Presets:"), allImmediateButton, monthlyStaggerButton);
        presets.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        setPadding(false);
        add(
                presets,
                new Paragraph("Dates are calendar dates in each client's own time zone. Leave Enroll on "
                        + "empty to enroll immediately."),
                courseRows,
                enrollmentEmail,
                reminderEmails);
    }

    /**
     * The earliest date that is not yet past for any chosen client: today where it is latest. A chosen date is then
     * valid in every client's own time zone.
     */
    LocalDate today() {
        return state.clients.stream()
                .map(ClientOrg::timeZone)
                .map(zone -> LocalDate.now(clock.withZone(zone)))
                .max(LocalDate::compareTo)
                .orElse(LocalDate.now(clock));
    }

    @Override
    public void enter() {
        courseRows.removeAll();
        state.courses.forEach(course -> courseRows.add(row(course)));
    }

    void allImmediate() {
        state.courses.forEach(course -> {
            state.enrollOn.remove(course.id());
            state.dueBy.put(course.id(), today().plusDays(WizardState.DEFAULT_DAYS_TO_COMPLETE));
        });
        enter();
    }

    /**
     * Course n enrolls n-1 months after the first, on the same day, or the month's last day when it is shorter. A
     * first course that enrolls immediately stays immediate, so that it enrolls today in every client's time zone.
     */
    void monthlyStagger(LocalDate first) {
        boolean firstImmediate = !state.courses.isEmpty()
                && state.enrollOn.get(state.courses.getFirst().id()) == null
                && !first.isAfter(today());
        for (int n = 0; n < state.courses.size(); n++) {
            Course course = state.courses.get(n);
            LocalDate enrollOn = first.plusMonths(n);
            if (n == 0 && firstImmediate) {
                state.enrollOn.remove(course.id());
            } else {
                state.enrollOn.put(course.id(), enrollOn);
            }
            state.dueBy.put(course.id(), enrollOn.plusDays(WizardState.DEFAULT_DAYS_TO_COMPLETE));
        }
        enter();
    }

    private LocalDate firstEnrollOn() {
        return state.courses.stream()
                .findFirst()
                .map(course -> state.enrollOnOrToday(course, today()))
                .orElse(today());
    }

    private Component row(Course course) {
        var enrollOn = new DatePicker("Enroll on");
        enrollOn.setPlaceholder("Immediately");
        enrollOn.setClearButtonVisible(true);
        enrollOn.setMin(today());
        enrollOn.setValue(state.enrollOn.get(course.id()));
        var dueBy = new DatePicker("Due by");
        dueBy.setMin(state.enrollOnOrToday(course, today()));
        dueBy.setValue(state.dueBy(course, today()));

        enrollOn.addValueChangeListener(change -> {
            state.enrollOn.compute(course.id(), (id, old) -> change.getValue());
            LocalDate effective = state.enrollOnOrToday(course, today());
            dueBy.setMin(effective);
            if (dueBy.getValue() == null || dueBy.getValue().isBefore(effective)) {
                dueBy.setValue(effective.plusDays(WizardState.DEFAULT_DAYS_TO_COMPLETE));
            }
        });
        dueBy.addValueChangeListener(change -> state.dueBy.compute(course.id(), (id, old) -> change.getValue()));

        var title = new Span(course.title());
        title.addClassName("schedule-course");
        var row = new HorizontalLayout(title, enrollOn, dueBy);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        row.addClassName("schedule-row");
        row.getElement().setAttribute("data-course", course.id());
        return row;
    }

    @Override
    public String title() {
        return "Schedule";
    }

    @Override
    public Component content() {
        return this;
    }

    @Override
    public Optional<String> blocker() {
        LocalDate today = today();
        for (Course course : state.courses) {
            LocalDate enrollOn = state.enrollOnOrToday(course, today);
            LocalDate dueBy = state.dueBy.get(course.id());
            if (enrollOn.isBefore(today)) {
                return Optional.of("Enroll on for " + course.title() + " is already past for a chosen client.");
            }
            if (dueBy == null) {
                return Optional.of("Choose a Due by date for " + course.title() + ".");
            }
            if (dueBy.isBefore(enrollOn)) {
                return Optional.of("Due by for " + course.title() + " must be on or after its Enroll on date.");
            }
        }
        return Optional.empty();
    }
}
