package eu.aiskills.academy.compute.ui;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.compute.Bookings;
import eu.aiskills.academy.compute.PartitionCalendar;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/**
 * A week of a partition's bookings: free GPUs hour by hour, coloured by how full the partition is,
 * the bookings themselves, and an iCalendar export. Times are UTC, as bookings are made.
 */
@Route("factories/:slug/:partition/calendar")
@RolesAllowed({Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN})
class PartitionCalendarView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Bookings bookings;
    private String title = "";

    PartitionCalendarView(Bookings bookings) {
        this.bookings = bookings;
        addClassName("academy-partition-calendar");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        String partition = event.getRouteParameters().get("partition").orElse("");
        LocalDate monday = event.getLocation().getQueryParameters().getSingleParameter("week").map(PartitionCalendarView::date)
                .orElseGet(() -> LocalDate.now(ZoneOffset.UTC)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant from = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
        PartitionCalendar calendar;
        try {
            calendar = bookings.calendar(slug, partition, from, from.plus(java.time.Duration.ofDays(7)));
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        render(calendar, monday);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return LocalDate.now(ZoneOffset.UTC);
        }
    }

    private void render(PartitionCalendar calendar, LocalDate monday) {
        removeAll();
        title = getTranslation("calendar.title", calendar.partition(), calendar.factoryName());
        add(new H1(title));
        add(new Paragraph(getTranslation("calendar.intro", calendar.capacity())));
        String base = "factories/" + calendar.factorySlug() + "/" + calendar.partition() + "/calendar";
        Button previous = new Button(getTranslation("calendar.previous"), click -> week(base, monday.minusWeeks(1)));
        Button today = new Button(getTranslation("calendar.this-week"), click -> week(base, LocalDate.now(ZoneOffset.UTC)));
        Button next = new Button(getTranslation("calendar.next"), click -> week(base, monday.plusWeeks(1)));
        previous.addThemeVariants(ButtonVariant.TERTIARY);
        next.addThemeVariants(ButtonVariant.TERTIARY);
        today.addThemeVariants(ButtonVariant.TERTIARY);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Span range = new Span(getTranslation("calendar.week", day.format(monday), day.format(monday.plusDays(6))));
        range.addClassName("academy-calendar-range");
        Anchor ics = new Anchor("/factories/" + calendar.factorySlug() + "/" + calendar.partition() + "/bookings.ics",
                getTranslation("calendar.ics"));
        ics.getElement().setAttribute("download", true);
        HorizontalLayout toolbar = new HorizontalLayout(previous, today, next, range, ics);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.addClassName("academy-toolbar");
        add(toolbar);
        add(heatmap(calendar, monday));
        add(legend());
        add(new H2(getTranslation("calendar.bookings")));
        if (calendar.bookings().isEmpty()) {
            add(new Paragraph(getTranslation("calendar.no-bookings")));
        } else {
            add(list(calendar.bookings()));
        }
    }

    private void week(String base, LocalDate date) {
        getUI().ifPresent(ui -> ui.navigate(base, QueryParameters.simple(Map.of("week", date.toString()))));
    }

    /** Free GPUs per hour (UTC): one row per day, one column per hour, a real table that screen readers can walk. */
    private NativeTable heatmap(PartitionCalendar calendar, LocalDate monday) {
        NativeTable table = new NativeTable();
        table.addClassName("academy-heatmap");
        table.setCaptionText(getTranslation("calendar.caption", calendar.capacity()));
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText(getTranslation("calendar.day"));
        for (int hour = 0; hour < 24; hour++) {
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.setText(String.format("%02d", hour));
            cell.getElement().setAttribute("scope", "col");
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d", getLocale());
        Instant now = Instant.now();
        for (int d = 0; d < 7; d++) {
            LocalDate date = monday.plusDays(d);
            NativeTableRow row = table.getBody().addRow();
            NativeTableHeaderCell label = row.addHeaderCell();
            label.setText(day.format(date));
            label.getElement().setAttribute("scope", "row");
            for (int hour = 0; hour < 24; hour++) {
                Instant start = date.atTime(hour, 0).toInstant(ZoneOffset.UTC);
                int held = calendar.peakHeld(start, start.plusSeconds(3600));
                int free = Math.max(0, calendar.capacity() - held);
                NativeTableCell cell = row.addDataCell();
                cell.setText(String.valueOf(free));
                cell.addClassName("level-" + level(held, calendar.capacity()));
                if (start.plusSeconds(3600).isBefore(now)) {
                    cell.addClassName("past");
                }
                cell.getElement().setAttribute("title", getTranslation("calendar.cell", day.format(date), String.format("%02d:00", hour),
                        free, calendar.capacity()));
            }
        }
        return table;
    }

    /** 0 (all free) to 4 (full), in quarters of the capacity. */
    private static int level(int held, int capacity) {
        if (held <= 0) {
            return 0;
        }
        if (held >= capacity) {
            return 4;
        }
        return Math.min(3, 1 + (held * 3) / capacity);
    }

    private Div legend() {
        Div legend = new Div();
        legend.addClassName("academy-heatmap-legend");
        for (int level = 0; level <= 4; level++) {
            Span swatch = new Span(getTranslation("calendar.level." + level));
            swatch.addClassName("level-" + level);
            legend.add(swatch);
        }
        return legend;
    }

    private Grid<PartitionCalendar.Entry> list(List<PartitionCalendar.Entry> entries) {
        Grid<PartitionCalendar.Entry> grid = new Grid<>();
        java.time.ZoneId utc = java.time.ZoneId.of("UTC");
        grid.addColumn(e -> Views.dateTime(this, e.startsAt(), utc)).setHeader(getTranslation("calendar.col.starts")).setAutoWidth(true);
        grid.addColumn(e -> Views.dateTime(this, e.endsAt(), utc)).setHeader(getTranslation("calendar.col.ends")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("calendar.gpus", e.gpus(), e.seats())).setHeader(getTranslation("calendar.col.gpus"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.label() == null ? getTranslation("calendar.taken") : e.label()
                + (e.mine() ? " · " + getTranslation("calendar.mine") : "")).setHeader(getTranslation("calendar.col.what")).setFlexGrow(1);
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
        grid.setAriaLabel(getTranslation("calendar.bookings"));
        return grid;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "calendar.page-title", title);
    }
}
