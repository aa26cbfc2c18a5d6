package eu.aiskills.academy.catalogue;

import java.util.List;
import java.util.UUID;

/** A course as its authors edit it: the draft fields, lessons with their Markdown, runs, status. */
public record AuthoredCourse(CourseId id, String slug, CourseStatus status, String reviewNote, CourseDraft draft,
                             List<Lesson> lessons, List<CourseRun> runs) {

    public AuthoredCourse {
        lessons = List.copyOf(lessons);
        runs = List.copyOf(runs);
    }

    /** A lesson with its id and place. */
    public record Lesson(UUID id, String slug, int position, LessonDraft draft) {
    }
}
