package eu.aiskills.academy.catalogue;

import java.util.Optional;

/**
 * Where a course's authors write the assessed work that completes a lesson (a quiz, a lab), as
 * the module that holds that work offers it, without the catalogue depending on it: the course
 * editor links each such lesson to its editor. Implementations are Spring beans (views' helpers).
 */
public interface LessonEditors {

    /** The editor's address (a route, without a leading '/') for a lesson completed by {@code rule}, when this module has one. */
    Optional<String> editor(CourseId course, String lessonSlug, LessonCompletion rule);
}
