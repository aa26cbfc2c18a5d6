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
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.labs.Labs;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

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
}
