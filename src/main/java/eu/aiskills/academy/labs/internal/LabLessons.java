package eu.aiskills.academy.labs.internal;

import eu.aiskills.academy.catalogue.LessonAssessments;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.labs.LabTemplate;
import org.springframework.stereotype.Component;

/** A lesson completed by its graded lab has one. */
@Component
class LabLessons implements LessonAssessments {

    private final LabTemplateStore templates;

    LabLessons(LabTemplateStore templates) {
        this.templates = templates;
    }

    @Override
    public boolean provides(String courseSlug, String lessonSlug, LessonCompletion rule) {
        return rule == LessonCompletion.LAB && templates.ofLesson(courseSlug, lessonSlug).stream().anyMatch(LabTemplate::graded);
    }
}
