package eu.aiskills.academy.catalogue;

/**
 * Whether a lesson has the assessed work its completion rule needs (a graded lab, a quiz, an
 * assignment), as the modules that hold that work know it, without the catalogue depending on
 * them: a course is not submitted for review with a lesson no learner could complete.
 * Implementations are Spring beans.
 */
public interface LessonAssessments {

    /** Whether the course's lesson has work that completes it by {@code rule} ({@code LAB}, {@code QUIZ} or {@code ASSIGNMENT}). */
    boolean provides(String courseSlug, String lessonSlug, LessonCompletion rule);
}
