package eu.aiskills.academy.catalogue.ui;

import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseMaterials;
import eu.aiskills.academy.catalogue.LessonContent;
import eu.aiskills.academy.catalogue.LessonMaterial;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.Notebook;
import eu.aiskills.academy.shared.ui.Views;

/**
 * A lesson's notebook, read-only: Markdown cells rendered (sanitised), code cells as text with
 * the outputs saved with them. Running notebooks is the labs' work.
 */
@Route("courses/:" + NotebookView.COURSE + "/lessons/:" + NotebookView.LESSON + "/materials/:" + NotebookView.MATERIAL)
@AnonymousAllowed
class NotebookView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String COURSE = "course";
    static final String LESSON = "lesson";
    static final String MATERIAL = "material";

    private final transient Catalogue catalogue;
    private final transient CourseMaterials materials;
    private String title = "";

    NotebookView(Catalogue catalogue, CourseMaterials materials) {
        this.catalogue = catalogue;
        this.materials = materials;
        addClassName("academy-notebook");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String courseSlug = event.getRouteParameters().get(COURSE).orElse("");
        String lessonSlug = event.getRouteParameters().get(LESSON).orElse("");
        LessonContent lesson = catalogue.publishedLesson(courseSlug, lessonSlug)
                .orElseThrow(() -> new NotFoundException("catalogue.lesson-not-found", lessonSlug));
        UUID materialId;
        try {
            materialId = UUID.fromString(event.getRouteParameters().get(MATERIAL).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("catalogue.material-not-found");
        }
        LessonMaterial material = lesson.materials().stream().filter(m -> m.id().equals(materialId)).findFirst()
                .orElseThrow(() -> new NotFoundException("catalogue.material-not-found"));
        Notebook notebook = materials.notebook(materialId);
        title = material.title();
        removeAll();
        add(new RouterLink(lesson.lesson().title(), LessonView.class,
                new RouteParameters(Map.of(LessonView.COURSE, courseSlug, LessonView.LESSON, lessonSlug))), new H1(title));
        Paragraph note = new Paragraph(getTranslation("notebook.read-only"));
        note.addClassName("academy-note");
        add(note);
        int number = 0;
        for (Notebook.Cell cell : notebook.cells()) {
            Div box = new Div();
            box.addClassName("academy-cell");
            switch (cell.type()) {
                case MARKDOWN -> {
                    box.addClassNames("academy-prose", "academy-cell-markdown");
                    box.add(eu.aiskills.academy.shared.ui.RichText.markdown(cell.source()));
                }
                case CODE -> {
                    number++;
                    box.addClassName("academy-cell-code");
                    Span prompt = new Span("[" + number + "]");
                    prompt.addClassName("academy-cell-prompt");
                    prompt.getElement().setAttribute("aria-label", getTranslation("notebook.cell", number));
                    Pre source = new Pre(cell.source());
                    source.addClassName("academy-code");
                    source.getElement().setAttribute("data-language", notebook.language());
                    box.add(prompt, source);
                    for (Notebook.Output output : cell.outputs()) {
                        if (output.pngBase64() != null) {
                            box.add(new Image("data:image/png;base64," + output.pngBase64(), getTranslation("notebook.figure", number)));
                        } else if (output.text() != null) {
                            Pre text = new Pre(output.type() == Notebook.OutputType.ERROR ? output.name() + ": " + output.text() : output.text());
                            text.addClassName(output.error() ? "academy-output-error" : "academy-output");
                            box.add(text);
                        }
                    }
                }
                case RAW -> box.add(new Pre(cell.source()));
            }
            add(box);
        }
    }

    @Override
    public String getPageTitle() {
        return title + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
