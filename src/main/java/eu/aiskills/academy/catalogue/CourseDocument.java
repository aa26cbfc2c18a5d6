package eu.aiskills.academy.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published course as other modules may index it: plain text (no markup), its lessons, and
 * the version that orders its changes (a newer version always replaces an older one); skills by
 * label, sectors by name, the delivery modes of its scheduled runs and the next start date
 * ({@code null}: none scheduled), and the scheduled runs themselves.
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
        List<Lesson> lessons,
        CourseFormat format,
        List<String> skills,
        List<String> sectors,
        List<String> modes,
        LocalDate nextStart,
        List<RunId> scheduledRuns) {

    public CourseDocument {
        lessons = List.copyOf(lessons);
        skills = List.copyOf(skills);
        sectors = List.copyOf(sectors);
        modes = List.copyOf(modes);
        scheduledRuns = List.copyOf(scheduledRuns);
    }

    /** A lesson of an indexed course; {@code materialText} is the text extracted from its materials ("" when none). */
    public record Lesson(String slug, int position, String title, String text, int minutes, String materialText) {
    }
}
