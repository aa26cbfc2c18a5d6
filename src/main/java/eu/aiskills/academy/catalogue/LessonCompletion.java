package eu.aiskills.academy.catalogue;

/**
 * What completes a lesson: the learner marking it done, passing its graded lab (with the
 * lesson's pass score), or passing its quiz (with the quiz's pass mark). Only {@code DONE}
 * lessons may be marked done by hand.
 */
public enum LessonCompletion {
    DONE, LAB, QUIZ
}
