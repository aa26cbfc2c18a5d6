package eu.aiskills.academy.enrolment.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.enrolment.EnrolmentStatus;
import eu.aiskills.academy.enrolment.Rosters;
import eu.aiskills.academy.enrolment.RosterEntry;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.Chart;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/**
 * A run's roster for its instructors: seats as a bar (enrolled, completed, free, waiting), each
 * learner's status and progress, the waitlist in order, and a CSV export.
 */
@Route("teaching/runs/:" + RunRosterView.RUN)
@RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
class RunRosterView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String RUN = "run";

    private final transient Rosters rosters;
    private final transient Catalogue catalogue;
    private String title = "";

    RunRosterView(Rosters rosters, Catalogue catalogue) {
        this.rosters = rosters;
        this.catalogue = catalogue;
        addClassName("academy-roster");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RunId runId = event.getRouteParameters().get(RUN).flatMap(RunRosterView::parse)
                .orElseThrow(() -> new NotFoundException("enrolment.run-not-found"));
        CourseRun run = catalogue.runs(List.of(runId)).values().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("enrolment.run-not-found"));
        List<RosterEntry> roster = rosters.roster(runId);
        title = run.courseTitle() + " (" + run.code() + ")";
        removeAll();
        add(new RouterLink(getTranslation("teaching.back"), TeachingView.class), new H1(title));
        long enrolled = roster.stream().filter(r -> r.status() == EnrolmentStatus.ENROLLED).count();
        long completed = roster.stream().filter(r -> r.status() == EnrolmentStatus.COMPLETED).count();
        long waiting = roster.stream().filter(r -> r.status() == EnrolmentStatus.WAITLISTED).count();
        add(seatChart(run.capacity(), enrolled, completed, waiting));
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = rosters.rosterCsv(runId).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "roster-" + run.courseSlug() + "-" + run.code() + ".csv",
                    "text/csv;charset=utf-8", bytes.length);
        }), getTranslation("teaching.export"));
        csv.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        RouterLink gradebook = new RouterLink(getTranslation("gradebook.link"), GradebookView.class,
                new com.vaadin.flow.router.RouteParameters(GradebookView.RUN, runId.value().toString()));
        gradebook.addComponentAsFirst(VaadinIcon.TABLE.create());
        com.vaadin.flow.component.html.Div actions = new com.vaadin.flow.component.html.Div(gradebook, csv);
        actions.addClassName("academy-actions");
        add(actions);
        add(new H2(getTranslation("teaching.roster")), grid(roster.stream().filter(r -> r.status() != EnrolmentStatus.WAITLISTED).toList(), false));
        if (waiting > 0) {
            add(new H2(getTranslation("teaching.waitlist")), grid(roster.stream().filter(r -> r.status() == EnrolmentStatus.WAITLISTED).toList(), true));
        }
    }

    /** Seats at a glance: one bar split into completed, enrolled and free (with its table); the summary names the waitlist. */
    private Chart seatChart(int capacity, long enrolled, long completed, long waiting) {
        long free = Math.max(0, capacity - enrolled - completed);
        String summary = getTranslation("teaching.chart", completed, enrolled, free, waiting, capacity);
        return new Chart(summary, Chart.Kind.STACKED_BAR, List.of(getTranslation("teaching.chart.seats", capacity)), List.of(
                new Chart.Series(getTranslation("teaching.chart.completed"), List.of(completed)),
                new Chart.Series(getTranslation("teaching.chart.enrolled"), List.of(enrolled)),
                new Chart.Series(getTranslation("teaching.chart.free"), List.of(free))), "", true);
    }

    private Grid<RosterEntry> grid(List<RosterEntry> entries, boolean waitlist) {
        Grid<RosterEntry> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        if (waitlist) {
            grid.addColumn(RosterEntry::waitlistPosition).setHeader(getTranslation("teaching.col.position"))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(RosterEntry::name).setHeader(getTranslation("teaching.col.name")).setKey("name");
        if (!waitlist) {
            grid.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("teaching.col.status"));
            grid.addColumn(r -> getTranslation("progress.summary", r.lessonsDone(), r.lessonCount()))
                    .setHeader(getTranslation("teaching.col.progress"));
        }
        grid.addColumn(r -> Views.dateTime(this, r.requestedAt(), java.time.ZoneId.of("UTC")))
                .setHeader(getTranslation("teaching.col.requested"));
        grid.setItems(entries);
        return grid;
    }

    /** A run's id from a route parameter; empty for anything else. */
    static Optional<RunId> parse(String text) {
        try {
            return Optional.of(new RunId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return title + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
