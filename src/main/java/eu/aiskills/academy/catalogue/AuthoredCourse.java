package eu.aiskills.academy.catalogue;

import java.util.List;
import java.util.UUID;

/**
 * A course as its authors edit it: the draft fields, lessons with their Markdown, runs, status,
 * and where it stands in change control ({@link Revision}).
 */
public record AuthoredCourse(CourseId id, String slug, CourseStatus status, String reviewNote, CourseDraft draft,
                             List<Lesson> lessons, List<CourseRun> runs, Revision revision) {

    public AuthoredCourse {
        lessons = List.copyOf(lessons);
        runs = List.copyOf(runs);
    }

    /**
     * A course's revision: its number (the published one for a course, the one it will get for a
     * revision), the published course a revision changes ({@code of}; null for a course), a
     * course's open revision ({@code open}; null when none), and whether a revision is minor.
     */
    public record Revision(int number, CourseId of, CourseId open, boolean minor) {

        public boolean isRevision() {
            return of != null;
        }
    }

    /** A lesson with its id and place. */
    public record Lesson(UUID id, String slug, int position, LessonDraft draft) {
    }
}
