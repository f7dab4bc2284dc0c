package app.muster.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ByteArrayResource;

class BuiltInLessonsTests {

    private static final BuiltInLessons LESSONS = new BuiltInLessons();

    private static final List<String> FOUR_CHOICES = List.of("a", "b", "c", "d");

    static List<String> courseIds() {
        try (InputStream in = BuiltInLessonsTests.class.getResourceAsStream("/demo/courses.csv")) {
            assertThat(in).as("demo/courses.csv on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", 2)[0].strip())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCourseLibraryHasCourses() {
        assertThat(courseIds()).hasSize(36).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("courseIds")
    void everyCourseHasALessonOfThreeToFiveParagraphsAndThreeValidQuestions(String courseId) {
        Lesson lesson = LESSONS.forCourse(courseId).orElseThrow(() -> new AssertionError("no lesson for " + courseId));

        assertThat(lesson.courseId()).isEqualTo(courseId);
        assertThat(lesson.paragraphs())
                .hasSizeBetween(3, 5)
                .allSatisfy(paragraph -> assertThat(paragraph).isNotBlank());
        assertThat(lesson.questions()).hasSize(3).allSatisfy(question -> {
            assertThat(question.prompt()).isNotBlank();
            assertThat(question.choices())
                    .hasSize(4)
                    .doesNotHaveDuplicates()
                    .allSatisfy(choice -> assertThat(choice).isNotBlank());
            assertThat(question.answer()).isBetween(0, 3);
        });
    }

    @Test
    void hasNoLessonForAnUnknownCourse() {
        assertThat(LESSONS.forCourse("no-such-course")).isEmpty();
        assertThat(LESSONS.forCourse(null)).isEmpty();
    }

    @Test
    void theRightAnswerIsNotAlwaysInTheSamePosition() {
        Set<Integer> positions = courseIds().stream()
                .flatMap(id -> LESSONS.forCourse(id).orElseThrow().questions().stream())
                .map(QuizQuestion::answer)
                .collect(Collectors.toSet());

        assertThat(positions).hasSizeGreaterThan(1);
    }

    @Test
    void scoresThePercentageOfRightAnswersRoundedDown() {
        Lesson lesson = lesson(0, 1, 2);

        assertThat(lesson.score(List.of(1, 2, 3))).isZero();
        assertThat(lesson.score(List.of(0, 2, 3))).isEqualTo(33);
        assertThat(lesson.score(List.of(0, 1, 3))).isEqualTo(66);
        assertThat(lesson.score(List.of(0, 1, 2))).isEqualTo(100);
    }

    @Test
    void scoresAMissingChoiceAsWrong() {
        assertThat(lesson(3, 3, 3).score(Arrays.asList(3, null, 3))).isEqualTo(66);
        assertThat(lesson(3, 3, 3).score(Arrays.asList(null, null, null))).isZero();
    }

    @Test
    void refusesToScoreTheWrongNumberOfAnswers() {
        Lesson lesson = lesson(0, 1, 2);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> lesson.score(List.of(0, 1)))
                .withMessageContaining("3 questions but 2 answers");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> lesson.score(List.of(0, 1, 2, 3)))
                .withMessageContaining("3 questions but 4 answers");
        assertThatIllegalArgumentException().isThrownBy(() -> lesson.score(null));
    }

