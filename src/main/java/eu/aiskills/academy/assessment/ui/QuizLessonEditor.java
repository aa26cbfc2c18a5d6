package eu.aiskills.academy.assessment.ui;

import java.util.Optional;

import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonEditors;
import org.springframework.stereotype.Component;

/** The course editor links a lesson completed by its quiz to the quiz editor. */
@Component
class QuizLessonEditor implements LessonEditors {

    @Override
    public Optional<String> editor(CourseId course, String lessonSlug, LessonCompletion rule) {
        return rule == LessonCompletion.QUIZ ? Optional.of(QuizEditorView.path(course, lessonSlug)) : Optional.empty();
    }
}
