package app.muster.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A multiple-choice question of a built-in lesson: a prompt, exactly four choices and the index of the right one.
 */
public record QuizQuestion(String prompt, List<String> choices, int answer) {

    /** How many choices every question offers. */
    public static final int CHOICES = 4;

    public QuizQuestion {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("A quiz question needs a prompt");
        }
        if (choices == null || choices.size() != CHOICES) {
            throw new IllegalArgumentException("Question \"" + prompt + "\" needs exactly " + CHOICES
                    + " choices but has " + (choices == null ? 0 : choices.size()));
        }
        if (choices.stream().anyMatch(choice -> choice == null || choice.isBlank())) {
            throw new IllegalArgumentException("Question \"" + prompt + "\" has a blank choice");
        }
        if (new HashSet<>(choices).size() != CHOICES) {
            throw new IllegalArgumentException("Question \"" + prompt + "\" repeats a choice");
        }
        if (answer < 0 || answer >= CHOICES) {
            throw new IllegalArgumentException("Question \"" + prompt + "\" has answer " + answer
                    + ", expected an index from 0 to " + (CHOICES - 1));
        }
        choices = List.copyOf(choices);
    }

    /** Whether the chosen index is the right answer; no choice (null) is wrong. */
    public boolean isRight(Integer chosen) {
        return Objects.equals(chosen, answer);
    }
}
