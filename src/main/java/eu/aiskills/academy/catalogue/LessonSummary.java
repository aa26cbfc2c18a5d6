package eu.aiskills.academy.catalogue;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A lesson in a course's outline. {@code module} groups lessons under a heading (null: none);
 * {@code required} lessons count towards completion. {@code completion} says what completes it:
 * a {@code LAB} lesson is completed by passing its graded lab with at least its {@code passScore}
 * (0–100), a {@code QUIZ} or {@code ASSIGNMENT} lesson by passing its quiz or assignment; none of
 * these can be marked done by hand. {@code weight} is the lesson's share of the course grade
 * (assessed lessons only; 0: not counted).
 */
public record LessonSummary(UUID id, String slug, int position, String title, int minutes, String module,
                            boolean required, BigDecimal passScore, LessonCompletion completion, int weight) {

    /** Completed by an assessment (a lab, a quiz or an assignment), not by being read or marked done. */
    public boolean graded() {
        return completion.assessed();
    }
}
