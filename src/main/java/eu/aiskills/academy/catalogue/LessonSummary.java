package eu.aiskills.academy.catalogue;

import java.util.UUID;

/**
 * A lesson in a course's outline. {@code module} groups lessons under a heading (null: none);
 * {@code required} lessons count towards completion; a lesson with a {@code passScore} (0–100)
 * is completed by passing its graded lab with at least that score, not by being marked done.
 */
public record LessonSummary(UUID id, String slug, int position, String title, int minutes, String module,
                            boolean required, java.math.BigDecimal passScore) {

    public boolean graded() {
        return passScore != null;
    }
}
