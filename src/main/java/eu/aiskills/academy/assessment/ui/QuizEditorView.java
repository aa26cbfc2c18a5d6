package eu.aiskills.academy.assessment.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.assessment.Question;
import eu.aiskills.academy.assessment.Quiz;
import eu.aiskills.academy.assessment.QuizAuthoring;
import eu.aiskills.academy.assessment.QuizDraft;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/**
 * The quiz of a lesson, written by its instructor, as Moodle's quiz editing page lays it out: the
 * quiz's settings, then its questions in order (each with its kind, points and the start of its
 * question), added and changed in a dialog, moved, and deleted after a confirmation. Every change
 * to a question saves the whole quiz at once, so nothing written is lost; the settings save with
 * their own button. An attempted quiz is shown as it is, closed to changes.
 */
@Route("teaching/courses/:course/lessons/:lesson/quiz")
@RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
class QuizEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String COURSE = "course";
    static final String LESSON = "lesson";

    private final transient QuizAuthoring authoring;
    private CourseId course;
    private transient QuizAuthoring.Target target;
    private transient QuizDraft draft;
    private final List<Question> questions = new ArrayList<>();
    private final RecordBinder<QuizSettingsForm> binder = new RecordBinder<>(QuizSettingsForm.class, Map.of());
    private final Div list = new Div();
    private final Span state = new Span();
    private final Div tryIt = new Div();
    private boolean closed;

    QuizEditorView(QuizAuthoring authoring) {
        this.authoring = authoring;
        addClassName("academy-quiz-editor");
        state.getElement().setAttribute("role", "status");
        state.addClassName("academy-note");
    }

    /** The editor's address for a course's lesson. */
    static String path(CourseId course, String lessonSlug) {
        return "teaching/courses/" + course.value() + "/lessons/" + lessonSlug + "/quiz";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            course = new CourseId(UUID.fromString(event.getRouteParameters().get(COURSE).orElse("")));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("authoring.course-not-found");
        }
        String lesson = event.getRouteParameters().get(LESSON).orElse("");
        target = authoring.target(course, lesson);
        draft = authoring.draft(course, lesson);
        questions.clear();
        questions.addAll(draft.questions());
        closed = target.status() == CourseStatus.IN_REVIEW || target.status() == CourseStatus.PUBLISHED
                || target.status() == CourseStatus.ARCHIVED;
        render();
    }

    private void render() {
        removeAll();
        add(new Anchor("/teaching/courses/" + course.value(), getTranslation("quiz.editor.back", target.courseTitle())),
                new H1(getTranslation("quiz.editor.title", target.lessonTitle())));
        Paragraph intro = new Paragraph(getTranslation("quiz.editor.intro"));
        add(intro);
        if (closed) {
            Paragraph why = new Paragraph(getTranslation(target.status() == CourseStatus.IN_REVIEW ? "authoring.locked-in-review"
                    : "quiz.authoring.published"));
            why.addClassName("academy-callout");
            add(why);
        } else if (target.revision()) {
            Paragraph copy = new Paragraph(getTranslation("quiz.editor.revision-note", draft.attempted()));
            copy.addClassName("academy-callout");
            add(copy);
        }
        add(new H2(getTranslation("quiz.editor.settings")), settings(), new H2(getTranslation("quiz.editor.questions")), list);
        Button addQuestion = new Button(getTranslation("quiz.editor.add-question"), VaadinIcon.PLUS.create(),
                click -> new QuestionDialog(questions.size() + 1, null, freeKey(), question -> {
                    questions.add(question);
                    save(false);
                }).open());
        addQuestion.setEnabled(!closed);
        add(addQuestion, state, tryIt);
        drawQuestions();
        drawTryIt(authoring.existing(course, target.lessonSlug()));
    }

    private Div settings() {
        TextField title = new TextField(getTranslation("quiz.editor.quiz-title"));
        title.setMaxLength(QuizDraft.TITLE_MAX);
        title.setRequired(true);
        BigDecimalField passMark = new BigDecimalField(getTranslation("quiz.editor.pass-mark"));
        passMark.setSuffixComponent(new Span("%"));
        passMark.setHelperText(getTranslation("quiz.editor.pass-mark-help"));
        IntegerField attempts = number("quiz.editor.attempts", 1, 100);
        IntegerField timeLimit = number("quiz.editor.time-limit", 1, 600);
        timeLimit.setHelperText(getTranslation("quiz.editor.time-limit-help"));
        IntegerField draw = number("quiz.editor.draw", 1, QuizDraft.QUESTIONS_MAX);
        draw.setHelperText(getTranslation("quiz.editor.draw-help"));
        Checkbox shuffle = new Checkbox(getTranslation("quiz.editor.shuffle"));
        Select<Quiz.ShowAnswers> showAnswers = new Select<>();
        showAnswers.setLabel(getTranslation("quiz.editor.show-answers"));
        showAnswers.setItems(Quiz.ShowAnswers.values());
        showAnswers.setItemLabelGenerator(s -> getTranslation(switch (s) {
            case AFTER_EACH -> "quiz.editor.show-after-each";
            case AFTER_LAST -> "quiz.editor.show-after-last";
            case NEVER -> "quiz.editor.show-never";
        }));
        binder.forField(title).bind("title");
        binder.forField(passMark).bind("passMark");
        binder.forField(attempts).bind("attempts");
        binder.forField(timeLimit).bind("timeLimitMinutes");
        binder.forField(draw).bind("draw");
        binder.forField(shuffle).bind("shuffle");
        binder.forField(showAnswers).bind("showAnswers");
        binder.readRecord(QuizSettingsForm.of(draft));
        binder.setReadOnly(closed);
        binder.addValueChangeListener(change -> state.setText(getTranslation("quiz.editor.unsaved")));
        FormLayout form = new FormLayout(title, passMark, attempts, timeLimit, draw, showAnswers, shuffle);
        Button saveSettings = new Button(getTranslation("quiz.editor.save"), click -> save(true));
        saveSettings.addThemeVariants(ButtonVariant.PRIMARY);
        saveSettings.setEnabled(!closed);
        Div settings = new Div(form, saveSettings);
        settings.addClassName("academy-quiz-settings");
        return settings;
    }

    private IntegerField number(String label, int min, int max) {
        IntegerField field = new IntegerField(getTranslation(label));
        field.setMin(min);
        field.setMax(max);
        field.setStepButtonsVisible(true);
        return field;
    }

    private void drawQuestions() {
        list.removeAll();
        if (questions.isEmpty()) {
            list.add(new Paragraph(getTranslation("quiz.editor.none")));
            return;
        }
        int points = questions.stream().mapToInt(Question::points).sum();
        list.add(new Paragraph(getTranslation("quiz.editor.count", questions.size(), points)));
        OrderedList items = new OrderedList();
        items.addClassName("academy-quiz-questions");
        for (int i = 0; i < questions.size(); i++) {
            items.add(questionItem(i));
        }
        list.add(items);
    }

    private ListItem questionItem(int index) {
        Question question = questions.get(index);
        int number = index + 1;
        Span kind = new Span(getTranslation(QuestionDialog.kindKey(Question.kind(question))));
        kind.getElement().getThemeList().add("badge contrast");
        Span points = new Span(getTranslation("quiz.editor.points-of", question.points()));
        String start = question.prompt().length() > 140 ? question.prompt().substring(0, 140) + "…" : question.prompt();
        Span prompt = new Span(start);
        prompt.addClassName("academy-quiz-prompt");
        Button edit = icon(VaadinIcon.EDIT, getTranslation("quiz.editor.edit", number), () -> new QuestionDialog(number, question,
                question.key(), changed -> {
                    questions.set(index, changed);
                    save(false);
                }).open());
        Button up = icon(VaadinIcon.ARROW_UP, getTranslation("quiz.editor.move-up", number), () -> move(index, -1));
        up.setEnabled(!closed && index > 0);
        Button down = icon(VaadinIcon.ARROW_DOWN, getTranslation("quiz.editor.move-down", number), () -> move(index, 1));
        down.setEnabled(!closed && index < questions.size() - 1);
        Button delete = icon(VaadinIcon.TRASH, getTranslation("quiz.editor.delete", number), () -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("quiz.editor.delete-title", number),
                    getTranslation("quiz.editor.delete-text", start), getTranslation("quiz.editor.delete-confirm"), e -> {
                        questions.remove(index);
                        save(true);
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.ERROR);
        edit.setEnabled(!closed);
        delete.setEnabled(!closed);
        Div head = new Div(kind, points);
        head.addClassName("academy-quiz-question-head");
        Div actions = new Div(edit, up, down, delete);
        actions.addClassName("academy-row-actions");
        ListItem item = new ListItem(head, prompt, actions);
        item.addClassName("academy-quiz-question");
        return item;
    }

    private static Button icon(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    private void move(int index, int delta) {
        Question moved = questions.remove(index);
        questions.add(index + delta, moved);
        save(true);
    }

    /**
     * Saves settings and questions together; a refusal keeps what was written on the page and says
     * what to fix. The status line says it is saved; {@code notify} adds a notification (the
     * question dialog has its own).
     */
    private void save(boolean notify) {
        QuizDraft written = binder.write().applyTo(draft).withQuestions(List.copyOf(questions));
        try {
            Quiz saved = authoring.save(course, target.lessonSlug(), written);
            draft = written;
            state.setText(getTranslation("quiz.editor.saved", questions.size()));
            if (notify) {
                Views.success(getTranslation("quiz.editor.saved", questions.size()));
            }
            drawTryIt(Optional.of(saved));
        } catch (UserFacingException rejection) {
            String message = Views.showRejection(this, rejection, binder.fields());
            state.setText(getTranslation("quiz.editor.not-saved", message));
        }
        drawQuestions();
    }

    private void drawTryIt(Optional<Quiz> quiz) {
        tryIt.removeAll();
        // A revision's copy is tried once published; a course not yet published is tried as it is written.
        quiz.filter(q -> !target.revision()).ifPresent(q -> tryIt.add(new RouterLink(getTranslation("quiz.editor.try", q.title()), QuizView.class,
                new RouteParameters(QuizView.SLUG, q.slug()))));
    }

    /** A key no question of the quiz has. */
    private String freeKey() {
        int n = questions.size() + 1;
        while (true) {
            String key = "q" + n;
            if (questions.stream().noneMatch(q -> q.key().equals(key))) {
                return key;
            }
            n++;
        }
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "quiz.editor.title", target == null ? "" : target.lessonTitle());
    }
}
