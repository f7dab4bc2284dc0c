package app.muster.enrollment.ui;

import app.muster.base.TenantScope;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.UiUpdates;
import app.muster.catalog.Course;
import app.muster.catalog.CourseLibrary;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.enrollment.LaunchPreview;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.LaunchService;
import app.muster.security.AdminPrincipal;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The enrollment wizard: clients, courses, targeting, schedule, review and launch. The MSP portal has all five steps;
 * the org portal's wizard has no client step, as its one client is given, and adds Individual users to targeting.
 */
abstract class EnrollmentWizard extends VerticalLayout implements BeforeLeaveObserver {

    final WizardState state = new WizardState();
    final SelectOrgsStep selectOrgs = new SelectOrgsStep(state);
    final SelectCoursesStep selectCourses = new SelectCoursesStep(state);
    final TargetingStep targeting;
    final ScheduleStep schedule;
    final ReviewStep review;
    private final TenantScope scope;
    private final boolean orgPortal;
    final List<WizardStep> steps;
    final OrderedList stepIndicator = new OrderedList();
    final Div stepContent = new Div();
    final Paragraph blockerMessage = new Paragraph();
    final Button backButton = new Button("Back");
    final Button nextButton = new Button("Next");
    final Button launchButton = new Button("Launch");
    private final AdminPrincipal admin;
    private final ClientOrgs clientOrgs;
    private final CourseLibrary courseLibrary;
    private final LaunchService launchService;
    private int current;
    private boolean launched;

    /**
     * A wizard reading within {@code scope}; an org portal scope (one client org) gives the wizard without the client
     * step and with Individual users.
     */
    EnrollmentWizard(
            ClientOrgs clientOrgs,
            CourseLibrary courseLibrary,
            LaunchService launchService,
            LaunchPreview launchPreview,
            AdminPrincipal admin,
            TenantScope scope,
            Clock clock) {
        this.admin = admin;
        this.scope = scope;
        this.orgPortal = scope.isClientOrg();
        this.clientOrgs = clientOrgs;
        this.courseLibrary = courseLibrary;
        this.launchService = launchService;
        state.clientGiven = orgPortal;
        targeting = orgPortal
                ? new TargetingStep(
                        state,
                        orgId -> clientOrgs.groups(scope, orgId).collectList(),
                        orgId -> clientOrgs.users(scope, orgId).collectList())
                : new TargetingStep(
                        state, orgId -> clientOrgs.groups(scope, orgId).collectList());
        schedule = new ScheduleStep(state, clock);
        review = new ReviewStep(
                state,
                schedule::today,
                chosen -> launchPreview.preview(
                        admin,
                        chosen.clients.stream().map(ClientOrg::id).toList(),
                        chosen.courses.stream().map(Course::id).toList(),
                        chosen.targeting()));
        steps = orgPortal
                ? List.of(selectCourses, targeting, schedule, review)
                : List.of(selectOrgs, selectCourses, targeting, schedule, review);

        configureButtons();
        stepContent.setWidthFull();
        addClassName("page");
        showOnly(stepIndicator, stepContent, blockerMessage, buttonBar());
        show(0);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        Mono.zip(
                        clientOrgs.list(scope).collectList(),
                        courseLibrary.all().collectList(),
                        courseLibrary.accessByOrg(scope))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        loaded -> UiUpdates.apply(ui, () -> populate(loaded.getT1(), loaded.getT2(), loaded.getT3())),
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
    }

    private void populate(List<ClientOrg> clients, List<Course> courses, Map<UUID, Set<String>> access) {
        selectOrgs.setClients(clients);
        if (orgPortal) {
            state.clients.clear();
            state.clients.addAll(clients);
            clients.stream().filter(client -> !client.ready()).findFirst().ifPresent(this::notSetUp);
        }
        selectCourses.setLibrary(courses, access);
    }

    /** A client that is not set up for training cannot launch; the org portal says so before anything is chosen. */
    private void notSetUp(ClientOrg client) {
        var notice = new Paragraph(client.name() + " is not set up for training yet, so enrollments cannot be "
                + "launched. Your MSP finishes setting up its training access; ask them when it will be ready.");
        notice.setId("not-set-up");
        notice.addClassName("blocker-message");
        showOnly(notice);
    }

    private void configureButtons() {
        backButton.setId("wizard-back");
        nextButton.setId("wizard-next");
        launchButton.setId("wizard-launch");
        nextButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        launchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        launchButton.setDisableOnClick(true);
        blockerMessage.addClassName("blocker-message");
        backButton.addClickListener(click -> show(current - 1));
        nextButton.addClickListener(click -> next());
        launchButton.addClickListener(click -> launch());
    }

    private HorizontalLayout buttonBar() {
        var bar = new HorizontalLayout(backButton, nextButton, launchButton);
        bar.addClassName("wizard-buttons");
        return bar;
    }

    void next() {
        var blocker = steps.get(current).blocker();
        blockerMessage.setText(blocker.orElse(""));
        blockerMessage.setVisible(blocker.isPresent());
        if (blocker.isEmpty()) {
            show(current + 1);
        }
    }

    private void show(int step) {
        current = step;
        stepIndicator.removeAll();
        for (int i = 0; i < steps.size(); i++) {
            var item = new ListItem((i + 1) + ". " + steps.get(i).title());
            item.addClassName(i == step ? "step--current" : i < step ? "step--done" : "step--next");
            stepIndicator.add(item);
        }
        stepIndicator.addClassName("wizard-steps");
        blockerMessage.setVisible(false);
        steps.get(step).enter();
        stepContent.removeAll();
        stepContent.add(steps.get(step).content());
        backButton.setVisible(step > 0);
        nextButton.setVisible(step < steps.size() - 1);
        launchButton.setVisible(step == steps.size() - 1);
    }

    private void launch() {
        launched = true;
        var results = new LaunchResultsPanel(
                state.clients.size(), this::launchAgain, orgPortal ? "org/training" : "msp/training");
        showOnly(results);
        submit(state.toRequest(schedule.today()), results);
    }

    private void launchAgain(UUID orgId, LaunchResultsPanel results) {
        submit(state.toRequest(schedule.today(), List.of(orgId)), results);
    }

    private void submit(LaunchRequest request, LaunchResultsPanel results) {
        UI ui = UI.getCurrent();
        launchService
                .launch(admin, request)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        result -> UiUpdates.apply(ui, () -> results.add(result)),
                        error -> UiUpdates.apply(ui, () -> launchRefused(error)));
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (launched || !state.touched()) {
            return;
        }
        var action = event.postpone();
        var dialog = new ConfirmDialog(
                "Leave the wizard?",
                orgPortal
                        ? "The courses and users chosen so far are not launched and will be lost."
                        : "The clients and courses chosen so far are not launched and will be lost.",
                "Leave",
                confirm -> action.proceed());
        dialog.setCancelable(true);
        dialog.setCancelText("Stay");
        dialog.open();
    }

    private void launchRefused(Throwable error) {
        launched = false;
        showOnly(stepIndicator, stepContent, blockerMessage, buttonBar());
        review.showLaunchError(ErrorMessages.describe(error));
        launchButton.setEnabled(true);
    }

    private void showOnly(Component... parts) {
        removeAll();
        add(new H1("Create Enrollment"));
        add(parts);
    }
}
