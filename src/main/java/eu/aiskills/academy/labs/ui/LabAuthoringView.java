package eu.aiskills.academy.labs.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.labs.LabDraft;
import eu.aiskills.academy.labs.LabTemplate;
import eu.aiskills.academy.labs.Labs;
import eu.aiskills.academy.shared.Translations;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.UploadTexts;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/**
 * An instructor publishes a lab for a lesson: a Jupyter notebook in which cells tagged
 * {@code hidden-test} are the graded checks (hidden from learners), and what a session needs.
 */
@Route("teaching/labs/publish")
@RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
class LabAuthoringView extends VerticalLayout implements HasDynamicTitle {

    private final transient Labs labs;
    private final Select<CourseDetail> course = new Select<>();
    private final Select<LessonSummary> lesson = new Select<>();
    private final TextField title = new TextField();
    private final IntegerField gpus = new IntegerField();
    private final IntegerField memory = new IntegerField();
    private final IntegerField minutes = new IntegerField();
    private final IntegerField idle = new IntegerField();
    private final Span file = new Span();
    private final Div result = new Div();
    /** The uploaded notebook, as the binder reads it. */
    private final ReadOnlyHasValue<byte[]> notebook = new ReadOnlyHasValue<>(bytes -> { });
    private final RecordBinder<LabDraft> binder = new RecordBinder<>(LabDraft.class, Map.of("lesson", "lessonSlug",
            "resources", "memoryMb"));

    LabAuthoringView(Labs labs, Catalogue catalogue) {
        this.labs = labs;
        addClassName("academy-lab-authoring");
        add(new H1(getTranslation("lab.authoring.title-page")), new Paragraph(getTranslation("lab.authoring.intro")));
        List<CourseDetail> taught = catalogue.taughtCourses();
        course.setLabel(getTranslation("lab.usage.course"));
        course.setItems(taught);
        course.setItemLabelGenerator(c -> c.summary().title());
        lesson.setLabel(getTranslation("lab.authoring.lesson-field"));
        lesson.setItemLabelGenerator(l -> l.position() + ". " + l.title());
        course.addValueChangeListener(change -> {
            lesson.setItems(change.getValue() == null ? List.of() : change.getValue().lessons());
            if (change.getValue() != null && !change.getValue().lessons().isEmpty()) {
                lesson.setValue(change.getValue().lessons().getFirst());
            }
        });
        // The lesson's choices follow the course: the course is bound (and set) first.
        title.setLabel(getTranslation("lab.authoring.title-field"));
        title.setMaxLength(LabDraft.TITLE_MAX);
        title.setRequired(true);
        number(gpus, "lab.authoring.gpus", 0, 8);
        gpus.setHelperText(getTranslation("lab.authoring.gpus-help"));
        number(memory, "lab.authoring.memory", 256, 65_536);
        number(minutes, "lab.authoring.minutes", 5, 480);
        number(idle, "lab.authoring.idle", 5, 240);
        binder.forField(course).withConverter(c -> c == null ? null : c.summary().slug(),
                (String slug) -> taught.stream().filter(c -> c.summary().slug().equals(slug)).findFirst().orElse(null)).bind("courseSlug");
        binder.forField(lesson).withConverter(l -> l == null ? null : l.slug(), (String slug) -> course.getValue() == null ? null
                : course.getValue().lessons().stream().filter(l -> l.slug().equals(slug)).findFirst().orElse(null)).bind("lessonSlug");
        binder.forField(title).bind("title");
        binder.forField(notebook).bind("notebook");
        binder.forField(gpus).withConverter(LabAuthoringView::value, n -> n).bind("gpus");
        binder.forField(memory).withConverter(LabAuthoringView::value, n -> n).bind("memoryMb");
        binder.forField(minutes).withConverter(LabAuthoringView::value, n -> n).bind("minutes");
        binder.forField(idle).withConverter(LabAuthoringView::value, n -> n).bind("idleMinutes");
        add(new FormLayout(course, lesson, title, gpus, memory, minutes, idle));

        Locale locale = getLocale();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            String name = metadata.fileName();
            if (ui != null) {
                // The form's fields change under the session's lock, as the binder listens to them.
                ui.access(() -> {
                    notebook.setValue(bytes);
                    file.setText(Translations.get(locale, "lab.authoring.file", name, bytes.length / 1024));
                });
            } else {
                notebook.setValue(bytes);
            }
        }));
        upload.setAcceptedFileTypes(".ipynb");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(LabDraft.NOTEBOOK_MAX_BYTES);
        upload.setI18n(UploadTexts.of(locale));
        upload.addFileRejectedListener(e -> Views.error(getTranslation("documents.rejection", e.getFileName(), e.getErrorMessage())));
        Paragraph hint = new Paragraph(getTranslation("lab.authoring.hint", LabDraft.NOTEBOOK_MAX_BYTES / (1024 * 1024)));
        hint.addClassName("academy-note");
        Button publish = new Button(getTranslation("lab.authoring.publish"), click -> publish());
        publish.addThemeVariants(ButtonVariant.PRIMARY);
        result.getElement().setAttribute("role", "status");
        add(hint, upload, file, publish, result);
        CourseDetail first = taught.isEmpty() ? null : taught.getFirst();
        binder.readRecord(new LabDraft(first == null ? null : first.summary().slug(), first == null || first.lessons().isEmpty() ? null
                : first.lessons().getFirst().slug(), "", null, 0, 2048, 60, 20));
    }

    private void number(IntegerField field, String label, int min, int max) {
        field.setLabel(getTranslation(label));
        field.setMin(min);
        field.setMax(max);
        field.setStepButtonsVisible(true);
    }

    private void publish() {
        result.removeAll();
        LabDraft draft = binder.write();
        if (draft.courseSlug() == null || draft.lessonSlug() == null) {
            Views.error(getTranslation("lab.authoring.lesson"));
            return;
        }
        try {
            LabTemplate lab = labs.publish(draft);
            Paragraph done = new Paragraph(getTranslation("lab.authoring.published", lab.title(), lab.checkCount()));
            RouterLink open = new RouterLink(getTranslation("lab.section.open", lab.title()), LabView.class,
                    new RouteParameters(Map.of(LabView.SLUG, lab.slug())));
            result.add(done, open);
            Views.success(getTranslation("lab.authoring.published", lab.title(), lab.checkCount()));
        } catch (UserFacingException e) {
            Views.showRejection(this, e, binder.fields());
        }
    }

    private static int value(Integer number) {
        return number == null ? -1 : number;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "lab.authoring.title-page");
    }
}
