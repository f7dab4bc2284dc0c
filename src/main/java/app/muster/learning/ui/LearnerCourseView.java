package app.muster.learning.ui;

import app.muster.base.NotFound;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.NotFoundMessage;
import app.muster.base.ui.UiUpdates;
import app.muster.catalog.BuiltInLessons;
import app.muster.catalog.QuizQuestion;
import app.muster.learning.QuizSubmissions;
import app.muster.learning.QuizSubmissions.CourseLesson;
import app.muster.learning.QuizSubmissions.QuizOutcome;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import reactor.core.scheduler.Schedulers;

/** A built-in course as its learner takes it: a short lesson, then a quiz with a pass mark. */
@Route(value = "learn/:token/:assignmentId", autoLayout = false)
@PageTitle("Course · Muster")
@AnonymousAllowed
public class LearnerCourseView extends VerticalLayout implements BeforeEnterObserver {

    final H1 courseTitle = new H1();
    final Div lesson = new Div();
    final List<RadioButtonGroup<Integer>> answers = new ArrayList<>();
    final Button submitButton = new Button("Submit answers");
    final Paragraph outcome = new Paragraph();
    private final QuizSubmissions quizzes;
    private String token;
    private long assignmentId;

    LearnerCourseView(QuizSubmissions quizzes) {
        this.quizzes = quizzes;
        submitButton.setId("submit-quiz");
        submitButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submitButton.setDisableOnClick(true);
        submitButton.addClickListener(click -> submit(click.getSource().getUI().orElseThrow()));
        outcome.setId("quiz-outcome");
        outcome.setVisible(false);
        addClassNames("page", "learner-page");
        add(courseTitle, lesson);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        UI ui = event.getUI();
        try {
            assignmentId = Long.parseLong(
                    event.getRouteParameters().get("assignmentId").orElse(""));
        } catch (NumberFormatException malformed) {
            showNotFound();
            return;
        }
        quizzes.lesson(token, assignmentId)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        found -> UiUpdates.apply(ui, () -> show(found)),
                        error -> UiUpdates.apply(ui, () -> failed(error)));
    }

    private void show(CourseLesson course) {
        courseTitle.setText(course.assignment().courseTitle());
        lesson.removeAll();
        course.lesson().paragraphs().forEach(paragraph -> lesson.add(new Paragraph(paragraph)));
        if (course.assignment().completed()) {
            lesson.add(new Paragraph("You have completed this course."), backLink());
            return;
        }
        lesson.add(
                new H2("Quiz"),
                new Paragraph("Answer the questions below; " + BuiltInLessons.PASS_MARK + "% or more passes."));
        answers.clear();
        course.lesson().questions().forEach(question -> lesson.add(questionGroup(question)));
        lesson.add(submitButton, outcome, backLink());
    }

    private RadioButtonGroup<Integer> questionGroup(QuizQuestion question) {
        var group = new RadioButtonGroup<Integer>(question.prompt());
        group.setItems(IntStream.range(0, question.choices().size()).boxed().toList());
        group.setItemLabelGenerator(question.choices()::get);
        group.addClassName("quiz-question");
        answers.add(group);
        return group;
    }

    private void submit(UI ui) {
        var chosen = answers.stream().map(RadioButtonGroup::getValue).toList();
        if (chosen.contains(null)) {
            outcome.setText("Answer every question, then submit.");
            outcome.setVisible(true);
            submitButton.setEnabled(true);
            return;
        }
        quizzes.submit(token, assignmentId, chosen)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        result -> UiUpdates.apply(ui, () -> showOutcome(result)),
                        error -> UiUpdates.apply(ui, () -> {
                            submitButton.setEnabled(true);
                            failed(error);
                        }));
    }

    private void showOutcome(QuizOutcome result) {
        outcome.setVisible(true);
        if (result.passed()) {
            outcome.setText("You passed with " + result.score() + "%. This course is complete.");
            answers.forEach(group -> group.setReadOnly(true));
            submitButton.setVisible(false);
            return;
        }
        outcome.setText("You scored " + result.score() + "%; " + BuiltInLessons.PASS_MARK
                + "% passes. Read the lesson again and have another go.");
        submitButton.setEnabled(true);
    }

    private Anchor backLink() {
        return new Anchor("learn/" + token, "← All my courses");
    }

    private void failed(Throwable error) {
        if (error instanceof NotFound) {
            showNotFound();
            return;
        }
        ErrorMessages.show(error);
    }

    private void showNotFound() {
        removeAll();
        add(new NotFoundMessage("This course", LearnerHomeView.LEARNER_HINT));
    }
}
