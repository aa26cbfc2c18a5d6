package eu.aiskills.academy.compute.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationStatus;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.compute.Booking;
import eu.aiskills.academy.compute.Bookings;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.LearnerQuota;
import eu.aiskills.academy.compute.QuotaEntry;
import eu.aiskills.academy.compute.Quotas;
import eu.aiskills.academy.compute.SchedulerJob;
import eu.aiskills.academy.compute.SchedulerJobs;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.ui.Chart;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/**
 * Every person's GPU-hours, visible: a learner's quota in each run with what used it; an
 * instructor's allocations with what is left, and the form to request more.
 */
@Route("gpu-hours")
@PermitAll
@Menu(title = "nav.gpu-hours", order = 21, icon = "vaadin:dashboard")
class GpuHoursView extends VerticalLayout implements HasDynamicTitle {

    private final transient Quotas quotas;
    private final transient Allocations allocations;
    private final transient FactoryRegistry registry;
    private final transient Catalogue catalogue;
    private final transient Bookings bookings;
    private final transient SchedulerJobs jobs;

    GpuHoursView(Quotas quotas, Allocations allocations, FactoryRegistry registry, Catalogue catalogue, Bookings bookings,
                 SchedulerJobs jobs) {
        this.bookings = bookings;
        this.jobs = jobs;
        this.quotas = quotas;
        this.allocations = allocations;
        this.registry = registry;
        this.catalogue = catalogue;
        addClassName("academy-gpu-hours");
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("gpu.title")), new Paragraph(getTranslation("gpu.intro")));
        List<LearnerQuota> mine = quotas.mine();
        boolean teaches = CurrentUser.hasRole(Roles.INSTRUCTOR) || CurrentUser.hasRole(Roles.ADMIN);
        if (mine.isEmpty() && !teaches) {
            add(new Paragraph(getTranslation("gpu.none")));
        }
        if (!mine.isEmpty()) {
            add(new H2(getTranslation("gpu.learner")));
            mine.forEach(quota -> add(learnerCard(quota)));
        }
        if (teaches) {
            add(new H2(getTranslation("gpu.allocations")));
            Button request = new Button(getTranslation("gpu.request"), click -> new AllocationRequestDialog(allocations, registry, catalogue, this::render).open());
            request.addThemeVariants(ButtonVariant.PRIMARY);
            add(request);
            List<Allocation> requested = allocations.mine();
            if (requested.isEmpty()) {
                add(new Paragraph(getTranslation("gpu.no-allocations")));
            }
            requested.forEach(allocation -> add(allocationCard(allocation)));
        }
    }

    private Component learnerCard(LearnerQuota quota) {
        BigDecimal granted = quota.entries().stream().filter(e -> e.hours().signum() > 0).map(QuotaEntry::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Div card = card(quota.courseTitle() + " (" + quota.runCode() + ")", quota.remaining(), granted, quota.entries());
        card.add(entries(quota.entries()));
        return card;
    }

    private Component allocationCard(Allocation allocation) {
        boolean ledger = allocation.status() != AllocationStatus.REQUESTED && allocation.status() != AllocationStatus.REJECTED;
        List<QuotaEntry> spent = ledger ? allocations.ledger(allocation.id(), 50) : List.of();
        Div card = card(allocation.factoryName() + " · " + allocation.partition(), allocation.remaining(),
                allocation.grantedHours() == null ? allocation.requestedHours() : allocation.grantedHours(), spent);
        Paragraph status = new Paragraph(getTranslation(allocation.status().messageKey()) + " · "
                + getTranslation("gpu.valid", Views.date(this, allocation.validFrom()), Views.date(this, allocation.validUntil()))
                + (allocation.decisionNote() == null ? "" : " · " + allocation.decisionNote()));
        card.add(status);
        if (allocation.status() == AllocationStatus.APPROVED) {
            Button book = new Button(getTranslation("booking.book"), click -> new BookingDialog(bookings, allocation, this::render).open());
            card.add(book);
            List<Booking> booked = bookings.ofAllocation(allocation.id());
            if (!booked.isEmpty()) {
                card.add(new H3(getTranslation("booking.sessions")), sessions(booked));
            }
            RouterLink calendar = new RouterLink(getTranslation("gpu.calendar", allocation.partition()), PartitionCalendarView.class,
                    new RouteParameters(Map.of("slug", allocation.factorySlug(), "partition", allocation.partition())));
            card.add(new Paragraph(calendar));
            List<SchedulerJob> ran = jobs.ofAllocation(allocation.id());
            if (!ran.isEmpty()) {
                card.add(new H3(getTranslation("gpu.jobs")), jobGrid(ran));
            }
        }
        if (ledger) {
            card.add(entries(spent));
        }
        return card;
    }

    /**
     * A card saying what is left out of what was granted, and (once hours moved) a line of the
     * balance after each entry of the ledger: the burn-down, with its table.
     */
    private Div card(String title, BigDecimal remaining, BigDecimal total, List<QuotaEntry> entries) {
        Div card = new Div(new H3(title));
        card.addClassName("academy-card");
        Paragraph text = new Paragraph(getTranslation("gpu.remaining", plain(remaining), plain(total)));
        text.addClassName("academy-gpu-remaining");
        card.add(text);
        if (entries.size() > 1) {
            // A line needs two points: a single grant is the sentence above.
            List<QuotaEntry> chronological = entries.stream().sorted(java.util.Comparator.comparing(QuotaEntry::createdAt)).toList();
            // Walked back from what is left now, so that a ledger shown in part still ends at the true balance.
            BigDecimal[] after = new BigDecimal[chronological.size()];
            BigDecimal balance = remaining == null ? BigDecimal.ZERO : remaining;
            for (int i = chronological.size() - 1; i >= 0; i--) {
                after[i] = balance;
                balance = balance.subtract(chronological.get(i).hours());
            }
            java.time.ZoneId utc = java.time.ZoneId.of("UTC");
            card.add(new Chart(getTranslation("gpu.chart.summary", title, plain(remaining), chronological.size()), Chart.Kind.LINE,
                    chronological.stream().map(e -> Views.dateTime(this, e.createdAt(), utc)).toList(),
                    List.of(new Chart.Series(getTranslation("gpu.chart.left"), List.of(after))), getTranslation("gpu.chart.unit"), false));
        }
        return card;
    }

    /** The jobs run under an allocation: where each stands, why, and what it cost. */
    private Grid<SchedulerJob> jobGrid(List<SchedulerJob> ran) {
        Grid<SchedulerJob> grid = new Grid<>();
        java.time.ZoneId utc = java.time.ZoneId.of("UTC");
        grid.addColumn(SchedulerJob::purpose).setHeader(getTranslation("gpu.job.purpose")).setFlexGrow(2);
        grid.addComponentColumn(job -> {
            Span state = new Span(getTranslation(job.state().messageKey()));
            state.getElement().getThemeList().add("badge " + switch (job.state()) {
                case COMPLETED -> "success";
                case FAILED, LOST, PREEMPTED, TIMED_OUT -> "error";
                case CANCELLED -> "contrast";
                default -> "";
            });
            return state;
        }).setHeader(getTranslation("authoring.field.status")).setAutoWidth(true);
        grid.addColumn(job -> job.reasonKey() == null ? "" : getTranslation(job.reasonKey(), job.reasonDetail() == null ? ""
                : job.reasonDetail())).setHeader(getTranslation("gpu.job.why")).setFlexGrow(3);
        grid.addColumn(job -> job.startedAt() == null ? (job.expectedStartAt() == null ? "" : getTranslation("gpu.job.expected",
                Views.dateTime(this, job.expectedStartAt(), utc))) : Views.dateTime(this, job.startedAt(), utc))
                .setHeader(getTranslation("gpu.job.started")).setAutoWidth(true);
        grid.addColumn(job -> getTranslation("gpu.job.hours", plain(job.consumedHours() == null ? BigDecimal.ZERO : job.consumedHours()),
                plain(job.reservedHours()), job.gpus())).setHeader(getTranslation("gpu.col.hours")).setAutoWidth(true);
        grid.addComponentColumn(job -> {
            Button cancel = new Button(getTranslation("gpu.job.cancel"), click -> {
                jobs.cancel(job.id());
                render();
            });
            cancel.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            cancel.setVisible(!job.state().terminal());
            cancel.setAriaLabel(getTranslation("gpu.job.cancel-named", job.purpose()));
            return cancel;
        }).setKey("actions").setAutoWidth(true);
        grid.setItems(ran);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.WRAP_CELL_CONTENT);
        return grid;
    }

    private Grid<Booking> sessions(List<Booking> booked) {
        Grid<Booking> grid = new Grid<>();
        java.time.ZoneId utc = java.time.ZoneId.of("UTC");
        grid.addColumn(b -> Views.dateTime(this, b.startsAt(), utc) + " – " + Views.dateTime(this, b.endsAt(), utc))
                .setHeader(getTranslation("booking.col.when")).setFlexGrow(2);
        grid.addColumn(b -> getTranslation("booking.size", b.seats(), b.gpusPerSeat(), b.gpus())).setHeader(getTranslation("booking.col.size"));
        grid.addColumn(b -> plain(b.gpuHours())).setHeader(getTranslation("gpu.col.hours"));
        grid.addColumn(b -> getTranslation(b.active() ? "booking.status.booked" : "booking.status.cancelled"))
                .setHeader(getTranslation("authoring.field.status"));
        grid.addComponentColumn(b -> {
            Button cancel = new Button(getTranslation("booking.cancel"), click -> {
                bookings.cancel(b.id());
                Views.success(getTranslation("booking.cancelled"));
                render();
            });
            cancel.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            cancel.setVisible(b.active());
            return cancel;
        }).setKey("actions");
        grid.setItems(booked);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<QuotaEntry> entries(List<QuotaEntry> entries) {
        Grid<QuotaEntry> grid = new Grid<>();
        grid.addColumn(e -> Views.dateTime(this, e.createdAt(), java.time.ZoneId.of("UTC"))).setHeader(getTranslation("gpu.col.when"));
        grid.addColumn(e -> getTranslation(e.kind().messageKey())).setHeader(getTranslation("gpu.col.what"));
        grid.addColumn(e -> (e.hours().signum() > 0 ? "+" : "") + plain(e.hours())).setHeader(getTranslation("gpu.col.hours"));
        grid.addColumn(QuotaEntry::reason).setHeader(getTranslation("gpu.col.why")).setFlexGrow(2);
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "gpu.title");
    }
}
