package eu.aiskills.academy.compute.ui;

import java.util.Arrays;
import java.util.HashMap;
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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.compute.FactoryEdit;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.compute.PartitionCapacity;
import eu.aiskills.academy.compute.SchedulerJobs;
import eu.aiskills.academy.compute.internal.slurm.SlurmConnector;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordBinder;
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

        TextArea description = new TextArea(getTranslation("factory-edit.description"));
        description.setMaxLength(FactoryEdit.DESCRIPTION_MAX);
        description.setRequired(true);
        description.setWidthFull();
        TextField note = new TextField(getTranslation("factory-edit.note"));
        note.setMaxLength(FactoryEdit.SUPERCOMPUTER_NOTE_MAX);
        TextField sectors = new TextField(getTranslation("factory-edit.sectors"));
        sectors.setHelperText(getTranslation("factory-edit.sectors-help"));
        sectors.setMaxLength(FactoryEdit.SECTORS_TEXT_MAX);
        PartitionsField partitions = new PartitionsField();
        SchedulerField scheduler = new SchedulerField(SlurmConnector.versions());
        RecordBinder<FactoryEdit> binder = new RecordBinder<>(FactoryEdit.class, Map.of());
        binder.forField(description).withNullRepresentation("").bind("description");
        binder.forField(note).withNullRepresentation("").bind("supercomputerNote");
        binder.forField(sectors).withConverter(text -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                (List<String> list) -> String.join(", ", list)).bind("keySectors");
        binder.forField(partitions).bind("partitions");
        binder.forField(scheduler).bind("scheduler");
        binder.readRecord(FactoryEdit.of(factory));

        FormLayout about = new FormLayout(description, note, sectors);
        about.setColspan(description, 2);
        add(about);
        add(new H2(getTranslation("factory-edit.partitions")), partitions);
        add(new H2(getTranslation("factory-edit.scheduler")), new Paragraph(getTranslation("factory-edit.scheduler-intro")), scheduler);
        Paragraph token = new Paragraph(getTranslation(connector.hasToken(factory.slug()) ? "factory-edit.token-present"
                : "factory-edit.token-missing", factory.slug()));
        token.addClassName("academy-note");
        add(token);

        Button save = new Button(getTranslation("factory-edit.save"), click -> save(binder, scheduler));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button test = new Button(getTranslation("factory-edit.check"), click -> checkConnection());
        test.setEnabled(factory.scheduler() != null);
        Button back = new Button(getTranslation("factory-edit.back"), click -> getUI().ifPresent(ui -> ui.navigate(FactoriesView.class)));
        back.addThemeVariants(ButtonVariant.TERTIARY);
        add(new HorizontalLayout(save, test, back), check);
        check.setId("connection-check");
        check.getElement().setAttribute("aria-live", "polite");
    }

    private void save(RecordBinder<FactoryEdit> binder, SchedulerField scheduler) {
        Map<String, HasValidation> fields = new HashMap<>(binder.fields());
        fields.putAll(scheduler.parts());
        fields.values().forEach(field -> field.setInvalid(false));
        try {
            factory = registry.edit(factory.id(), binder.write());
            Views.success(getTranslation("factory-edit.saved"));
            render();
        } catch (UserFacingException e) {
            Views.showRejection(this, e, fields);
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

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "factory-edit.title", factory == null ? "" : factory.name());
    }
}
