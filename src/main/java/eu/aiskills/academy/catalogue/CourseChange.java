package eu.aiskills.academy.catalogue;

import java.util.List;

/**
 * One difference between a published course and its revision, for the reviewer's side-by-side
 * view: what changed ({@code field}, a message key under {@code revision.field.}; for a lesson,
 * its title in {@code lesson}), the value before and after (for texts, {@code lines} side by side
 * instead), and whether it changes what the course certifies or how it is completed
 * ({@code structural}: outcomes, skills, completion rules, lessons added or removed...), which a
 * minor revision may not.
 */
public record CourseChange(String field, String lesson, String before, String after, boolean structural, List<Line> lines) {

    public CourseChange {
        lines = List.copyOf(lines);
    }

    /** One row of a side-by-side text diff; {@code SKIPPED} stands for {@code before} unchanged lines left out. */
    public record Line(Kind kind, String before, String after) {

        public enum Kind {
            SAME, CHANGED, ADDED, REMOVED, SKIPPED
        }
    }

    /** A change of a text (a quiz written out, say) that changes how the course is completed, with its lines side by side. */
    public static CourseChange ofText(String field, String lesson, String before, String after) {
        return new CourseChange(field, lesson, null, null, true, eu.aiskills.academy.catalogue.internal.CourseDiff.lines(before, after));
    }

    /** The change in English, one line, for the revision history and the audit. */
    public String summary() {
        String what = field.replace('-', ' ');
        return lesson == null ? what + " changed" : "lesson “" + lesson + "”: " + what;
    }
}
