package app.muster.learning;

import app.muster.base.NotFound;
import app.muster.catalog.BuiltInLessons;
import app.muster.catalog.Lesson;
import app.muster.enrollment.LearnerProgress;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A learner's answers to a built-in course's quiz: scored, and the assignment completed when they pass. */
@Service
public class QuizSubmissions {

    private final LearnerLinks links;
    private final BuiltInLessons lessons;
    private final LearnerProgress progress;

    QuizSubmissions(LearnerLinks links, BuiltInLessons lessons, LearnerProgress progress) {
        this.links = links;
        this.lessons = lessons;
        this.progress = progress;
    }

    /** The course and its lesson, if the assignment is the link's learner's own. */
    public Mono<CourseLesson> lesson(String token, long assignmentId) {
        return links.assignment(token, assignmentId)
                .map(assignment -> new CourseLesson(assignment, lessonOf(assignment)));
    }

    public Mono<QuizOutcome> submit(String token, long assignmentId, List<Integer> answers) {
        return lesson(token, assignmentId).flatMap(course -> {
            int score = course.lesson().score(answers);
            boolean passed = score >= BuiltInLessons.PASS_MARK;
            var recorded =
                    passed ? progress.complete(assignmentId, score) : progress.failedAttempt(assignmentId, score);
            return recorded.thenReturn(new QuizOutcome(score, passed));
        });
    }

    private Lesson lessonOf(LearnerAssignmentView assignment) {
        return lessons.forCourse(assignment.courseId())
                .orElseThrow(() -> new NotFound("The lesson of " + assignment.courseTitle()));
    }

    public record CourseLesson(LearnerAssignmentView assignment, Lesson lesson) {}

    public record QuizOutcome(int score, boolean passed) {}
}
