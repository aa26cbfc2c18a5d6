package eu.aiskills.academy.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A published course as other modules may index it: plain text (no markup), its lessons, and
 * the version that orders its changes (a newer version always replaces an older one).
 */
public record CourseDocument(
        CourseId id,
        String slug,
        String title,
        String summary,
        String descriptionText,
        CourseLevel level,
        String language,
        int workloadHours,
        BigDecimal ects,
        Instant updatedAt,
        long version,
        List<Lesson> lessons) {

    public CourseDocument {
        lessons = List.copyOf(lessons);
    }

    /** A lesson of an indexed course. */
    public record Lesson(String slug, int position, String title, String text, int minutes) {
    }
}
