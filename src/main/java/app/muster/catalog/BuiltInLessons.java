package app.muster.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lesson and quiz of every built-in course, read once at startup from {@code lessons/lessons.json} on the class
 * path. A malformed file stops the application from starting.
 */
@Component
public class BuiltInLessons {

    /** The quiz score, in percent, a learner needs to pass a course. */
    public static final int PASS_MARK = 70;

    static final String LOCATION = "lessons/lessons.json";
    static final int MIN_PARAGRAPHS = 3;
    static final int MAX_PARAGRAPHS = 5;
    static final int QUESTIONS = 3;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Map<String, Lesson> byCourse;

    BuiltInLessons() {
        this(new ClassPathResource(LOCATION));
    }

    BuiltInLessons(Resource resource) {
        this.byCourse = load(resource);
    }

    /** The built-in lesson of a course, or empty if the course has none. */
    public Optional<Lesson> forCourse(String courseId) {
        return courseId == null ? Optional.empty() : Optional.ofNullable(byCourse.get(courseId));
    }

    private static Map<String, Lesson> load(Resource resource) {
        String source = resource.getDescription();
        List<LessonEntry> entries;
        try (InputStream in = resource.getInputStream()) {
            entries = JSON.readValue(in, new TypeReference<List<LessonEntry>>() {});
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read the built-in lessons from " + source + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    "The built-in lessons in " + source + " are not valid: " + e.getOriginalMessage() + where(e), e);
        }
        if (entries == null || entries.isEmpty()) {
            throw new IllegalStateException("The built-in lessons in " + source + " are empty");
        }
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Lesson lesson = toLesson(source, i + 1, entries.get(i));
            if (lessons.putIfAbsent(lesson.courseId(), lesson) != null) {
                throw new IllegalStateException("The built-in lessons in " + source + " have more than one entry for "
                        + "course " + lesson.courseId());
            }
        }
        return Map.copyOf(lessons);
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static Lesson toLesson(String source, int number, LessonEntry entry) {
        String where = "The built-in lessons in " + source + ", entry " + number;
        if (entry == null) {
            throw new IllegalStateException(where + ", are not valid: the entry is null");
        }
        where += " (course " + entry.courseId() + ")";
        try {
            if (entry.lesson() == null
                    || entry.lesson().size() < MIN_PARAGRAPHS
                    || entry.lesson().size() > MAX_PARAGRAPHS) {
                throw new IllegalArgumentException(
                        "the lesson needs " + MIN_PARAGRAPHS + " to " + MAX_PARAGRAPHS + " paragraphs but has "
                                + (entry.lesson() == null ? 0 : entry.lesson().size()));
            }
            if (entry.questions() == null || entry.questions().size() != QUESTIONS) {
                throw new IllegalArgumentException("the quiz needs exactly " + QUESTIONS + " questions but has "
                        + (entry.questions() == null ? 0 : entry.questions().size()));
            }
            List<QuizQuestion> questions = new ArrayList<>();
            for (QuestionEntry question : entry.questions()) {
                if (question == null || question.answer() == null) {
                    throw new IllegalArgumentException("question " + (questions.size() + 1) + " has no answer");
                }
                questions.add(new QuizQuestion(question.prompt(), question.choices(), question.answer()));
            }
            return new Lesson(entry.courseId(), entry.lesson(), questions);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ", are not valid: " + e.getMessage(), e);
        }
    }

    /** One entry of the lessons file, as written. */
    record LessonEntry(String courseId, List<String> lesson, List<QuestionEntry> questions) {}

    /** One quiz question of the lessons file, as written. */
    record QuestionEntry(String prompt, List<String> choices, Integer answer) {}
}
