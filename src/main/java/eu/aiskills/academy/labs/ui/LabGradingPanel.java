package eu.aiskills.academy.labs.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import eu.aiskills.academy.labs.LabGrading;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/**
 * Grading next to the Submit button, as Kaggle and nbgrader's formgrader show it: while a
 * submission runs, how far it is (step of steps) and its time limit; then the score, each check
 * with its feedback (announced to screen readers), what did not finish in time; and the learner's
 * past submissions with their scores.
 */
class LabGradingPanel extends Div {

    /** Grades the learner's saved notebook (as the learner: the caller's sign-in goes with it), telling how far it is. */
    interface Grader {
        LabGrading.Grade grade(Consumer<LabGrading.Progress> progress) throws InterruptedException;
    }

    private final Div result = new Div();
    private final Div past = new Div();
    private final Supplier<List<LabGrading.Submission>> submissions;

    /** {@code submissions} lists the learner's submissions of the lab, newest first. */
    LabGradingPanel(Supplier<List<LabGrading.Submission>> submissions) {
        this.submissions = submissions;
        addClassName("academy-lab-grading");
        // Polite: the result is read out once it is there, without interrupting what the learner does.
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");
        add(result, past);
        showPast();
    }

    /**
     * Grades off the UI thread, with the run's progress and time limit meanwhile, then shows the
     * result and runs {@code done} on the UI thread.
     */
    void grade(Grader grader, Runnable done) {
        result.removeAll();
        result.removeClassName("academy-card");
        long minutes = LabGrading.TIME_LIMIT.toMinutes();
        Span text = new Span(getTranslation("lab.grading", minutes));
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", getTranslation("lab.grading", minutes));
        Div progress = new Div(text, bar);
        progress.addClassName("academy-lab-progress");
        result.add(progress);
        UI ui = UI.getCurrent();
        Consumer<LabGrading.Progress> onProgress = step -> ui.access(() -> {
            bar.setIndeterminate(false);
            bar.setMax(Math.max(1, step.total()));
            bar.setValue(step.done());
            text.setText(getTranslation("lab.grading-step", step.done(), step.total(), minutes));
        });
        // The grading runs as the learner: Spring Security's wrapper carries their sign-in to the thread and clears it after.
        Thread.ofVirtual().name("lab-grading").start(new org.springframework.security.concurrent.DelegatingSecurityContextRunnable(() -> {
            Object outcome;
            try {
                outcome = grader.grade(onProgress);
            } catch (UserFacingException e) {
                outcome = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new UserFacingException("lab.grading-failed", "interrupted");
            } catch (RuntimeException e) {
                outcome = new UserFacingException("lab.grading-failed", e.getMessage());
            }
            Object finished = outcome;
            ui.access(() -> {
                done.run();
                show(finished);
                showPast();
            });
        }));
    }

    private void show(Object outcome) {
        result.removeAll();
        if (outcome instanceof UserFacingException e) {
            Paragraph failed = new Paragraph(getTranslation(e.messageKey(), e.arguments()));
            failed.addClassName("academy-error");
            result.add(failed);
            return;
        }
        LabGrading.Grade grade = (LabGrading.Grade) outcome;
        result.addClassName("academy-card");
        String verdict = grade.lessonCompleted() ? "lab.grade.passed"
                : grade.checks().stream().allMatch(LabGrading.CheckResult::passed) ? "lab.grade.all" : "lab.grade.score";
        Paragraph score = new Paragraph(getTranslation(verdict, grade.score().stripTrailingZeros().toPlainString()));
        score.addClassName("academy-lab-score");
        result.add(score);
        if (grade.timedOut()) {
            Paragraph late = new Paragraph(getTranslation("lab.grade.timeout", LabGrading.TIME_LIMIT.toMinutes()));
            late.addClassName("academy-error");
            result.add(late);
        }
        UnorderedList list = new UnorderedList();
        for (LabGrading.CheckResult check : grade.checks()) {
            ListItem item = new ListItem(getTranslation(check.passed() ? "lab.grade.check-passed" : "lab.grade.check-failed",
                    check.name(), check.points()) + (check.message() == null ? "" : " — " + check.message()));
            item.addClassName(check.passed() ? "academy-check-passed" : "academy-check-failed");
            list.add(item);
        }
        result.add(list);
        if (!grade.cellErrors().isEmpty()) {
            result.add(new Paragraph(getTranslation("lab.grade.cell-errors", String.join("; ", grade.cellErrors()))));
        }
    }

    /** The learner's submissions of this lab, newest first: revision, when, score. */
    private void showPast() {
        past.removeAll();
        List<LabGrading.Submission> all = submissions.get();
        if (all.isEmpty()) {
            return;
        }
        H3 heading = new H3(getTranslation("lab.grade.past"));
        UnorderedList list = new UnorderedList();
        list.addClassName("academy-lab-submissions");
        java.time.ZoneId utc = java.time.ZoneId.of("UTC");
        for (LabGrading.Submission submission : all) {
            list.add(new ListItem(getTranslation("lab.grade.past-item", Views.dateTime(this, submission.submittedAt(), utc),
                    submission.revision(), submission.score().stripTrailingZeros().toPlainString())));
        }
        past.add(heading, list);
    }
}
