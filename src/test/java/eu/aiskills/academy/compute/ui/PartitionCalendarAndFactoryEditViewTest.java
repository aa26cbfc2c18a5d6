package eu.aiskills.academy.compute.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationRequest;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.compute.BookingRequest;
import eu.aiskills.academy.compute.Bookings;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.PartitionCalendar;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** A partition's week of sessions, as its operators and instructors see it; operators edit their factory in a form. */
@AcademyTest
class PartitionCalendarAndFactoryEditViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Allocations allocations;
    @Autowired
    Bookings bookings;
    @Autowired
    Catalogue catalogue;
    @Autowired
    FactoryRegistry registry;

    @TempDir
    Path content;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWeekShowsFreeGpusHourByHourAndWhoseSessionsTheyAre() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        Instant ten = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        bookedSession("Calendar view labs", ten);

        KaribuSupport.signIn(context, "instructor@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("factories/lumi/gpu-lab/calendar", QueryParameters.simple(Map.of("week", day.toString())));

        NativeTable table = _get(NativeTable.class);
        assertThat(table.getCaptionText()).isEqualTo("Free GPUs per hour, UTC (of 64)");
        List<NativeTableCell> cells = _find(table, NativeTableCell.class);
        assertThat(cells).hasSize(7 * 24);
        int dayIndex = day.getDayOfWeek().getValue() - 1;
        NativeTableCell atTen = cells.get(dayIndex * 24 + 10);
        assertThat(Integer.parseInt(atTen.getText())).isLessThanOrEqualTo(64 - 8);
        assertThat(atTen.getElement().getAttribute("title")).contains("10:00 UTC").contains("of 64 GPUs free");
        assertThat(atTen.getClassNames()).anyMatch(c -> c.startsWith("level-") && !c.equals("level-0"));
        Grid<PartitionCalendar.Entry> list = _get(Grid.class);
        assertThat(list.getListDataView().getItems().filter(e -> "Calendar view labs".equals(e.label()) && e.mine())).hasSize(1);

        _click(_get(Button.class, spec -> spec.withText("Next week")));
        assertThat(UI.getCurrent().getActiveViewLocation().getQueryParameters().getSingleParameter("week"))
                .contains(day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).plusWeeks(1).toString());

        KaribuSupport.signIn(context, "student@academy.test");
        assertThatThrownBy(() -> bookings.calendar("lumi", "gpu-lab", ten, ten.plus(Duration.ofDays(1))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOperatorEditsTheFactoryInTheFormWithErrorsBesideTheFields() {
        KaribuSupport.signIn(context, "operator@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(FactoriesView.class);
        _click(_find(Button.class, spec -> spec.withText("Edit this factory")).getFirst());
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("factories/lumi/edit");

        TextField url = _get(TextField.class, spec -> spec.withLabel("slurmrestd address"));
        _setValue(url, "ftp://slurm.lumi.example");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Slurm user")), "academy");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).contains("http or https");

        _setValue(_get(TextField.class, spec -> spec.withLabel("slurmrestd address")), "https://slurm-rest.lumi.example:6820");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Key sectors")), "Health, Manufacturing, Climate");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        var lumi = registry.bySlug("lumi").orElseThrow();
        assertThat(lumi.scheduler().url()).isEqualTo("https://slurm-rest.lumi.example:6820");
        assertThat(lumi.keySectors()).containsExactly("Health", "Manufacturing", "Climate");
        assertThat(_get(Button.class, spec -> spec.withText("Check the connection")).isEnabled()).isTrue();
    }

    private void bookedSession(String purpose, Instant start) {
        String slug = "calendar-" + Math.abs(purpose.hashCode());
        new TestCourses(content, context).course(slug).create();
        CourseRun run = catalogue.publishedCourse(slug).orElseThrow().runs().getFirst();
        KaribuSupport.signIn(context, "instructor@academy.test");
        Allocation allocation = allocations.request(new AllocationRequest("lumi", "gpu-lab", "fast-lane", run.id().value(),
                new BigDecimal("100"), purpose, LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).plusDays(30)));
        KaribuSupport.signIn(context, "operator@academy.test");
        allocations.approve(allocation.id(), new BigDecimal("100"), null);
        KaribuSupport.signIn(context, "instructor@academy.test");
        bookings.book(new BookingRequest(allocation.id(), start, Duration.ofHours(2), 8, 1));
    }
}
