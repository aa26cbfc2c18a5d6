package eu.aiskills.academy.catalogue;

import java.util.UUID;

/**
 * A lesson in a course's outline. {@code module} groups lessons under a heading (null: none);
 * {@code required} lessons count towards completion.
 */
public record LessonSummary(UUID id, String slug, int position, String title, int minutes, String module,
                            boolean required) {
}
