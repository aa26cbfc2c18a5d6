package eu.aiskills.academy.labs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.dom.DomEvent;
import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.labs.Labs;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The learner's work is safe in the lab page: a deleted cell comes back with Undo; starting over
 * and restarting the kernel ask first; the revision history lists every save and restores an
 * older one as a new revision.
 */
@AcademyTest
class LabViewSafetyTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Labs labs;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void aDeletedCellComesBackStartingOverAsksAndAnOlderRevisionIsRestored() {
        String learner = KaribuSupport.person(context, "lab-safety-" + UUID.randomUUID() + "@academy.test", "Sam Safety", Role.STUDENT);
        KaribuSupport.signIn(context, learner);
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("labs/first-classifier");
        LabCells cells = _get(LabCells.class);
        int count = cells.cells().size();
        String third = cells.cells().get(2).id();

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Delete cell 3")));
        assertThat(cells.cells()).hasSize(count - 1).noneMatch(c -> c.id().equals(third));
        assertThat(labs.myNotebook("first-classifier").cells()).as("saved at once").hasSize(count - 1);
        _click(_get(Button.class, spec -> spec.withText("Undo")));
        assertThat(cells.cells()).hasSize(count);
        assertThat(cells.cells().get(2).id()).as("back in its place").isEqualTo(third);
        assertThat(labs.myNotebook("first-classifier").revision()).isEqualTo(2);

        _click(_get(Button.class, spec -> spec.withText("Reset to the original")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm)).contains("stays in the revision history");
        ConfirmDialogKt._fireCancel(confirm);
        confirm.close(); // as the browser closes it
        assertThat(labs.myNotebook("first-classifier").revision()).as("nothing happens until confirmed").isEqualTo(2);
        _click(_get(Button.class, spec -> spec.withText("Reset to the original")));
        ConfirmDialog sure = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireConfirm(sure);
        sure.close();
        assertThat(labs.myNotebook("first-classifier").revision()).isEqualTo(3);

        _click(_get(Button.class, spec -> spec.withText("Revisions")));
        var dialog = _get(LabRevisionsDialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("3 revisions kept").contains("Revision 3").contains("started over")
                .contains("Revision 1").contains("autosaved").contains("Now on the page");
        _click(_get(dialog, Button.class, spec -> spec.withAttribute("aria-label", "Restore revision 1")));
        assertThat(_find(LabRevisionsDialog.class)).isEmpty();
        assertThat(labs.myNotebook("first-classifier").revision()).isEqualTo(4);
        assertThat(cells.cells()).as("revision 1 had the cell deleted").hasSize(count - 1);
        assertThat(labs.revisions("first-classifier")).first().extracting(Labs.Revision::origin).isEqualTo("restore");

        _click(_get(Button.class, spec -> spec.withText("Restart kernel")));
        assertThat(ConfirmDialogKt._getText(_get(ConfirmDialog.class))).contains("Every variable and import is lost");
    }

