package eu.aiskills.academy.catalogue.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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
import eu.aiskills.academy.catalogue.CourseFormat;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.catalogue.DeliveryMode;
import eu.aiskills.academy.catalogue.LessonDraft;
import eu.aiskills.academy.catalogue.LessonMaterial;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.shared.Translations;
import eu.aiskills.academy.shared.ui.UploadTexts;
import eu.aiskills.academy.catalogue.RunPlan;
import eu.aiskills.academy.catalogue.RunStatus;
import eu.aiskills.academy.catalogue.Sector;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.Markdown;
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
    private final transient Catalogue catalogue;
    private final transient Documents documents;
    private CourseId courseId;
    /** In review nothing changes until the reviewer decides: the service refuses it, the form shows it. */
    private boolean locked;
    private String title = "";

    final TextField courseTitle = new TextField();
    final TextArea summary = new TextArea();
    final TextArea description = new TextArea();
    final Select<CourseLevel> level = new Select<>();
    final Select<CourseFormat> format = new Select<>();
    final ComboBox<String> language = new ComboBox<>();
    final MultiSelectComboBox<String> otherLanguages = new MultiSelectComboBox<>();
    final IntegerField workload = new IntegerField();
    final BigDecimalField ects = new BigDecimalField();
    final TextArea outcomes = new TextArea();
    final MultiSelectComboBox<Skill> skills = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Sector> sectors = new MultiSelectComboBox<>();
    final MultiSelectComboBox<CourseSummary> prerequisites = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Skill> prerequisiteSkills = new MultiSelectComboBox<>();
    final Grid<AuthoredCourse.Lesson> lessons = new Grid<>();
    final Grid<CourseRun> runs = new Grid<>();

    CourseEditorView(CourseAuthoring authoring, Catalogue catalogue, Documents documents) {
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
        locked = course.map(c -> c.status() == CourseStatus.IN_REVIEW).orElse(false);
        add(form(course.map(AuthoredCourse::draft)));
        course.ifPresent(c -> {
            add(new H2(getTranslation("authoring.lessons")), lessonsSection(c));
            add(new H2(getTranslation("authoring.runs")), runsSection(c));
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
        if (course.status() == CourseStatus.DRAFT) {
            Button submit = new Button(getTranslation("authoring.submit"), click -> {
                try {
                    authoring.submitForReview(course.id());
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
        courseTitle.setLabel(getTranslation("authoring.field.title"));
        courseTitle.setMaxLength(CourseDraft.TITLE_MAX_LENGTH);
        courseTitle.setRequired(true);
        summary.setLabel(getTranslation("authoring.field.summary"));
        summary.setMaxLength(CourseDraft.SUMMARY_MAX_LENGTH);
        summary.setRequired(true);
        description.setLabel(getTranslation("authoring.field.description"));
        description.setHelperText(getTranslation("authoring.markdown-help"));
        description.setMaxLength(Markdown.MAX_LENGTH);
        level.setLabel(getTranslation("authoring.field.level"));
        level.setItems(CourseLevel.values());
        level.setItemLabelGenerator(l -> getTranslation(l.messageKey()));
        format.setLabel(getTranslation("authoring.field.format"));
        format.setItems(CourseFormat.values());
        format.setItemLabelGenerator(f -> getTranslation(f.messageKey()));
        language.setLabel(getTranslation("authoring.field.language"));
        language.setItems(LANGUAGES);
        language.setItemLabelGenerator(CourseEditorView::languageName);
        otherLanguages.setLabel(getTranslation("authoring.field.other-languages"));
        otherLanguages.setItems(LANGUAGES);
        otherLanguages.setItemLabelGenerator(CourseEditorView::languageName);
        workload.setLabel(getTranslation("authoring.field.workload"));
        workload.setMin(1);
        workload.setMax(CourseDraft.WORKLOAD_MAX);
        workload.setStepButtonsVisible(true);
        ects.setLabel(getTranslation("authoring.field.ects"));
        outcomes.setLabel(getTranslation("authoring.field.outcomes"));
        outcomes.setHelperText(getTranslation("authoring.outcomes-help"));
        outcomes.setRequired(true);
        List<Skill> skillChoices = authoring.skillChoices();
        skills.setLabel(getTranslation("authoring.field.skills"));
        skills.setItems(skillChoices);
        skills.setItemLabelGenerator(Skill::label);
        prerequisiteSkills.setLabel(getTranslation("authoring.field.prerequisite-skills"));
        prerequisiteSkills.setItems(skillChoices);
        prerequisiteSkills.setItemLabelGenerator(Skill::label);
        sectors.setLabel(getTranslation("authoring.field.sectors"));
        sectors.setItems(Sector.values());
        sectors.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        prerequisites.setLabel(getTranslation("authoring.field.prerequisites"));
        // Read a page at a time as the person types and scrolls: the catalogue may hold thousands of courses.
        prerequisites.setItems(query -> authoring.prerequisiteChoices(courseId, query.getFilter().orElse(""), query.getPage(),
                        query.getPageSize()).courses().stream(),
                query -> (int) Math.min(Integer.MAX_VALUE,
                        authoring.prerequisiteChoices(courseId, query.getFilter().orElse(""), 0, 1).total()));
        prerequisites.setItemLabelGenerator(CourseSummary::title);

        draft.ifPresentOrElse(d -> {
            courseTitle.setValue(d.title());
            summary.setValue(d.summary());
            description.setValue(d.descriptionMarkdown() == null ? "" : d.descriptionMarkdown());
            level.setValue(d.level());
            format.setValue(d.format());
            language.setValue(d.language());
            otherLanguages.setValue(d.otherLanguages());
            workload.setValue(d.workloadHours());
            ects.setValue(d.ects());
            outcomes.setValue(String.join("\n", d.outcomes()));
            skills.setValue(skillChoices.stream().filter(s -> d.skillUris().contains(s.uri())).collect(Collectors.toSet()));
            prerequisiteSkills.setValue(skillChoices.stream().filter(s -> d.prerequisiteSkills().contains(s.uri()))
                    .collect(Collectors.toSet()));
            sectors.setValue(d.sectors());
            prerequisites.setValue(new java.util.LinkedHashSet<>(catalogue.publishedCourses(d.prerequisiteCourses()).values()));
        }, () -> {
            level.setValue(CourseLevel.INTRODUCTORY);
            format.setValue(CourseFormat.SELF_PACED);
            language.setValue("en");
            workload.setValue(10);
        });

        FormLayout layout = new FormLayout(courseTitle, summary, description, level, format, language, otherLanguages,
                workload, ects, outcomes, skills, sectors, prerequisites, prerequisiteSkills);
        layout.setColspan(courseTitle, 2);
        layout.setColspan(summary, 2);
        layout.setColspan(description, 2);
        layout.setColspan(outcomes, 2);
        layout.setColspan(skills, 2);
        Button save = new Button(getTranslation(courseId == null ? "authoring.create" : "authoring.save"), click -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setVisible(!locked);
        fields().values().forEach(field -> ((com.vaadin.flow.component.HasValue<?, ?>) field).setReadOnly(locked));
        Div form = new Div(layout, save);
        form.addClassName("academy-form");
        return form;
    }

    private void save() {
        clearErrors();
        CourseDraft draft = new CourseDraft(courseTitle.getValue(), summary.getValue(), description.getValue(), level.getValue(),
                format.getValue(), language.getValue(), otherLanguages.getValue(),
                workload.getValue() == null ? 0 : workload.getValue(), ects.getValue(),
                Arrays.asList(outcomes.getValue().split("\\R")),
                skills.getValue().stream().map(Skill::uri).collect(Collectors.toSet()),
                sectors.getValue(),
                prerequisites.getValue().stream().map(CourseSummary::id).collect(Collectors.toSet()),
                prerequisiteSkills.getValue().stream().map(Skill::uri).collect(Collectors.toSet()));
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
            Views.showRejection(this, rejection, fields());
        }
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("title", courseTitle);
        fields.put("summary", summary);
        fields.put("description", description);
        fields.put("level", level);
        fields.put("format", format);
        fields.put("language", language);
        fields.put("workloadHours", workload);
        fields.put("ects", ects);
        fields.put("outcomes", outcomes);
        fields.put("skills", skills);
        fields.put("sectors", sectors);
        fields.put("prerequisites", prerequisites);
        fields.put("prerequisiteSkills", prerequisiteSkills);
        return fields;
    }

    private void clearErrors() {
        fields().values().forEach(field -> field.setInvalid(false));
    }

    private Div lessonsSection(AuthoredCourse course) {
        lessons.removeAllColumns();
        lessons.addColumn(AuthoredCourse.Lesson::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        lessons.addColumn(l -> l.draft().title()).setHeader(getTranslation("authoring.field.title")).setKey("title");
        lessons.addColumn(l -> l.draft().module() == null ? "" : l.draft().module()).setHeader(getTranslation("authoring.field.module"));
        lessons.addColumn(l -> getTranslation("course.minutes", l.draft().minutes())).setHeader(getTranslation("authoring.field.minutes"));
        lessons.addColumn(l -> getTranslation(l.draft().required() ? "authoring.required" : "course.optional"))
                .setHeader(getTranslation("authoring.field.required"));
        lessons.addComponentColumn(l -> lessonActions(course, l)).setHeader(getTranslation("authoring.actions"))
                .setKey("actions").setAutoWidth(true).setVisible(!locked);
        lessons.setItems(course.lessons());
        lessons.setAllRowsVisible(true);
        Button add = new Button(getTranslation("authoring.add-lesson"), VaadinIcon.PLUS.create(),
                click -> lessonDialog(course, null));
        add.setVisible(!locked);
        return new Div(lessons, add);
    }

    private Div lessonActions(AuthoredCourse course, AuthoredCourse.Lesson lesson) {
        Button edit = iconButton(VaadinIcon.EDIT, getTranslation("authoring.edit", lesson.draft().title()),
                () -> lessonDialog(course, lesson));
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
                () -> materialsDialog(course, lesson));
        Div actions = new Div(edit, attach, up, down, delete);
        actions.addClassName("academy-row-actions");
        return actions;
    }

    /** Upload and remove a lesson's materials; each upload is checked by the documents module first. */
    private void materialsDialog(AuthoredCourse course, AuthoredCourse.Lesson lesson) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("authoring.materials-of", lesson.draft().title()));
        dialog.setWidth("min(40rem, 95vw)");
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        list.addClassName("academy-materials");
        Runnable refresh = () -> {
            list.removeAll();
            List<LessonMaterial> attached = authoring.materials(course.id()).getOrDefault(lesson.id(), List.of());
            if (attached.isEmpty()) {
                list.add(new com.vaadin.flow.component.html.ListItem(getTranslation("authoring.materials-none")));
            }
            for (LessonMaterial material : attached) {
                Button remove = iconButton(VaadinIcon.TRASH, getTranslation("authoring.delete", material.title()), () -> { });
                remove.addThemeVariants(ButtonVariant.ERROR);
                com.vaadin.flow.component.html.ListItem item = new com.vaadin.flow.component.html.ListItem(
                        new com.vaadin.flow.component.html.Span(material.title() + " · " + getTranslation(material.kind().messageKey())),
                        remove);
                remove.addClickListener(click -> {
                    authoring.removeMaterial(course.id(), material.id());
                    list.remove(item);
                });
                list.add(item);
            }
        };
        refresh.run();
        Locale locale = getLocale();
        Upload upload = new Upload(new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) {
                com.vaadin.flow.component.UI ui = event.getUI();
                try {
                    StoredDocument stored = documents.store(DocumentPurpose.COURSE_MATERIAL, event.getFileName(),
                            event.getInputStream());
                    authoring.attachMaterial(course.id(), lesson.id(), stored.id());
                    ui.access(() -> {
                        refresh.run();
                        Views.success(Translations.get(locale, "authoring.material-attached", stored.fileName()));
                    });
                } catch (UserFacingException rejection) {
                    String reason = Translations.get(locale, rejection.messageKey(), rejection.arguments());
                    event.reject(reason);
                    ui.access(() -> Views.error(Translations.get(locale, "documents.rejection", event.getFileName(), reason)));
                }
            }
        });
        upload.setAcceptedFileTypes(".pdf", ".docx", ".pptx", ".odt", ".odp", ".html", ".htm", ".md", ".ipynb", ".txt");
        upload.setMaxFileSize((int) DocumentPurpose.COURSE_MATERIAL.maxBytes());
        upload.setI18n(UploadTexts.of(locale));
        upload.addFileRejectedListener(e -> Views.error(getTranslation("documents.rejection", e.getFileName(), e.getErrorMessage())));
        com.vaadin.flow.component.html.Paragraph hint = new com.vaadin.flow.component.html.Paragraph(getTranslation(
                "documents.accepts", DocumentPurpose.COURSE_MATERIAL.acceptedKinds(), DocumentPurpose.COURSE_MATERIAL.maxBytes() / (1024 * 1024)));
        hint.addClassName("academy-note");
        dialog.add(list, hint, upload);
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()));
        dialog.open();
    }

    private Button iconButton(VaadinIcon icon, String label, Runnable action) {
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

    private void lessonDialog(AuthoredCourse course, AuthoredCourse.Lesson lesson) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(lesson == null ? "authoring.add-lesson" : "authoring.edit-lesson"));
        TextField lessonTitle = new TextField(getTranslation("authoring.field.title"));
        lessonTitle.setMaxLength(LessonDraft.TITLE_MAX_LENGTH);
        lessonTitle.setRequired(true);
        TextField module = new TextField(getTranslation("authoring.field.module"));
        module.setMaxLength(LessonDraft.MODULE_MAX_LENGTH);
        module.setHelperText(getTranslation("authoring.module-help"));
        IntegerField minutes = new IntegerField(getTranslation("authoring.field.minutes"));
        minutes.setMin(1);
        minutes.setMax(LessonDraft.MINUTES_MAX);
        Checkbox required = new Checkbox(getTranslation("authoring.field.required-lesson"), true);
        com.vaadin.flow.component.textfield.BigDecimalField passScore = new com.vaadin.flow.component.textfield.BigDecimalField(
                getTranslation("authoring.field.pass-score"));
        passScore.setHelperText(getTranslation("authoring.pass-score-help"));
        TextArea body = new TextArea(getTranslation("authoring.field.body"));
        body.setHelperText(getTranslation("authoring.markdown-help"));
        body.setMaxLength(Markdown.MAX_LENGTH);
        body.setWidthFull();
        body.setMinHeight("14rem");
        if (lesson != null) {
            lessonTitle.setValue(lesson.draft().title());
            module.setValue(lesson.draft().module() == null ? "" : lesson.draft().module());
            minutes.setValue(lesson.draft().minutes());
            required.setValue(lesson.draft().required());
            body.setValue(lesson.draft().markdown());
            passScore.setValue(lesson.draft().passScore());
        } else {
            minutes.setValue(30);
        }
        FormLayout layout = new FormLayout(lessonTitle, module, minutes, required, passScore, body);
        layout.setColspan(body, 2);
        dialog.add(layout);
        dialog.setWidth("min(52rem, 95vw)");
        Button save = new Button(getTranslation("authoring.save"), click -> {
            try {
                authoring.saveLesson(course.id(), lesson == null ? null : lesson.id(), new LessonDraft(lessonTitle.getValue(),
                        module.getValue(), minutes.getValue() == null ? 0 : minutes.getValue(), required.getValue(), body.getValue(),
                        passScore.getValue()));
                dialog.close();
                Views.success(getTranslation("authoring.saved"));
                render(Optional.of(authoring.authored(course.id())));
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("title", lessonTitle, "module", module, "minutes", minutes,
                        "markdown", body, "passScore", passScore));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private Div runsSection(AuthoredCourse course) {
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
                actions.add(iconButton(VaadinIcon.EDIT, getTranslation("authoring.edit", r.code()), () -> runDialog(course, r)));
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
        }).setHeader(getTranslation("authoring.actions")).setAutoWidth(true).setVisible(!locked);
        runs.setItems(course.runs());
        runs.setAllRowsVisible(true);
        Button add = new Button(getTranslation("authoring.add-run"), VaadinIcon.PLUS.create(), click -> runDialog(course, null));
        add.setVisible(!locked);
        return new Div(runs, add);
    }

    private void runDialog(AuthoredCourse course, CourseRun run) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(run == null ? "authoring.add-run" : "authoring.edit-run"));
        TextField code = new TextField(getTranslation("authoring.field.code"));
        code.setHelperText(getTranslation("authoring.code-help"));
        code.setMaxLength(40);
        DatePicker starts = new DatePicker(getTranslation("authoring.field.starts"));
        DatePicker ends = new DatePicker(getTranslation("authoring.field.ends"));
        DateTimePicker opens = new DateTimePicker(getTranslation("authoring.field.enrol-opens"));
        DateTimePicker closes = new DateTimePicker(getTranslation("authoring.field.enrol-closes"));
        ComboBox<String> zone = new ComboBox<>(getTranslation("authoring.field.time-zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList());
        IntegerField capacity = new IntegerField(getTranslation("authoring.field.capacity"));
        capacity.setMin(1);
        Checkbox waitlist = new Checkbox(getTranslation("authoring.field.waitlist"), true);
        ComboBox<String> runLanguage = new ComboBox<>(getTranslation("authoring.field.language"));
        runLanguage.setItems(LANGUAGES);
        runLanguage.setItemLabelGenerator(CourseEditorView::languageName);
        Select<DeliveryMode> mode = new Select<>();
        mode.setLabel(getTranslation("authoring.field.mode"));
        mode.setItems(DeliveryMode.values());
        mode.setItemLabelGenerator(m -> getTranslation(m.messageKey()));
        TextField location = new TextField(getTranslation("authoring.field.location"));
        location.setMaxLength(200);
        BigDecimalField labHours = new BigDecimalField(getTranslation("authoring.field.lab-hours"));
        labHours.setHelperText(getTranslation("authoring.lab-hours-help"));
        if (run != null) {
            code.setValue(run.code());
            starts.setValue(run.startsOn());
            ends.setValue(run.endsOn());
            opens.setValue(LocalDateTime.ofInstant(run.enrolOpensAt(), run.timeZone()));
            closes.setValue(LocalDateTime.ofInstant(run.enrolClosesAt(), run.timeZone()));
            zone.setValue(run.timeZone().getId());
            capacity.setValue(run.capacity());
            waitlist.setValue(run.waitlist());
            runLanguage.setValue(run.language());
            mode.setValue(run.mode());
            location.setValue(run.location() == null ? "" : run.location());
            labHours.setValue(run.labGpuHoursPerLearner());
        } else {
            LocalDate start = LocalDate.now().plusMonths(2).withDayOfMonth(1);
            starts.setValue(start);
            ends.setValue(start.plusWeeks(8));
            opens.setValue(LocalDateTime.of(LocalDate.now(), LocalTime.of(9, 0)));
            closes.setValue(LocalDateTime.of(start.minusDays(3), LocalTime.of(23, 59)));
            zone.setValue("Europe/Brussels");
            capacity.setValue(30);
            runLanguage.setValue(course.draft().language());
            mode.setValue(DeliveryMode.ONLINE);
        }
        FormLayout layout = new FormLayout(code, capacity, starts, ends, opens, closes, zone, runLanguage, mode, location,
                labHours, waitlist);
        dialog.add(layout);
        dialog.setWidth("min(48rem, 95vw)");
        Button save = new Button(getTranslation("authoring.save"), click -> {
            try {
                ZoneId timeZone = zone.getValue() == null ? null : ZoneId.of(zone.getValue());
                authoring.saveRun(course.id(), run == null ? null : run.id(), new RunPlan(code.getValue(), starts.getValue(),
                        ends.getValue(), opens.getValue(), closes.getValue(), timeZone,
                        capacity.getValue() == null ? 0 : capacity.getValue(), waitlist.getValue(), runLanguage.getValue(),
                        mode.getValue(), location.getValue(), labHours.getValue()));
                dialog.close();
                Views.success(getTranslation("authoring.saved"));
                render(Optional.of(authoring.authored(course.id())));
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("code", code, "startsOn", starts, "endsOn", ends,
                        "enrolOpensAt", opens, "enrolClosesAt", closes, "timeZone", zone, "capacity", capacity,
                        "language", runLanguage, "location", location, "labGpuHours", labHours));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
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
