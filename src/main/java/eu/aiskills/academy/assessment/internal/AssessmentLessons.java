package eu.aiskills.academy.assessment.internal;

import eu.aiskills.academy.catalogue.LessonAssessments;
import eu.aiskills.academy.catalogue.LessonCompletion;
import org.springframework.stereotype.Component;

/** A lesson completed by its quiz or assignment has one. */
@Component
class AssessmentLessons implements LessonAssessments {

    private final QuizStore quizzes;
    private final AssignmentStore assignments;

    AssessmentLessons(QuizStore quizzes, AssignmentStore assignments) {
        this.quizzes = quizzes;
        this.assignments = assignments;
    }

    @Override
    public boolean provides(String courseSlug, String lessonSlug, LessonCompletion rule) {
        return switch (rule) {
            case QUIZ -> !quizzes.ofLesson(courseSlug, lessonSlug).isEmpty();
            case ASSIGNMENT -> !assignments.ofLesson(courseSlug, lessonSlug).isEmpty();
            default -> false;
        };
    }
}
