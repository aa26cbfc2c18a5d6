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
        Optional<LearnerCourse> found = enrolments.seatIn(lesson.course().id());
        if (found.isPresent() && lesson.lesson().completion() == LessonCompletion.READ
                && !found.get().lessonsDone().contains(lesson.lesson().id())) {
            // Opening the page is the reading that completes the lesson.
            LearnerCourse before = found.get();
            found = progress.recordRead(lesson.course().id(), lesson.lesson().id()).or(() -> Optional.of(before));
            if (found.get().status() == EnrolmentStatus.COMPLETED && before.status() != EnrolmentStatus.COMPLETED) {
                Views.success(UI.getCurrent().getTranslation("progress.course-completed", lesson.course().title()));
            }
        }
        return found.map(seat -> {
            Div section = new Div();
            section.addClassName("academy-lesson-progress");
            render(section, lesson, seat);
            return section;
        });
    }

    private void render(Div section, LessonContent lesson, LearnerCourse seat) {
        section.removeAll();
        UI ui = UI.getCurrent();
        if (lesson.lesson().completion() != LessonCompletion.DONE) {
            boolean passed = seat.lessonsDone().contains(lesson.lesson().id());
            Span rule = switch (lesson.lesson().completion()) {
                case QUIZ -> new Span(ui.getTranslation(passed ? "progress.quiz-passed" : "progress.quiz-graded"));
                case ASSIGNMENT -> new Span(ui.getTranslation(passed ? "progress.assignment-passed" : "progress.assignment-graded"));
                case READ -> new Span(ui.getTranslation(passed ? "progress.read" : "progress.read-rule"));
                default -> new Span(ui.getTranslation(passed ? "progress.lab-passed" : "progress.lab-graded",
                        lesson.lesson().passScore().stripTrailingZeros().toPlainString()));
            };
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
