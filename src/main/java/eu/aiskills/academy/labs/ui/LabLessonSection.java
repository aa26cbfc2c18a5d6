package eu.aiskills.academy.labs.ui;

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
import eu.aiskills.academy.catalogue.LessonContent;
import eu.aiskills.academy.catalogue.ui.LessonPageSection;
import eu.aiskills.academy.labs.LabTemplate;
import eu.aiskills.academy.labs.Labs;

/** A lesson's labs on its page, each one click from its notebook. */
@org.springframework.stereotype.Component
class LabLessonSection implements LessonPageSection {

    private final Labs labs;

    LabLessonSection(Labs labs) {
        this.labs = labs;
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public Optional<Component> create(LessonContent lesson) {
        List<LabTemplate> found = labs.ofLesson(lesson.course().slug(), lesson.lesson().slug());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        Div section = new Div(new H2(ui.getTranslation("lab.section.title")));
        section.addClassName("academy-lab-section");
        for (LabTemplate lab : found) {
            RouterLink open = new RouterLink(ui.getTranslation("lab.section.open", lab.title()), LabView.class,
                    new RouteParameters(Map.of(LabView.SLUG, lab.slug())));
            open.addComponentAsFirst(VaadinIcon.LAPTOP.create());
            open.addClassName("academy-lab-open");
            Paragraph meta = new Paragraph(ui.getTranslation(lab.graded() ? "lab.section.graded" : "lab.section.practice",
                    lab.minutes(), String.join(", ", lab.packages())));
            meta.addClassName("academy-note");
            section.add(new Div(open), meta);
        }
        return Optional.of(section);
    }
}