    @Test
    void theKeyboardModelEditsTheNotebookAsJupyterDoes() {
        String learner = KaribuSupport.person(context, "lab-keys-" + UUID.randomUUID() + "@academy.test", "Kim Keys", Role.STUDENT);
        KaribuSupport.signIn(context, learner);
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("labs/first-classifier");
        LabCells cells = _get(LabCells.class);
        int count = cells.cells().size();
        String setUp = cells.cells().get(1).id();
        String training = cells.cells().get(3).id();

        // What is typed arrives as a change a moment after typing stops, and is saved.
        key(cells, training, "change", "model = None");
        assertThat(cells.cells().get(3).source()).isEqualTo("model = None");
        assertThat(labs.myNotebook("first-classifier").cells().get(3).source()).isEqualTo("model = None");
        key(cells, training, "change", "x".repeat(LabNotebook.MAX_CELL_CHARS + 1));
        assertThat(notified()).contains("at most 100 thousand characters");
        assertThat(cells.cells().get(3).source()).as("a cell too long is refused whole").isEqualTo("model = None");
        NotificationsKt.clearNotifications();

        // B inserts a code cell below, M makes it text, D D deletes it, Z brings it back where it was.
        key(cells, training, "insert-below", null);
        assertThat(cells.cells()).hasSize(count + 1);
        LabNotebook.Cell inserted = cells.cells().get(4);
        assertThat(inserted.kind()).isEqualTo(LabNotebook.Kind.CODE);
        assertThat(inserted.source()).isEmpty();
        key(cells, inserted.id(), "to-markdown", null);
        assertThat(cells.cells().get(4).kind()).isEqualTo(LabNotebook.Kind.MARKDOWN);
        key(cells, inserted.id(), "delete", null);
        assertThat(cells.cells()).hasSize(count).noneMatch(c -> c.id().equals(inserted.id()));
        key(cells, null, "undo-delete", null);
        assertThat(cells.cells().get(4).id()).isEqualTo(inserted.id());
        assertThat(cells.cells().get(4).kind()).isEqualTo(LabNotebook.Kind.MARKDOWN);
        key(cells, null, "undo-delete", null);
        assertThat(notified()).contains("No deleted cell");
        NotificationsKt.clearNotifications();

        // A inserts above; C copies, V pastes a copy (its own id) below the selected cell.
        key(cells, training, "insert-above", null);
        assertThat(cells.cells().get(3).source()).isEmpty();
        assertThat(cells.cells().get(4).id()).isEqualTo(training);
        key(cells, training, "copy", null);
        key(cells, training, "paste", null);
        LabNotebook.Cell pasted = cells.cells().get(5);
        assertThat(pasted.source()).isEqualTo("model = None");
        assertThat(pasted.id()).isNotEqualTo(training);

        // The lab's set-up cell is not the learner's to delete or change.
        key(cells, setUp, "delete", null);
        key(cells, setUp, "to-markdown", null);
        assertThat(cells.cells().get(1).id()).isEqualTo(setUp);
        assertThat(cells.cells().get(1).kind()).isEqualTo(LabNotebook.Kind.CODE);
        assertThat(notified()).contains("set-up cell of the lab");
        NotificationsKt.clearNotifications();

        // Shift+Enter on the last cell, with no session yet: it says to start, and a new cell follows to write in.
        String last = cells.cells().getLast().id();
        int before = cells.cells().size();
        key(cells, last, "run-next", "print('last')");
        assertThat(notified()).contains("Start the lab");
        assertThat(cells.cells()).hasSize(before + 1);
        assertThat(cells.cells().get(before - 1).source()).isEqualTo("print('last')");
        assertThat(labs.myNotebook("first-classifier").cells()).hasSize(before + 1);

        // H shows the shortcuts.
        key(cells, last, "help", null);
        assertThat(_get(LabShortcutsDialog.class).getElement().getTextRecursively()).contains("Bring back the last deleted cell")
                .contains("Leave the editor for command mode");
    }

    /** What academy-code.js sends for a key: one cell-command event on the cell list. */
    private static void key(LabCells cells, String cell, String command, String value) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("event.detail.cell", cell);
        data.put("event.detail.command", command);
        data.put("event.detail.value", value);
        ElementUtilsKt._fireDomEvent(cells.getElement(), new DomEvent(cells.getElement(), "cell-command", data));
    }

    @Test
    void gradingShowsHowFarItIsItsTimeLimitAndThenTheResultAndThePastSubmissions() throws Exception {
        KaribuSupport.setUp(context, Locale.ENGLISH);
        java.util.List<eu.aiskills.academy.labs.LabGrading.Submission> submitted = new java.util.concurrent.CopyOnWriteArrayList<>();
        LabGradingPanel panel = new LabGradingPanel(() -> java.util.List.copyOf(submitted));
        UI.getCurrent().add(panel);
        assertThat(panel.getElement().getTextRecursively()).as("nothing submitted yet").isEmpty();
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        panel.grade(progress -> {
            progress.accept(new eu.aiskills.academy.labs.LabGrading.Progress(2, 5));
            running.countDown();
            finish.await();
            submitted.add(new eu.aiskills.academy.labs.LabGrading.Submission(4, new java.math.BigDecimal("40.0"), java.time.Instant.now()));
            return new eu.aiskills.academy.labs.LabGrading.Grade(new java.math.BigDecimal("40.0"), java.util.List.of(
                    new eu.aiskills.academy.labs.LabGrading.CheckResult("A model is trained", 40, true, null),
                    new eu.aiskills.academy.labs.LabGrading.CheckResult("It scores at least 0.9", 60, false, "time limit reached")),
                    java.util.List.of("3: time limit reached"), 4, false, true);
        }, () -> done.set(true));
        assertThat(panel.getElement().getTextRecursively()).contains("time limit: 5 minutes");
        assertThat(running.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue();
            return panel.getElement().getTextRecursively().contains("2 of 5 steps done");
        });
        assertThat(panel.getElement().getTextRecursively()).contains("Time limit: 5 minutes");
        finish.countDown();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue();
            return done.get();
        });
        String shown = panel.getElement().getTextRecursively();
        assertThat(shown).contains("Score 40 of 100").contains("did not finish within 5 minutes")
                .contains("✓ Passed: A model is trained (40 points)").contains("✗ Failed: It scores at least 0.9 (60 points) — time limit reached")
                .contains("Your submissions").contains("revision 4 · score 40 of 100");
        assertThat(panel.getChildren().findFirst().orElseThrow().getElement().getAttribute("role")).as("read out when it comes")
                .isEqualTo("status");
    }

    private static String notified() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text", ""))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
