package eu.aiskills.academy.catalogue;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A lesson in a course's outline. {@code module} groups lessons under a heading (null: none);
 * {@code required} lessons count towards completion. {@code completion} says what completes it:
 * a lesson with a {@code passScore} (0–100) is completed by passing its graded lab with at least
 * that score, a {@code QUIZ} lesson by passing its quiz; neither can be marked done by hand.
 */
public record LessonSummary(UUID id, String slug, int position, String title, int minutes, String module,
                            boolean required, BigDecimal passScore, LessonCompletion completion) {

    /** Completed by an assessment (a lab or a quiz), not by being marked done. */
    public boolean graded() {
        return completion != LessonCompletion.DONE;
    }
}
