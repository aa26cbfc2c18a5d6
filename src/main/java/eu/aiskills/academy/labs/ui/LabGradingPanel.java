package eu.aiskills.academy.labs.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import eu.aiskills.academy.labs.LabGrading;
import eu.aiskills.academy.shared.UserFacingException;

/** The result of submitting a graded lab: progress while it is graded, then the score and each check. */
class LabGradingPanel extends Div {

    /** Grades the learner's saved notebook (as the learner: the caller's sign-in goes with it). */
    interface Grader {
        LabGrading.Grade grade() throws InterruptedException;
    }

    /**
     * Grades off the UI thread, with a progress bar meanwhile, then shows the result and runs
     * {@code done} on the UI thread.
     */
    void grade(Grader grader, Runnable done) {
        removeAll();
        add(LabOutputs.progress(getTranslation("lab.grading")));
        UI ui = UI.getCurrent();
        // The grading runs as the learner: Spring Security's wrapper carries their sign-in to the thread and clears it after.
        Thread.ofVirtual().name("lab-grading").start(new org.springframework.security.concurrent.DelegatingSecurityContextRunnable(() -> {
            Object outcome;
            try {
                outcome = grader.grade();
            } catch (UserFacingException e) {
                outcome = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new UserFacingException("lab.grading-failed", "interrupted");
            } catch (RuntimeException e) {
                outcome = new UserFacingException("lab.grading-failed", e.getMessage());
            }
            Object result = outcome;
            ui.access(() -> {
                done.run();
                show(result);
            });
        }));
    }

    private void show(Object outcome) {
        removeAll();
        if (outcome instanceof UserFacingException e) {
            Paragraph failed = new Paragraph(getTranslation(e.messageKey(), e.arguments()));
            failed.addClassName("academy-error");
            add(failed);
            return;
        }
        LabGrading.Grade result = (LabGrading.Grade) outcome;
        addClassName("academy-card");
        String verdict = result.lessonCompleted() ? "lab.grade.passed"
                : result.checks().stream().allMatch(LabGrading.CheckResult::passed) ? "lab.grade.all" : "lab.grade.score";
        add(new Paragraph(getTranslation(verdict, result.score().stripTrailingZeros().toPlainString())));
        UnorderedList list = new UnorderedList();
        for (LabGrading.CheckResult check : result.checks()) {
            ListItem item = new ListItem((check.passed() ? "✓ " : "✗ ") + check.name() + " (" + check.points() + ")"
                    + (check.message() == null ? "" : " — " + check.message()));
            item.addClassName(check.passed() ? "academy-check-passed" : "academy-check-failed");
            list.add(item);
        }
        add(list);
        if (!result.cellErrors().isEmpty()) {
            add(new Paragraph(getTranslation("lab.grade.cell-errors", String.join("; ", result.cellErrors()))));
        }
        getElement().setAttribute("role", "status");
    }
}
