package eu.aiskills.academy.compute.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.AccessMode;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationRequest;
import eu.aiskills.academy.compute.AllocationStatus;
import eu.aiskills.academy.compute.Booking;
import eu.aiskills.academy.compute.BookingRefused;
import eu.aiskills.academy.compute.BookingRequest;
import eu.aiskills.academy.compute.Bookings;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.compute.LearnerQuota;
import eu.aiskills.academy.compute.PartitionSummary;
import eu.aiskills.academy.compute.QuotaEntry;
import eu.aiskills.academy.compute.Quotas;
import eu.aiskills.academy.compute.SchedulerJob;
import eu.aiskills.academy.compute.SchedulerJobs;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/**
 * Every person's GPU-hours, visible: a learner's quota in each run with what used it; an
 * instructor's allocations with what is left, and the form to request more.
 * <p>Long because the three parts of one person's GPU-hours page (a learner's quotas, an
 * instructor's allocations, the request form) refresh together after every request; each part is
 * its own method.
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
            Button request = new Button(getTranslation("gpu.request"), click -> requestDialog());
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
        Div card = card(quota.courseTitle() + " (" + quota.runCode() + ")", quota.remaining(), granted);
        card.add(entries(quota.entries()));
        return card;
    }

    private Component allocationCard(Allocation allocation) {
        Div card = card(allocation.factoryName() + " · " + allocation.partition(), allocation.remaining(),
                allocation.grantedHours() == null ? allocation.requestedHours() : allocation.grantedHours());
        Paragraph status = new Paragraph(getTranslation(allocation.status().messageKey()) + " · "
                + getTranslation("gpu.valid", Views.date(this, allocation.validFrom()), Views.date(this, allocation.validUntil()))
                + (allocation.decisionNote() == null ? "" : " · " + allocation.decisionNote()));
        card.add(status);
        if (allocation.status() == AllocationStatus.APPROVED) {
            Button book = new Button(getTranslation("booking.book"), click -> bookDialog(allocation, null));
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
        if (allocation.status() != AllocationStatus.REQUESTED && allocation.status() != AllocationStatus.REJECTED) {
            card.add(entries(allocations.ledger(allocation.id(), 50)));
        }
        return card;
    }

    /** A card with a bar of what is left out of what was granted, readable as text too. */
    private Div card(String title, BigDecimal remaining, BigDecimal total) {
        Div card = new Div(new H3(title));
        card.addClassName("academy-card");
        String label = getTranslation("gpu.remaining", plain(remaining), plain(total));
        Div bar = new Div();
        bar.addClassName("academy-seat-bar");
        bar.getElement().setAttribute("role", "img");
        bar.getElement().setAttribute("aria-label", label);
        double share = total.signum() == 0 ? 0 : Math.min(1, remaining.doubleValue() / total.doubleValue());
        Div left = new Div();
        left.addClassNames("academy-seat-segment", "academy-seat-enrolled");
        left.getStyle().set("flex-grow", String.valueOf(share));
        Div used = new Div();
        used.addClassNames("academy-seat-segment", "academy-seat-free");
        used.getStyle().set("flex-grow", String.valueOf(1 - share));
        bar.add(left, used);
        Span text = new Span(label);
        text.addClassName("academy-seat-legend");
        card.add(bar, text);
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

    /** The booking form; a refusal shows the nearest starts that fit, each one click away. */
    private void bookDialog(Allocation allocation, java.time.LocalDateTime proposed) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("booking.title", allocation.factoryName(), allocation.partition()));
        dialog.setWidth("min(40rem, 95vw)");
        com.vaadin.flow.component.datetimepicker.DateTimePicker start =
                new com.vaadin.flow.component.datetimepicker.DateTimePicker(getTranslation("booking.field.start"));
        start.setHelperText(getTranslation("booking.utc"));
        start.setValue(proposed != null ? proposed
                : java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).atTime(9, 0));
        com.vaadin.flow.component.textfield.IntegerField hours = new com.vaadin.flow.component.textfield.IntegerField(
                getTranslation("booking.field.hours"));
        hours.setValue(2);
        hours.setMin(1);
        hours.setMax((int) BookingRequest.DURATION_MAX.toHours());
        com.vaadin.flow.component.textfield.IntegerField seats = new com.vaadin.flow.component.textfield.IntegerField(
                getTranslation("booking.field.seats"));
        seats.setValue(20);
        com.vaadin.flow.component.textfield.IntegerField gpus = new com.vaadin.flow.component.textfield.IntegerField(
                getTranslation("booking.field.gpus"));
        gpus.setValue(1);
        Div alternatives = new Div();
        alternatives.addClassName("academy-actions");
        dialog.add(new FormLayout(start, hours, seats, gpus), alternatives);
        Button confirm = new Button(getTranslation("booking.book"), click -> {
            alternatives.removeAll();
            try {
                bookings.book(new BookingRequest(allocation.id(), start.getValue() == null ? null
                        : start.getValue().toInstant(java.time.ZoneOffset.UTC),
                        java.time.Duration.ofHours(hours.getValue() == null ? 0 : hours.getValue()),
                        seats.getValue() == null ? 0 : seats.getValue(), gpus.getValue() == null ? 0 : gpus.getValue()));
                dialog.close();
                Views.success(getTranslation("booking.booked"));
                render();
            } catch (BookingRefused refused) {
                Views.error(getTranslation(refused.messageKey(), refused.arguments()));
                for (java.time.Instant alternative : refused.alternatives()) {
                    java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(alternative, java.time.ZoneOffset.UTC);
                    Button take = new Button(getTranslation("booking.try", Views.dateTime(this, alternative, java.time.ZoneId.of("UTC"))),
                            e -> start.setValue(local));
                    take.addThemeVariants(ButtonVariant.TERTIARY);
                    alternatives.add(take);
                }
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("startsAt", start, "duration", hours, "seats", seats, "gpusPerSeat", gpus));
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        dialog.open();
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

    private void requestDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("gpu.request"));
        dialog.setWidth("min(44rem, 95vw)");
        Select<FactorySummary> factory = new Select<>();
        factory.setLabel(getTranslation("gpu.field.factory"));
        factory.setItems(registry.all());
        factory.setItemLabelGenerator(FactorySummary::name);
        Select<PartitionSummary> partition = new Select<>();
        partition.setLabel(getTranslation("gpu.field.partition"));
        partition.setItemLabelGenerator(p -> p.name() + " · " + p.gpuModel());
        factory.addValueChangeListener(e -> partition.setItems(e.getValue() == null ? List.of() : e.getValue().partitions()));
        Select<AccessMode> mode = new Select<>();
        mode.setLabel(getTranslation("gpu.field.mode"));
        mode.setItems(allocations.accessModes());
        mode.setItemLabelGenerator(m -> getTranslation("gpu.mode", m.name(), plain(m.maxGpuHours()), m.maxDays()));
        ComboBox<CourseRun> run = new ComboBox<>(getTranslation("gpu.field.run"));
        List<CourseRun> runs = CurrentUser.hasRole(Roles.INSTRUCTOR)
                ? catalogue.taughtCourses().stream().map(CourseDetail::runs).flatMap(List::stream).toList() : List.of();
        run.setItems(runs);
        run.setItemLabelGenerator(r -> r.courseTitle() + " (" + r.code() + ")");
        BigDecimalField hours = new BigDecimalField(getTranslation("gpu.field.hours"));
        TextArea justification = new TextArea(getTranslation("gpu.field.justification"));
        justification.setMaxLength(AllocationRequest.JUSTIFICATION_MAX_LENGTH);
        DatePicker from = new DatePicker(getTranslation("gpu.field.from"), LocalDate.now());
        DatePicker until = new DatePicker(getTranslation("gpu.field.until"), LocalDate.now().plusMonths(3));
        FormLayout form = new FormLayout(factory, partition, mode, run, hours, from, until, justification);
        form.setColspan(justification, 2);
        dialog.add(form);
        Button send = new Button(getTranslation("gpu.send"), click -> {
            try {
                Allocation result = allocations.request(new AllocationRequest(
                        Optional.ofNullable(factory.getValue()).map(FactorySummary::slug).orElse(null),
                        Optional.ofNullable(partition.getValue()).map(PartitionSummary::name).orElse(null),
                        Optional.ofNullable(mode.getValue()).map(AccessMode::code).orElse(null),
                        Optional.ofNullable(run.getValue()).map(r -> r.id().value()).orElse(null), hours.getValue(),
                        justification.getValue(), from.getValue(), until.getValue()));
                dialog.close();
                Views.success(getTranslation(result.status() == AllocationStatus.APPROVED ? "gpu.granted" : "gpu.sent"));
                render();
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("factory", factory, "partition", partition, "accessMode", mode,
                        "run", run, "hours", hours, "justification", justification, "validUntil", until));
            }
        });
        send.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), send);
        dialog.open();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "gpu.title");
    }
}
