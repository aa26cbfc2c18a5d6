package eu.aiskills.academy.enrolment.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonContent;
import eu.aiskills.academy.catalogue.ui.LessonPageSection;
import eu.aiskills.academy.enrolment.EnrolmentStatus;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/** "Done" on a lesson's page for a learner with a seat in the course, with the course's progress. */
@org.springframework.stereotype.Component
class LessonProgressSection implements LessonPageSection {

    private final Enrolments enrolments;
    private final LessonProgress progress;

    LessonProgressSection(Enrolments enrolments, LessonProgress progress) {
        this.enrolments = enrolments;
        this.progress = progress;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Component> create(LessonContent lesson) {
        return enrolments.seatIn(lesson.course().id()).map(seat -> {
            Div section = new Div();
            section.addClassName("academy-lesson-progress");
            render(section, lesson, seat);
            return section;
        });
    }

    private void render(Div section, LessonContent lesson, LearnerCourse seat) {
        section.removeAll();
        UI ui = UI.getCurrent();
        if (lesson.lesson().graded()) {
            boolean passed = seat.lessonsDone().contains(lesson.lesson().id());
            Span rule = lesson.lesson().completion() == LessonCompletion.QUIZ
                    ? new Span(ui.getTranslation(passed ? "progress.quiz-passed" : "progress.quiz-graded"))
                    : new Span(ui.getTranslation(passed ? "progress.lab-passed" : "progress.lab-graded",
                            lesson.lesson().passScore().stripTrailingZeros().toPlainString()));
            rule.addClassName(passed ? "academy-status" : "academy-progress-text");
            section.add(rule);
            addProgress(section, ui, seat);
            return;
        }
        Checkbox done = new Checkbox(ui.getTranslation("progress.lesson-done"), seat.lessonsDone().contains(lesson.lesson().id()));
        done.setReadOnly(seat.status() == EnrolmentStatus.COMPLETED);
        done.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                LearnerCourse updated = progress.markLesson(seat.id(), lesson.lesson().id(), change.getValue());
                if (updated.status() == EnrolmentStatus.COMPLETED && seat.status() != EnrolmentStatus.COMPLETED) {
                    Views.success(ui.getTranslation("progress.course-completed", lesson.course().title()));
                }
                render(section, lesson, updated);
            } catch (UserFacingException rejection) {
                Views.error(ui.getTranslation(rejection.messageKey(), rejection.arguments()));
            }
        });
        section.add(done);
        addProgress(section, ui, seat);
    }

    private static void addProgress(Div section, UI ui, LearnerCourse seat) {
        ProgressBar bar = new ProgressBar(0, 1, seat.progress());
        String label = ui.getTranslation("progress.summary", seat.lessonsDone().size(), seat.lessonCount());
        bar.getElement().setAttribute("aria-label", label);
        Span text = new Span(label);
        text.addClassName("academy-progress-text");
        section.add(bar, text);
        if (seat.status() == EnrolmentStatus.COMPLETED) {
            Span completed = new Span(ui.getTranslation("progress.completed"));
            completed.addClassName("academy-status");
            section.add(completed);
        }
    }
}
