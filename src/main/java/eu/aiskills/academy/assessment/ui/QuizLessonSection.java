package eu.aiskills.academy.assessment.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.assessment.Quiz;
import eu.aiskills.academy.assessment.Quizzes;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonContent;
import eu.aiskills.academy.catalogue.ui.LessonPageSection;

/** A lesson's quizzes on its page: what each asks and passes with, one click from taking it. */
@org.springframework.stereotype.Component
class QuizLessonSection implements LessonPageSection {

    private final Quizzes quizzes;

    QuizLessonSection(Quizzes quizzes) {
        this.quizzes = quizzes;
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public Optional<Component> create(LessonContent lesson) {
        List<Quiz> found = quizzes.ofLesson(lesson.course().slug(), lesson.lesson().slug());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        Div section = new Div(new H2(ui.getTranslation("quiz.section.title")));
        section.addClassName("academy-quiz-section");
        for (Quiz quiz : found) {
            RouterLink open = new RouterLink(ui.getTranslation("quiz.section.open", quiz.title()), QuizView.class,
                    new RouteParameters(Map.of(QuizView.SLUG, quiz.slug())));
            open.addComponentAsFirst(VaadinIcon.QUESTION_CIRCLE_O.create());
            open.addClassName("academy-quiz-open");
            Paragraph meta = new Paragraph(QuizView.facts(ui, quiz)
                    + (lesson.lesson().completion() == LessonCompletion.QUIZ ? " " + ui.getTranslation("quiz.section.completes") : ""));
            meta.addClassName("academy-note");
            section.add(new Div(open), meta);
        }
        return Optional.of(section);
    }
}
