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
import eu.aiskills.academy.assessment.Assignment;
import eu.aiskills.academy.assessment.Assignments;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonContent;
import eu.aiskills.academy.catalogue.ui.LessonPageSection;

/** A lesson's assignments on its page: what each asks for and how it is graded, one click from handing in. */
@org.springframework.stereotype.Component
class AssignmentLessonSection implements LessonPageSection {

    private final Assignments assignments;

    AssignmentLessonSection(Assignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public Optional<Component> create(LessonContent lesson) {
        List<Assignment> found = assignments.ofLesson(lesson.course().slug(), lesson.lesson().slug());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        Div section = new Div(new H2(ui.getTranslation("assignment.section.title")));
        section.addClassNames("academy-quiz-section", "academy-assignment-section");
        for (Assignment assignment : found) {
            RouterLink open = new RouterLink(ui.getTranslation("assignment.section.open", assignment.title()), AssignmentView.class,
                    new RouteParameters(Map.of(AssignmentView.SLUG, assignment.slug())));
            open.addComponentAsFirst(VaadinIcon.FILE_TEXT_O.create());
            open.addClassName("academy-assignment-open");
            Paragraph meta = new Paragraph(AssignmentView.facts(ui, assignment)
                    + (lesson.lesson().completion() == LessonCompletion.ASSIGNMENT ? " " + ui.getTranslation("assignment.section.completes") : ""));
            meta.addClassName("academy-note");
            section.add(new Div(open), meta);
        }
        return Optional.of(section);
    }
}