    @Test
    void aQuestionNeedsFourChoicesAndAnAnswerAmongThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuizQuestion("Which?", List.of("a", "b", "c"), 0))
                .withMessageContaining("exactly 4 choices");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuizQuestion("Which?", FOUR_CHOICES, 4))
                .withMessageContaining("answer 4");
        assertThatIllegalArgumentException().isThrownBy(() -> new QuizQuestion("Which?", FOUR_CHOICES, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new QuizQuestion(" ", FOUR_CHOICES, 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuizQuestion("Which?", List.of("a", "b", "a", "d"), 0));
    }

    @Test
    void passMarkIsSeventyPercent() {
        assertThat(BuiltInLessons.PASS_MARK).isEqualTo(70);
        assertThat(lesson(0, 1, 2).score(List.of(0, 1, 3))).isLessThan(BuiltInLessons.PASS_MARK);
    }

    @Test
    void failsFastOnAFileThatIsNotJson() {
        assertThatIllegalStateException()
                .isThrownBy(() -> load("[{\"courseId\": \"x\", "))
                .withMessageContaining("built-in lessons")
                .withMessageContaining("not valid");
    }

    @Test
    void failsFastOnAQuestionWithTooFewChoices() {
        String json = """
                [{"courseId": "x", "lesson": ["one", "two", "three"], "questions": [
                  {"prompt": "p1", "choices": ["a", "b", "c", "d"], "answer": 0},
                  {"prompt": "p2", "choices": ["a", "b", "c"], "answer": 1},
                  {"prompt": "p3", "choices": ["a", "b", "c", "d"], "answer": 2}]}]
                """;

        assertThatIllegalStateException()
                .isThrownBy(() -> load(json))
                .withMessageContaining("course x")
                .withMessageContaining("exactly 4 choices");
    }

    @Test
    void failsFastOnAQuestionWithoutAnAnswer() {
        String json = """
                [{"courseId": "x", "lesson": ["one", "two", "three"], "questions": [
                  {"prompt": "p1", "choices": ["a", "b", "c", "d"]},
                  {"prompt": "p2", "choices": ["a", "b", "c", "d"], "answer": 1},
                  {"prompt": "p3", "choices": ["a", "b", "c", "d"], "answer": 2}]}]
                """;

        assertThatIllegalStateException().isThrownBy(() -> load(json)).withMessageContaining("no answer");
    }

    @Test
    void failsFastOnTooFewParagraphsOrQuestions() {
        String shortLesson = """
                [{"courseId": "x", "lesson": ["one", "two"], "questions": [
                  {"prompt": "p1", "choices": ["a", "b", "c", "d"], "answer": 0},
                  {"prompt": "p2", "choices": ["a", "b", "c", "d"], "answer": 1},
                  {"prompt": "p3", "choices": ["a", "b", "c", "d"], "answer": 2}]}]
                """;
        String shortQuiz = """
                [{"courseId": "x", "lesson": ["one", "two", "three"], "questions": [
                  {"prompt": "p1", "choices": ["a", "b", "c", "d"], "answer": 0}]}]
                """;

        assertThatIllegalStateException().isThrownBy(() -> load(shortLesson)).withMessageContaining("paragraphs");
        assertThatIllegalStateException().isThrownBy(() -> load(shortQuiz)).withMessageContaining("3 questions");
    }

    @Test
    void failsFastOnAnUnknownFieldOrADuplicateCourse() {
        String entry = """
                {"courseId": "x", "lesson": ["one", "two", "three"], "questions": [
                  {"prompt": "p1", "choices": ["a", "b", "c", "d"], "answer": 0},
                  {"prompt": "p2", "choices": ["a", "b", "c", "d"], "answer": 1},
                  {"prompt": "p3", "choices": ["a", "b", "c", "d"], "answer": 2}]}
                """;

        assertThat(load("[" + entry + "]").forCourse("x")).isPresent();
        assertThatIllegalStateException()
                .isThrownBy(() -> load("[" + entry + "," + entry + "]"))
                .withMessageContaining("more than one entry for course x");
        assertThatIllegalStateException()
                .isThrownBy(() -> load("[" + entry.replace("\"lesson\"", "\"lessons\"") + "]"))
                .withMessageContaining("not valid");
    }

    private static BuiltInLessons load(String json) {
        return new BuiltInLessons(new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8), "test lessons"));
    }

    private static Lesson lesson(int... answers) {
        List<QuizQuestion> questions = Arrays.stream(answers)
                .mapToObj(answer -> new QuizQuestion("Question?", FOUR_CHOICES, answer))
                .toList();
        return new Lesson("test-course", List.of("One.", "Two.", "Three."), questions);
    }
}
