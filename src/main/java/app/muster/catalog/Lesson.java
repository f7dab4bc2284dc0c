package app.muster.catalog;

import java.util.List;

/** The built-in content of a course: a short lesson, in paragraphs, and its quiz. */
public record Lesson(String courseId, List<String> paragraphs, List<QuizQuestion> questions) {

    public Lesson {
        if (courseId == null || courseId.isBlank()) {
            throw new IllegalArgumentException("A lesson needs a course id");
        }
        if (paragraphs == null || paragraphs.isEmpty()) {
            throw new IllegalArgumentException("Lesson " + courseId + " has no paragraphs");
        }
        if (paragraphs.stream().anyMatch(paragraph -> paragraph == null || paragraph.isBlank())) {
            throw new IllegalArgumentException("Lesson " + courseId + " has a blank paragraph");
        }
        if (questions == null || questions.isEmpty()) {
            throw new IllegalArgumentException("Lesson " + courseId + " has no quiz questions");
        }
        if (questions.contains(null)) {
            throw new IllegalArgumentException("Lesson " + courseId + " has a missing quiz question");
        }
        paragraphs = List.copyOf(paragraphs);
        questions = List.copyOf(questions);
    }

    /**
     * The quiz score in percent (0-100, rounded down).
     *
     * @param chosenAnswers the index chosen for each question, in question order; a null entry (no choice) counts
     *                      as wrong
     * @throws IllegalArgumentException if there is not exactly one entry per question
     */
    public int score(List<Integer> chosenAnswers) {
        if (chosenAnswers == null) {
            throw new IllegalArgumentException("Lesson " + courseId + ": the chosen answers are missing");
        }
        if (chosenAnswers.size() != questions.size()) {
            throw new IllegalArgumentException("Lesson " + courseId + " has " + questions.size() + " questions but "
                    + chosenAnswers.size() + " answers were given");
        }
        int right = 0;
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).isRight(chosenAnswers.get(i))) {
                right++;
            }
        }
        return right * 100 / questions.size();
    }
}
