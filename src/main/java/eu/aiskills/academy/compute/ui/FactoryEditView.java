package eu.aiskills.academy.compute.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.compute.FactoryEdit;
import eu.aiskills.academy.compute.FactoryEdit.PartitionEdit;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.compute.PartitionCapacity;
import eu.aiskills.academy.compute.SchedulerEndpoint;
import eu.aiskills.academy.compute.SchedulerJobs;
import eu.aiskills.academy.compute.internal.slurm.SlurmConnector;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/**
 * A factory's operators keep its entry right: description, sectors, partitions, and where its
 * Slurm REST endpoint is, with a check that the platform reaches it.
 */
@Route("factories/:slug/edit")
@RolesAllowed({Roles.FACTORY_OPERATOR, Roles.ADMIN})
class FactoryEditView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient FactoryRegistry registry;
    private final transient SchedulerJobs jobs;
    private final transient SlurmConnector connector;
    private FactorySummary factory;

    private final TextArea description = new TextArea();
    private final TextField note = new TextField();
    private final TextField sectors = new TextField();
    private final VerticalLayout partitionRows = new VerticalLayout();
    private final List<PartitionRow> rows = new ArrayList<>();
    private final TextField schedulerUrl = new TextField();
    private final Select<String> apiVersion = new Select<>();
    private final TextField schedulerUser = new TextField();
    private final TextField workDir = new TextField();
    private final Div check = new Div();

    FactoryEditView(FactoryRegistry registry, SchedulerJobs jobs, SlurmConnector connector) {
        this.registry = registry;
        this.jobs = jobs;
        this.connector = connector;
        addClassName("academy-factory-edit");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        factory = registry.bySlug(slug).filter(registry::mayEdit).orElse(null);
        if (factory == null) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("factory-edit.title", factory.name())));
        add(new Paragraph(getTranslation("factory-edit.intro")));

        description.setLabel(getTranslation("factory-edit.description"));
        description.setMaxLength(FactoryEdit.DESCRIPTION_MAX);
        description.setRequired(true);
        description.setValue(factory.description() == null ? "" : factory.description());
        description.setWidthFull();
        note.setLabel(getTranslation("factory-edit.note"));
        note.setMaxLength(FactoryEdit.SUPERCOMPUTER_NOTE_MAX);
        note.setValue(factory.supercomputerNote() == null ? "" : factory.supercomputerNote());
        sectors.setLabel(getTranslation("factory-edit.sectors"));
        sectors.setHelperText(getTranslation("factory-edit.sectors-help"));
        sectors.setMaxLength(FactoryEdit.SECTORS_TEXT_MAX);
        sectors.setValue(String.join(", ", factory.keySectors()));
        FormLayout about = new FormLayout(description, note, sectors);
        about.setColspan(description, 2);
        add(about);

        add(new H2(getTranslation("factory-edit.partitions")));
        rows.clear();
        partitionRows.removeAll();
        partitionRows.setPadding(false);
        factory.partitions().forEach(p -> addRow(new PartitionEdit(p.name(), p.gpuModel(), p.gpusPerNode(), p.nodes(), p.gpuMemoryGb())));
        Button addPartition = new Button(getTranslation("factory-edit.add-partition"), VaadinIcon.PLUS.create(),
                click -> addRow(new PartitionEdit("", "", 4, 1, 80)));
        addPartition.addThemeVariants(ButtonVariant.TERTIARY);
        add(partitionRows, addPartition);

        add(new H2(getTranslation("factory-edit.scheduler")));
        add(new Paragraph(getTranslation("factory-edit.scheduler-intro")));
        SchedulerEndpoint endpoint = factory.scheduler();
        schedulerUrl.setLabel(getTranslation("factory-edit.scheduler-url"));
        schedulerUrl.setPlaceholder("https://slurm-rest.factory.example:6820");
        schedulerUrl.setMaxLength(FactoryEdit.SCHEDULER_URL_MAX);
        schedulerUrl.setValue(endpoint == null ? "" : endpoint.url());
        apiVersion.setLabel(getTranslation("factory-edit.scheduler-version"));
        apiVersion.setItems(SlurmConnector.versions());
        apiVersion.setValue(endpoint == null ? SlurmConnector.versions().getLast() : endpoint.apiVersion());
        schedulerUser.setLabel(getTranslation("factory-edit.scheduler-user"));
        schedulerUser.setMaxLength(FactoryEdit.SCHEDULER_USER_MAX);
        schedulerUser.setValue(endpoint == null ? "" : endpoint.user());
        workDir.setLabel(getTranslation("factory-edit.scheduler-work-dir"));
        workDir.setMaxLength(FactoryEdit.WORK_DIR_MAX);
        workDir.setValue(endpoint == null ? "/tmp" : endpoint.workDir());
        add(new FormLayout(schedulerUrl, apiVersion, schedulerUser, workDir));
        Paragraph token = new Paragraph(getTranslation(connector.hasToken(factory.slug()) ? "factory-edit.token-present"
                : "factory-edit.token-missing", factory.slug()));
        token.addClassName("academy-note");
        add(token);

        Button save = new Button(getTranslation("factory-edit.save"), click -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button test = new Button(getTranslation("factory-edit.check"), click -> checkConnection());
        test.setEnabled(factory.scheduler() != null);
        Button back = new Button(getTranslation("factory-edit.back"), click -> getUI().ifPresent(ui -> ui.navigate(FactoriesView.class)));
        back.addThemeVariants(ButtonVariant.TERTIARY);
        add(new HorizontalLayout(save, test, back), check);
        check.setId("connection-check");
        check.getElement().setAttribute("aria-live", "polite");
    }

    private void addRow(PartitionEdit edit) {
        PartitionRow row = new PartitionRow(edit);
        rows.add(row);
        partitionRows.add(row.layout);
    }

    private void save() {
        List.of(description, note, sectors, schedulerUrl, schedulerUser, workDir).forEach(f -> f.setInvalid(false));
        apiVersion.setInvalid(false);
        List<String> sectorList = Arrays.stream(sectors.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        SchedulerEndpoint endpoint = schedulerUrl.getValue().isBlank() ? null
                : new SchedulerEndpoint(schedulerUrl.getValue(), apiVersion.getValue(), schedulerUser.getValue(), workDir.getValue());
        try {
            factory = registry.edit(factory.id(), new FactoryEdit(description.getValue(), note.getValue(), sectorList,
                    rows.stream().map(PartitionRow::value).toList(), endpoint));
            Views.success(getTranslation("factory-edit.saved"));
            render();
        } catch (UserFacingException e) {
            Views.showRejection(this, e, Map.<String, HasValidation>of("description", description,
                    "supercomputerNote", note, "keySectors", sectors, "schedulerUrl", schedulerUrl, "schedulerApiVersion", apiVersion,
                    "schedulerUser", schedulerUser, "schedulerWorkDir", workDir));
        }
    }

    private void checkConnection() {
        check.removeAll();
        for (var partition : factory.partitions()) {
            try {
                PartitionCapacity capacity = jobs.capacity(factory.id(), partition.name());
                check.add(new Paragraph(getTranslation("factory-edit.check-ok", partition.name(), capacity.usableNodes(), capacity.nodes(),
                        capacity.gpusFree(), capacity.gpus())));
            } catch (UserFacingException e) {
                Paragraph failed = new Paragraph(getTranslation(e.messageKey(), e.arguments()));
                failed.addClassName("academy-error");
                check.add(failed);
                return;
            }
        }
    }

    /** One partition's fields. */
    private final class PartitionRow {

        private final TextField name = new TextField();
        private final TextField model = new TextField();
        private final IntegerField gpusPerNode = new IntegerField();
        private final IntegerField nodes = new IntegerField();
        private final IntegerField memory = new IntegerField();
        private final Div layout = new Div();

        PartitionRow(PartitionEdit edit) {
            name.setLabel(getTranslation("factory-edit.partition-name"));
            name.setMaxLength(FactoryEdit.PARTITION_NAME_MAX);
            name.setValue(edit.name());
            model.setLabel(getTranslation("factories.gpu-model"));
            model.setMaxLength(FactoryEdit.GPU_MODEL_MAX);
            model.setValue(edit.gpuModel());
            gpusPerNode.setLabel(getTranslation("factory-edit.gpus-per-node"));
            gpusPerNode.setMin(1);
            gpusPerNode.setMax(16);
            gpusPerNode.setStepButtonsVisible(true);
            gpusPerNode.setValue(edit.gpusPerNode());
            nodes.setLabel(getTranslation("factory-edit.nodes"));
            nodes.setMin(1);
            nodes.setMax(100_000);
            nodes.setValue(edit.nodes());
            memory.setLabel(getTranslation("factories.gpu-memory"));
            memory.setMin(1);
            memory.setMax(2048);
            memory.setSuffixComponent(new com.vaadin.flow.component.html.Span("GB"));
            memory.setValue(edit.gpuMemoryGb());
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                rows.remove(this);
                partitionRows.remove(layout);
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel(getTranslation("factory-edit.remove-partition", edit.name()));
            layout.add(name, model, gpusPerNode, nodes, memory, remove);
            layout.addClassName("academy-partition-row");
            layout.getElement().setAttribute("role", "group");
            layout.getElement().setAttribute("aria-label", getTranslation("factory-edit.partition-group",
                    edit.name().isBlank() ? "…" : edit.name()));
        }

        PartitionEdit value() {
            return new PartitionEdit(name.getValue(), model.getValue(), number(gpusPerNode), number(nodes), number(memory));
        }

        private static int number(IntegerField field) {
            return field.getValue() == null ? 0 : field.getValue();
        }
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "factory-edit.title", factory == null ? "" : factory.name());
    }
}
