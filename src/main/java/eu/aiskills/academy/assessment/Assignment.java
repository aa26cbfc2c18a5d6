package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * An assignment of a lesson: the brief (Markdown), what a learner hands in ({@link Accepts}, at
 * most {@code maxFiles} files checked by the documents module), the due date ({@code dueDays}
 * after the learner's run starts, at the end of that day in the run's time zone), whether late
 * work is taken (and marked late), the rubric it is graded against and the score that passes.
 */
public record Assignment(UUID id, String slug, String title, String courseSlug, String lessonSlug, String briefMarkdown,
                         Accepts accepts, int maxFiles, int dueDays, boolean lateAllowed, BigDecimal passMark, Rubric rubric) {

    /** Longest text answer kept, in characters. */
    public static final int TEXT_MAX = 20_000;

    /** What a submission holds: a text answer, files, or either (at least one of them). */
    public enum Accepts {
        TEXT, FILES, TEXT_OR_FILES;

        public boolean text() {
            return this != FILES;
        }

        public boolean files() {
            return this != TEXT;
        }
    }

    /** When work is due for a learner of a run starting {@code startsOn} in {@code zone}: the end of the due day. */
    public Instant dueAt(LocalDate startsOn, ZoneId zone) {
        return startsOn.plusDays(dueDays + 1L).atStartOfDay(zone).toInstant();
    }
}
