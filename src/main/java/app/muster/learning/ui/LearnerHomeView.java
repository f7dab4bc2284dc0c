package app.muster.learning.ui;

import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.NotFoundMessage;
import app.muster.base.ui.StatusBadges;
import app.muster.base.ui.UiUpdates;
import app.muster.learning.Learner;
import app.muster.learning.LearnerAssignmentView;
import app.muster.learning.LearnerLinks;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A learner's own page, opened from their personal link: their courses, due dates and progress. */
@Route(value = "learn/:token", autoLayout = false)
@PageTitle("My training · Muster")
@AnonymousAllowed
public class LearnerHomeView extends VerticalLayout implements BeforeEnterObserver {

    static final String LEARNER_HINT =
            "The link may be mistyped or no longer valid. Ask your IT team for a new " + "link to your training.";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    final H1 greeting = new H1();
    final Div courses = new Div();
    private final LearnerLinks links;
    private String token;

    LearnerHomeView(LearnerLinks links) {
        this.links = links;
        courses.addClassName("learner-courses");
        courses.setId("learner-courses");
        addClassNames("page", "learner-page");
        add(greeting, courses);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        UI ui = event.getUI();
        Mono.zip(links.learner(token), links.assignments(token))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        found -> UiUpdates.apply(ui, () -> show(found.getT1(), found.getT2())),
                        error -> UiUpdates.apply(ui, () -> failed(error)));
    }

    private void show(Learner learner, List<LearnerAssignmentView> assignments) {
        greeting.setText("Hello, " + learner.firstName());
        courses.removeAll();
        courses.add(new Paragraph("Your security-awareness training at " + learner.orgName() + "."));
        if (assignments.isEmpty()) {
            courses.add(new Paragraph("You have no courses yet."));
        }
        assignments.forEach(assignment -> courses.add(card(assignment)));
    }

    private Div card(LearnerAssignmentView assignment) {
        var status = assignment.completed()
                ? StatusBadges.badge(
                        "Completed" + (assignment.score() == null ? "" : " · " + assignment.score() + "%"), "completed")
                : StatusBadges.badge("Due " + DATE.format(assignment.dueBy()), "scheduled");
        var card = new Div(new H3(assignment.courseTitle()), new Span(assignment.minutes() + " min"), status);
        card.addClassName("learner-course");
        card.getElement().setAttribute("data-course", assignment.courseId());
        if (!assignment.completed()) {
            var startButton = new Button(
                    "IN_PROGRESS".equals(assignment.status()) ? "Try again" : "Start",
                    click -> getUI().ifPresent(ui -> ui.navigate(
                            LearnerCourseView.class,
                            new RouteParameters(
                                    new RouteParam("token", token),
                                    new RouteParam("assignmentId", String.valueOf(assignment.assignmentId()))))));
            startButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(startButton);
        }
        return card;
    }

    private void failed(Throwable error) {
        removeAll();
        if (error instanceof app.muster.base.NotFound) {
            add(new NotFoundMessage("This learner link", LEARNER_HINT));
            return;
        }
        ErrorMessages.show(error);
    }
}
