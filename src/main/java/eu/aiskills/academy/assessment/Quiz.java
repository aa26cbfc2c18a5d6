package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

/**
 * A quiz of a lesson: {@code questions} drawn per attempt from its bank, the {@code passMark}
 * (score out of 100) that passes it and completes its lesson, {@code attemptsAllowed}, the
 * {@code timeLimit} of one attempt (null: none) and when answers and feedback are shown.
 */
public record Quiz(UUID id, String slug, String title, String courseSlug, String lessonSlug, int questions, boolean shuffle,
                   BigDecimal passMark, int attemptsAllowed, Duration timeLimit, ShowAnswers showAnswers) {

    /** When a learner sees which answers were right and each question's feedback. */
    public enum ShowAnswers {
        /** After each attempt is submitted. */
        AFTER_EACH,
        /** Once the last attempt allowed is submitted, or the quiz is passed. */
        AFTER_LAST,
        /** Never: the score only. */
        NEVER
    }

    public boolean timed() {
        return timeLimit != null;
    }
}
