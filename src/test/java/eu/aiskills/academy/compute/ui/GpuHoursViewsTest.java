package eu.aiskills.academy.compute.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import eu.aiskills.academy.compute.AccessMode;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.compute.PartitionSummary;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** An instructor requests GPU-hours in the form; the operator approves fewer; both see the hours left. */
@AcademyTest
class GpuHoursViewsTest {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void requestApproveAndSeeWhatIsLeft() {
        KaribuSupport.signIn(context, "instructor@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(GpuHoursView.class);
        _click(_get(Button.class, spec -> spec.withText("Request GPU-hours")));
        Dialog dialog = _get(Dialog.class);
        Select<FactorySummary> factory = _get(dialog, Select.class, spec -> spec.withLabel("AI Factory"));
        _setValue(factory, factory.getListDataView().getItems().filter(f -> f.slug().equals("lumi")).findFirst().orElseThrow());
        Select<PartitionSummary> partition = _get(dialog, Select.class, spec -> spec.withLabel("Partition"));
        _setValue(partition, partition.getListDataView().getItems().filter(p -> p.name().equals("gpu-lab")).findFirst().orElseThrow());
        Select<AccessMode> mode = _get(dialog, Select.class, spec -> spec.withLabel("Access mode"));
        _setValue(mode, mode.getListDataView().getItems().filter(m -> m.code().equals("fast-lane")).findFirst().orElseThrow());
        _setValue(_get(dialog, BigDecimalField.class, spec -> spec.withLabel("GPU-hours")), new BigDecimal("40"));
        _click(_get(dialog, Button.class, spec -> spec.withText("Send request")));
        TextArea why = _get(dialog, TextArea.class, spec -> spec.withLabel("What the hours are for"));
        assertThat(why.isInvalid()).isTrue();
        _setValue(why, "Labs of the spring cohort");
        _click(_get(dialog, Button.class, spec -> spec.withText("Send request")));
        assertThat(_find(Dialog.class)).isEmpty();

        KaribuSupport.signIn(context, "operator@academy.test");
        UI.getCurrent().navigate(AllocationRequestsView.class);
        com.vaadin.flow.component.grid.Grid<?> grid = _get(com.vaadin.flow.component.grid.Grid.class);
        _click(_get(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "actions"), Button.class,
                spec -> spec.withText("Approve")));
        Dialog approve = _get(Dialog.class);
        _setValue(_get(approve, BigDecimalField.class, spec -> spec.withLabel("Granted GPU-hours")), new BigDecimal("30"));
        _click(_get(approve, Button.class, spec -> spec.withText("Approve")));

        KaribuSupport.signIn(context, "instructor@academy.test");
        UI.getCurrent().navigate(GpuHoursView.class);
        assertThat(_find(Paragraph.class, spec -> spec.withText("30 of 30 GPU-hours left"))).hasSize(1);

        // Book 2 h with 20 seats of 1 GPU: 40 GPU-hours are more than the 30 granted.
        _click(_get(Button.class, spec -> spec.withText("Book a lab session")));
        Dialog book = _get(Dialog.class);
        _click(_get(book, Button.class, spec -> spec.withText("Book a lab session")));
        assertThat(_find(Dialog.class)).as("refused: the dialog stays open").hasSize(1);
        _setValue(_get(book, com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withLabel("Seats")), 10);
        _click(_get(book, Button.class, spec -> spec.withText("Book a lab session")));
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(_find(Paragraph.class, spec -> spec.withText("10 of 30 GPU-hours left"))).hasSize(1);
        // The burn-down: the balance after each ledger entry, drawn and as a table.
        eu.aiskills.academy.shared.ui.Chart burnDown = _get(eu.aiskills.academy.shared.ui.Chart.class);
        assertThat(_find(burnDown, com.vaadin.flow.component.html.NativeTableCell.class)).extracting(cell -> cell.getText())
                .containsExactly("30", "10");
    }
}
