package eu.aiskills.academy.catalogue;

/**
 * What completes a lesson: the learner reading it (opening its page while enrolled), marking it
 * done, or passing its graded lab (with the lesson's pass score), its quiz (with the quiz's pass
 * mark) or its assignment (graded against its rubric). Only {@code DONE} lessons may be marked
 * done by hand; only the assessed ones ({@link #assessed()}) verify skills and count in the grade.
 */
public enum LessonCompletion {
    READ, DONE, LAB, QUIZ, ASSIGNMENT;

    /** Completed by passing assessed work (a lab, a quiz, an assignment), not by reading or a tick. */
    public boolean assessed() {
        return this == LAB || this == QUIZ || this == ASSIGNMENT;
    }

    public String messageKey() {
        return "lesson.completion." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
