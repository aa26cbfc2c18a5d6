package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A learner's attempt as they see it: the questions it presents (without their answers), the
 * answers saved so far, the server's deadline (null: untimed) and, once submitted, its result.
 */
public record Attempt(AttemptId id, String quizSlug, int number, Instant startedAt, Instant deadline, List<Shown> questions,
                      Map<String, List<String>> answers, Result result) {

    public Attempt {
        questions = List.copyOf(questions);
        answers = Map.copyOf(answers);
    }

    public boolean submitted() {
        return result != null;
    }

    /** A choice as shown: its key (what a response names) and its text. */
    public record Choice(String key, String text) {
    }

    /**
     * One question as shown: its kind ({@code single}, {@code multiple}, {@code true-false},
     * {@code numeric}, {@code text}, {@code matching}, {@code ordering}), prompt and points; the
     * options, matches or items in the order shown; for matching, the prompts to match.
     */
    public record Shown(String key, String kind, String prompt, int points, List<Choice> choices, List<Choice> prompts) {
        public Shown {
            choices = List.copyOf(choices);
            prompts = List.copyOf(prompts);
        }
    }

    /**
     * A submitted attempt's outcome: score out of 100, whether it passes, how it was submitted
     * ({@code learner} or {@code deadline}) and when; per question, what it earned and, when the
     * quiz shows them, the feedback and the right answer.
     */
    public record Result(BigDecimal score, boolean passed, String submittedBy, Instant submittedAt, List<Marked> questions,
                         boolean answersShown) {
        public Result {
            questions = List.copyOf(questions);
        }
    }

    /** One question's mark: points earned of its points; {@code feedback} and {@code rightAnswer} are null when not shown. */
    public record Marked(String key, BigDecimal earned, int points, List<String> feedback, String rightAnswer) {
        public Marked {
            feedback = feedback == null ? List.of() : List.copyOf(feedback);
        }
    }
}
