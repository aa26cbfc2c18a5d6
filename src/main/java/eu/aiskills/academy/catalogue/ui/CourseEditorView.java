package eu.aiskills.academy.catalogue.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.AuthoredCourse;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseAuthoring;
import eu.aiskills.academy.catalogue.CourseDraft;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseReviews;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.catalogue.LessonEditors;
import eu.aiskills.academy.catalogue.RunStatus;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/**
 * The authoring form of a course: its description, what it teaches, its lessons and its runs;
 * preview, and submission for review. {@code teaching/courses/new} starts a new course.
 */
@Route("teaching/courses/:" + CourseEditorView.ID)
@RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
public class CourseEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";
    static final String NEW = "new";
    /** Languages a course can be taught in: the EU's official languages. */
    static final List<String> LANGUAGES = List.of("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu",
            "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv");

    private final transient CourseAuthoring authoring;
    private final transient CourseReviews reviews;
    private final transient Catalogue catalogue;
    private final transient Documents documents;
    private CourseId courseId;
    private final transient RevisionPanel revisions;
    private final transient List<LessonEditors> lessonEditors;
    /** In review nothing changes until the reviewer decides: the service refuses it, the form shows it. */
    private boolean locked;
    private String title = "";

    /** The description of the course; a new one each time the page is drawn. */
    CourseForm form;
    final Grid<AuthoredCourse.Lesson> lessons = new Grid<>();
    final Grid<CourseRun> runs = new Grid<>();

    CourseEditorView(CourseAuthoring authoring, CourseReviews reviews, Catalogue catalogue, Documents documents, RevisionPanel revisions,
                     List<LessonEditors> lessonEditors) {
        this.revisions = revisions;
        this.lessonEditors = List.copyOf(lessonEditors);
        this.reviews = reviews;
        this.authoring = authoring;
        this.catalogue = catalogue;
        this.documents = documents;
        addClassName("academy-editor");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID).orElse(NEW);
        if (NEW.equals(id)) {
            courseId = null;
            render(Optional.empty());
        } else {
            try {
                courseId = new CourseId(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("authoring.course-not-found");
            }
            render(Optional.of(authoring.authored(courseId)));
        }
    }

    private void render(Optional<AuthoredCourse> course) {
        removeAll();
        title = course.map(c -> c.draft().title()).orElse(getTranslation("authoring.new-course"));
        // The teaching overview belongs to enrolment's views, which depend on the catalogue: linked by its path.
        add(new com.vaadin.flow.component.html.Anchor("/teaching", getTranslation("teaching.back")), new H1(title));
        course.ifPresent(c -> add(status(c)));
        // In review nothing changes; a published course's content changes only through a revision.
        locked = course.map(c -> c.status() == CourseStatus.IN_REVIEW || (!c.revision().isRevision()
                && (c.status() == CourseStatus.PUBLISHED || c.status() == CourseStatus.ARCHIVED))).orElse(false);
        add(form(course.map(AuthoredCourse::draft)));
        course.ifPresent(c -> {
            add(new H2(getTranslation("authoring.lessons")), lessonsSection(c));
            if (!c.revision().isRevision()) {
                // Runs are scheduled on the course itself, published or not; a revision has none of its own.
                add(new H2(getTranslation("authoring.runs")), runsSection(c, c.status() == CourseStatus.IN_REVIEW));
            }
        });
    }

    private Div status(AuthoredCourse course) {
        Div status = new Div(new Badge(getTranslation("authoring.status." + course.status().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'))));
        status.addClassName("academy-actions");
        if (course.reviewNote() != null) {
            Paragraph note = new Paragraph(getTranslation("authoring.review-note", course.reviewNote()));
            note.addClassName("academy-callout");
            status.add(note);
        }
        RouterLink preview = new RouterLink(getTranslation("authoring.preview"), CoursePreviewView.class,
                new RouteParameters(CoursePreviewView.ID, course.id().value().toString()));
        status.add(preview);
        revisions.panel(this, course, () -> render(Optional.of(authoring.authored(course.id())))).ifPresent(status::add);
        if (course.status() == CourseStatus.DRAFT && !course.revision().isRevision()) {
            Button submit = new Button(getTranslation("authoring.submit"), click -> {
                try {
                    reviews.submitForReview(course.id());
                    Views.success(getTranslation("authoring.submitted"));
                    render(Optional.of(authoring.authored(course.id())));
                } catch (UserFacingException rejection) {
                    Views.error(getTranslation(rejection.messageKey(), rejection.arguments()));
                }
            });
            submit.addThemeVariants(ButtonVariant.SUCCESS);
            status.add(submit);
        }
        if (course.status() == CourseStatus.IN_REVIEW) {
            status.add(new Paragraph(getTranslation("authoring.in-review")));
        }
        return status;
    }

    private Div form(Optional<CourseDraft> draft) {
        form = new CourseForm(authoring, catalogue, courseId);
        form.read(draft);
        form.setReadOnly(locked);
        Button save = new Button(getTranslation(courseId == null ? "authoring.create" : "authoring.save"), click -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setVisible(!locked);
        Div wrapper = new Div(form, save);
        wrapper.addClassName("academy-form");
        return wrapper;
    }

    private void save() {
        CourseDraft draft = form.write();
        try {
            if (courseId == null) {
                CourseId created = authoring.create(draft);
                Views.success(getTranslation("authoring.created"));
                getUI().ifPresent(ui -> ui.navigate(CourseEditorView.class, new RouteParameters(ID, created.value().toString())));
            } else {
                authoring.update(courseId, draft);
                Views.success(getTranslation("authoring.saved"));
                render(Optional.of(authoring.authored(courseId)));
            }
        } catch (UserFacingException rejection) {
            Views.showRejection(this, rejection, form.fields());
        }
    }

    private Div lessonsSection(AuthoredCourse course) {
        lessons.removeAllColumns();
        lessons.addColumn(AuthoredCourse.Lesson::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        lessons.addColumn(l -> l.draft().title()).setHeader(getTranslation("authoring.field.title")).setKey("title");
        lessons.addColumn(l -> l.draft().module() == null ? "" : l.draft().module()).setHeader(getTranslation("authoring.field.module"));
        lessons.addColumn(l -> getTranslation("course.minutes", l.draft().minutes())).setHeader(getTranslation("authoring.field.minutes"));
        lessons.addColumn(l -> getTranslation(l.draft().completedBy().messageKey())).setHeader(getTranslation("authoring.field.completed-by"));
        lessons.addColumn(l -> getTranslation(l.draft().required() ? "authoring.required" : "course.optional"))
                .setHeader(getTranslation("authoring.field.required"));
        lessons.addComponentColumn(l -> lessonActions(course, l)).setHeader(getTranslation("authoring.actions"))
                .setKey("actions").setAutoWidth(true).setVisible(!locked);
        lessons.setItems(course.lessons());
        lessons.setAllRowsVisible(true);
        Button add = new Button(getTranslation("authoring.add-lesson"), VaadinIcon.PLUS.create(),
                click -> new LessonDialog(authoring, course, null, () -> render(Optional.of(authoring.authored(course.id())))).open());
        add.setVisible(!locked);
        return new Div(lessons, add);
    }

    private Div lessonActions(AuthoredCourse course, AuthoredCourse.Lesson lesson) {
        Button edit = iconButton(VaadinIcon.EDIT, getTranslation("authoring.edit", lesson.draft().title()),
                () -> new LessonDialog(authoring, course, lesson, () -> render(Optional.of(authoring.authored(course.id())))).open());
        Button up = iconButton(VaadinIcon.ARROW_UP, getTranslation("authoring.move-up", lesson.draft().title()),
                () -> act(() -> authoring.moveLesson(course.id(), lesson.id(), -1)));
        Button down = iconButton(VaadinIcon.ARROW_DOWN, getTranslation("authoring.move-down", lesson.draft().title()),
                () -> act(() -> authoring.moveLesson(course.id(), lesson.id(), 1)));
        Button delete = iconButton(VaadinIcon.TRASH, getTranslation("authoring.delete", lesson.draft().title()), () -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("authoring.delete-lesson.title"),
                    getTranslation("authoring.delete-lesson.text", lesson.draft().title()), getTranslation("authoring.delete-lesson.confirm"),
                    e -> act(() -> authoring.removeLesson(course.id(), lesson.id())));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.ERROR);
        Button attach = iconButton(VaadinIcon.PAPERCLIP, getTranslation("authoring.materials-of", lesson.draft().title()),
                () -> new MaterialsDialog(authoring, documents, course, lesson).open());
        Div actions = new Div(edit, attach);
        // The quiz or lab that completes the lesson is written in its own module's editor.
        for (LessonEditors editors : lessonEditors) {
            editors.editor(course.id(), lesson.slug(), lesson.draft().completedBy()).ifPresent(path -> actions.add(iconButton(
                    VaadinIcon.CLIPBOARD_CHECK, getTranslation(switch (lesson.draft().completedBy()) {
                        case QUIZ -> "authoring.editor.quiz";
                        default -> "authoring.editor.lab";
                    }, lesson.draft().title()), () -> getUI().ifPresent(ui -> ui.navigate(path)))));
        }
        actions.add(up, down, delete);
        actions.addClassName("academy-row-actions");
        return actions;
    }

    static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    private void act(Runnable change) {
        try {
            change.run();
            render(Optional.of(authoring.authored(courseId)));
        } catch (UserFacingException rejection) {
            Views.error(getTranslation(rejection.messageKey(), rejection.arguments()));
        }
    }

    private Div runsSection(AuthoredCourse course, boolean runsLocked) {
        runs.removeAllColumns();
        runs.addColumn(CourseRun::code).setHeader(getTranslation("authoring.field.code")).setKey("code");
        runs.addColumn(r -> getTranslation("enrol.run.heading", Views.date(this, r.startsOn()), Views.date(this, r.endsOn())))
                .setHeader(getTranslation("authoring.field.dates"));
        runs.addColumn(CourseRun::capacity).setHeader(getTranslation("authoring.field.capacity"));
        runs.addColumn(r -> getTranslation(r.mode().messageKey())).setHeader(getTranslation("authoring.field.mode"));
        runs.addColumn(r -> getTranslation(r.status() == RunStatus.CANCELLED ? "authoring.run.cancelled" : "authoring.run.scheduled"))
                .setHeader(getTranslation("authoring.field.status"));
        runs.addComponentColumn(r -> {
            Div actions = new Div();
            actions.addClassName("academy-row-actions");
            if (r.status() == RunStatus.SCHEDULED) {
                actions.add(iconButton(VaadinIcon.EDIT, getTranslation("authoring.edit", r.code()), () -> new RunDialog(authoring, course, r, () -> render(Optional.of(authoring.authored(course.id())))).open()));
                Button cancel = iconButton(VaadinIcon.BAN, getTranslation("authoring.cancel-run", r.code()), () -> {
                    ConfirmDialog confirm = new ConfirmDialog(getTranslation("authoring.cancel-run", r.code()),
                            getTranslation("authoring.cancel-run.text"), getTranslation("authoring.cancel-run.confirm"),
                            e -> act(() -> authoring.cancelRun(course.id(), r.id())));
                    confirm.setCancelable(true);
                    confirm.setCancelText(getTranslation("common.cancel"));
                    confirm.setConfirmButtonTheme("error primary");
                    confirm.open();
                });
                cancel.addThemeVariants(ButtonVariant.ERROR);
                actions.add(cancel);
            }
            return actions;
        }).setHeader(getTranslation("authoring.actions")).setAutoWidth(true).setVisible(!runsLocked);
        runs.setItems(course.runs());
        runs.setAllRowsVisible(true);
        Button add = new Button(getTranslation("authoring.add-run"), VaadinIcon.PLUS.create(), click -> new RunDialog(authoring, course, null, () -> render(Optional.of(authoring.authored(course.id())))).open());
        add.setVisible(!runsLocked);
        return new Div(runs, add);
    }

    static String languageName(String code) {
        Locale locale = Locale.of(code);
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1) + " (" + code + ")";
    }

    @Override
    public String getPageTitle() {
        return title + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
