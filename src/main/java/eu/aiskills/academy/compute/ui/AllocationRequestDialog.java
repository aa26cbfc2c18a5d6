package eu.aiskills.academy.compute.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.AccessMode;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationRequest;
import eu.aiskills.academy.compute.AllocationStatus;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.compute.PartitionSummary;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.Views;

/**
 * An instructor's request for GPU-hours on a factory partition, bound to an
 * {@link AllocationRequest}: factory, partition, access mode, the course run it is for, hours,
 * validity and justification. The factory's operators decide (or the access mode grants it at once).
 */
class AllocationRequestDialog extends Dialog {

    AllocationRequestDialog(Allocations allocations, FactoryRegistry registry, Catalogue catalogue, Runnable saved) {

        setHeaderTitle(getTranslation("gpu.request"));
        setWidth("min(44rem, 95vw)");
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
        DatePicker from = new DatePicker(getTranslation("gpu.field.from"));
        DatePicker until = new DatePicker(getTranslation("gpu.field.until"));
        RecordBinder<AllocationRequest> binder = new RecordBinder<>(AllocationRequest.class, Map.of("factory", "factorySlug",
                "run", "runId"));
        // Choosing a factory offers its partitions before the binder sets the partition it reads back.
        binder.forField(factory).withConverter(f -> f == null ? null : f.slug(),
                (String slug) -> registry.all().stream().filter(f -> f.slug().equals(slug)).findFirst().orElse(null)).bind("factorySlug");
        binder.forField(partition).withConverter(p -> p == null ? null : p.name(), (String name) -> factory.getValue() == null ? null
                : factory.getValue().partitions().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null)).bind("partition");
        binder.forField(mode).withConverter(m -> m == null ? null : m.code(),
                (String code) -> allocations.accessModes().stream().filter(m -> m.code().equals(code)).findFirst().orElse(null))
                .bind("accessMode");
        binder.forField(run).withConverter(r -> r == null ? null : r.id().value(),
                (UUID id) -> runs.stream().filter(r -> r.id().value().equals(id)).findFirst().orElse(null)).bind("runId");
        binder.forField(hours).bind("hours");
        binder.forField(justification).bind("justification");
        binder.forField(from).bind("validFrom");
        binder.forField(until).bind("validUntil");
        binder.readRecord(new AllocationRequest(null, null, null, null, null, "", LocalDate.now(), LocalDate.now().plusMonths(3)));
        FormLayout form = new FormLayout(factory, partition, mode, run, hours, from, until, justification);
        form.setColspan(justification, 2);
        add(form);
        Button send = new Button(getTranslation("gpu.send"), click -> {
            try {
                Allocation result = allocations.request(binder.write());
                close();
                Views.success(getTranslation(result.status() == AllocationStatus.APPROVED ? "gpu.granted" : "gpu.sent"));
                saved.run();
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, binder.fields());
            }
        });
        send.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), send);
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
