package eu.aiskills.academy.assessment.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import eu.aiskills.academy.assessment.Attempt;
import eu.aiskills.academy.assessment.Quiz;
import eu.aiskills.academy.assessment.Quizzes;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/**
 * Taking a quiz, as Moodle's quiz page does: its rules and the learner's attempts, then one
 * attempt with every question on the page, each answer saved as it is given (the status line
 * says when), the time left by the server's clock for a timed quiz, and a submission asked for
 * once with a confirmation that counts unanswered questions. The result shows the score, whether
 * it passes, and each question's mark with feedback and right answers when the quiz shows them.
 */
@Route("quizzes/:slug")
@PermitAll
class QuizView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SLUG = "slug";

    private final transient Quizzes quizzes;
    private Quiz quiz;
    private transient Attempt attempt;
    private final Span saved = new Span();
    private final Span timeLeft = new Span();
    private final Div body = new Div();
    private Registration poll;

    QuizView(Quizzes quizzes) {
        this.quizzes = quizzes;
        addClassName("academy-quiz");
        saved.addClassName("academy-note");
        saved.getElement().setAttribute("aria-live", "polite");
        timeLeft.getElement().setAttribute("role", "timer");
        body.setWidthFull();
    }

    /** What a quiz asks and passes with, in one sentence. */
    static String facts(UI ui, Quiz quiz) {
        String facts = ui.getTranslation("quiz.facts", quiz.questions(), quiz.passMark().stripTrailingZeros().toPlainString(),
                quiz.attemptsAllowed());
        return quiz.timed() ? facts + " " + ui.getTranslation("quiz.facts-timed", quiz.timeLimit().toMinutes()) : facts;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get(SLUG).orElse("");
        quiz = quizzes.quiz(slug).orElseThrow(() -> new NotFoundException("quiz.not-found"));
        removeAll();
        add(new H1(quiz.title()), body);
        overview();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        poll = event.getUI().addPollListener(tick -> tick());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void overview() {
        attempt = null;
        stopTimer();
        body.removeAll();
        Quizzes.Overview overview = quizzes.overview(quiz.slug());
        Paragraph facts = new Paragraph(facts(UI.getCurrent(), quiz) + " " + getTranslation("quiz.shows." + quiz.showAnswers().name()));
        facts.addClassName("academy-facts");
        body.add(facts);
        if (overview.passed()) {
            Span passed = new Span(getTranslation("quiz.passed-already"));
            passed.addClassName("academy-status");
            body.add(new Div(passed));
        }
        if (!overview.attempts().isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.addClassName("academy-attempts");
            for (Quizzes.Past past : overview.attempts()) {
                ListItem item = new ListItem();
                if (past.score() == null) {
                    item.add(new Span(getTranslation("quiz.attempt-open", past.number())));
                } else {
                    item.add(new Span(getTranslation(Boolean.TRUE.equals(past.passed()) ? "quiz.attempt-passed" : "quiz.attempt-failed",
                            past.number(), past.score().stripTrailingZeros().toPlainString(),
                            Views.dateTime(this, past.submittedAt(), ZoneId.systemDefault()))));
                    Button see = new Button(getTranslation("quiz.see-attempt", past.number()), click -> show(quizzes.attempt(past.id())));
                    see.addThemeVariants(ButtonVariant.TERTIARY);
                    item.add(see);
                }
                list.add(item);
            }
            body.add(new H2(getTranslation("quiz.your-attempts")), list);
        }
        if (overview.open().isPresent()) {
            Button resume = new Button(getTranslation("quiz.resume"), click -> show(quizzes.attempt(overview.open().get())));
            resume.addThemeVariants(ButtonVariant.PRIMARY);
            body.add(resume);
        } else if (overview.attemptsLeft() > 0) {
            Button start = new Button(getTranslation(overview.attempts().isEmpty() ? "quiz.start" : "quiz.start-again", overview.attemptsLeft()),
                    click -> start());
            start.addThemeVariants(ButtonVariant.PRIMARY);
            start.setDisableOnClick(true);
            body.add(start);
        } else {
            body.add(new Paragraph(getTranslation("quiz.no-attempts-left", quiz.attemptsAllowed())));
        }
    }

    private void start() {
        try {
            show(quizzes.start(quiz.slug()));
        } catch (UserFacingException e) {
            Views.error(getTranslation(e.messageKey(), e.arguments()));
            overview();
        }
    }

    private void show(Attempt shown) {
        attempt = shown;
        body.removeAll();
        if (shown.submitted()) {
            stopTimer();
            result(shown);
            return;
        }
        Div status = new Div(new Span(getTranslation("quiz.attempt-number", shown.number())), timeLeft, saved);
        status.addClassName("academy-quiz-status");
        body.add(status);
        saved.setText(getTranslation("quiz.saving-note"));
        int number = 0;
        for (Attempt.Shown question : shown.questions()) {
            body.add(new QuestionField(++number, shown.questions().size(), question, shown.answers().get(question.key()),
                    response -> save(question.key(), response), null));
        }
        Button submit = new Button(getTranslation("quiz.submit"), click -> confirmSubmit());
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        body.add(submit);
        startTimer();
    }

    private void save(String questionKey, List<String> response) {
        try {
            Quizzes.Saved outcome = quizzes.save(attempt.id(), questionKey, response);
            if (outcome.timeUp()) {
                timeUp();
                return;
            }
            saved.setText(getTranslation("quiz.saved", DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(getLocale())
                    .format(outcome.savedAt().atZone(ZoneId.systemDefault()))));
        } catch (UserFacingException e) {
            saved.setText(getTranslation(e.messageKey(), e.arguments()));
            if ("quiz.submitted".equals(e.messageKey())) {
                show(quizzes.attempt(attempt.id()));
            }
        }
    }

    private void confirmSubmit() {
        Attempt now = quizzes.attempt(attempt.id());
        if (now.submitted()) {
            show(now);
            return;
        }
        long unanswered = now.questions().stream().filter(q -> now.answers().getOrDefault(q.key(), List.of()).isEmpty()).count();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("quiz.confirm-title"));
        dialog.setText(unanswered == 0 ? getTranslation("quiz.confirm-all") : getTranslation("quiz.confirm-unanswered", unanswered));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("quiz.confirm-back"));
        dialog.setConfirmText(getTranslation("quiz.submit"));
        dialog.addConfirmListener(confirmed -> show(quizzes.submit(attempt.id())));
        dialog.open();
    }

    private void result(Attempt shown) {
        Attempt.Result result = shown.result();
        Span verdict = new Span(getTranslation(result.passed() ? "quiz.result-passed" : "quiz.result-failed",
                result.score().stripTrailingZeros().toPlainString(), quiz.passMark().stripTrailingZeros().toPlainString()));
        verdict.addClassName(result.passed() ? "academy-status" : "academy-error");
        H2 heading = new H2(getTranslation("quiz.result-title", shown.number()));
        body.add(heading, new Div(verdict));
        heading.scrollIntoView();
        if ("deadline".equals(result.submittedBy())) {
            body.add(new Paragraph(getTranslation("quiz.submitted-at-deadline")));
        }
        if (!result.answersShown()) {
            body.add(new Paragraph(getTranslation(quiz.showAnswers() == Quiz.ShowAnswers.NEVER ? "quiz.answers-never" : "quiz.answers-later")));
        }
        Map<String, Attempt.Marked> marks = new java.util.HashMap<>();
        result.questions().forEach(m -> marks.put(m.key(), m));
        int number = 0;
        for (Attempt.Shown question : shown.questions()) {
            body.add(new QuestionField(++number, shown.questions().size(), question, shown.answers().get(question.key()), r -> { },
                    marks.get(question.key())));
        }
        Button back = new Button(getTranslation("quiz.back"), click -> overview());
        body.add(back);
    }

    private void timeUp() {
        Views.error(getTranslation("quiz.time-up"));
        show(quizzes.attempt(attempt.id()));
    }

    private void startTimer() {
        if (attempt == null || attempt.deadline() == null) {
            timeLeft.setText("");
            return;
        }
        tick();
    }

    private void stopTimer() {
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        timeLeft.setText("");
    }

    /** The countdown, by the server's clock: every 10 seconds, every second in the last minute; at zero the attempt is submitted. */
    private void tick() {
        if (attempt == null || attempt.submitted() || attempt.deadline() == null) {
            return;
        }
        Duration left = Duration.between(Instant.now(), attempt.deadline());
        if (left.isNegative() || left.isZero()) {
            timeUp();
            return;
        }
        timeLeft.setText(left.toSeconds() < 60 ? getTranslation("quiz.seconds-left", left.toSeconds())
                : getTranslation("quiz.minutes-left", (left.toSeconds() + 59) / 60));
        timeLeft.setClassName(left.toMinutes() < 2 ? "academy-error" : "academy-note");
        getUI().ifPresent(ui -> ui.setPollInterval(left.toSeconds() <= 70 ? 1000 : 10_000));
    }

    @Override
    public String getPageTitle() {
        return (quiz == null ? "" : quiz.title()) + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
