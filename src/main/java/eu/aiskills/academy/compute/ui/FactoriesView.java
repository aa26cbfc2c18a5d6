package eu.aiskills.academy.compute.ui;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.compute.PartitionSummary;
import eu.aiskills.academy.shared.ui.Views;

/** The EuroHPC AI Factories the Academy's labs run on, with their GPU partitions. */
@Route("factories")
@AnonymousAllowed
@Menu(title = "nav.factories", order = 20, icon = "vaadin:server")
public class FactoriesView extends VerticalLayout implements HasDynamicTitle {

    private final transient FactoryRegistry registry;

    FactoriesView(FactoryRegistry registry) {
        this.registry = registry;
        addClassName("academy-factories");
        var factories = registry.all();
        add(new H1(getTranslation("factories.title")), new Paragraph(getTranslation("factories.intro", factories.size())));
        Paragraph assumption = new Paragraph(getTranslation("factories.assumption-note"));
        assumption.addClassName("academy-note");
        add(assumption);
        Div cards = new Div();
        cards.addClassName("academy-card-grid");
        factories.forEach(f -> cards.add(card(f)));
        add(cards);
    }

    private Card card(FactorySummary factory) {
        Card card = new Card();
        card.setTitle(factory.name(), 3);
        card.setSubtitle(factory.hostingEntity());
        Locale locale = getLocale();
        String countries = factory.consortium().stream()
                .map(code -> Locale.of("", code).getDisplayCountry(locale))
                .collect(Collectors.joining(", "));
        card.add(new Paragraph(getTranslation("factories.supercomputer", factory.supercomputer()
                + (factory.supercomputerNote() == null ? "" : " (" + factory.supercomputerNote() + ")"))));
        card.add(new Paragraph(getTranslation("factories.consortium", countries)));
        Div sectors = new Div();
        sectors.addClassName("academy-badges");
        factory.keySectors().forEach(s -> sectors.add(new Badge(s)));
        card.add(sectors);

        Grid<PartitionSummary> partitions = new Grid<>();
        partitions.addColumn(PartitionSummary::name).setHeader(getTranslation("factories.partition")).setAutoWidth(true);
        partitions.addColumn(PartitionSummary::gpuModel).setHeader(getTranslation("factories.gpu-model")).setFlexGrow(2);
        partitions.addColumn(p -> getTranslation("factories.gpus", p.nodes(), p.gpusPerNode(), p.totalGpus()))
                .setHeader(getTranslation("factories.gpu-count")).setAutoWidth(true);
        partitions.addColumn(p -> p.gpuMemoryGb() + " GB").setHeader(getTranslation("factories.gpu-memory")).setAutoWidth(true);
        if (CurrentUser.hasRole(Roles.INSTRUCTOR) || CurrentUser.hasRole(Roles.FACTORY_OPERATOR) || CurrentUser.hasRole(Roles.ADMIN)) {
            partitions.addComponentColumn(p -> {
                RouterLink link = new RouterLink(getTranslation("calendar.open"), PartitionCalendarView.class,
                        new RouteParameters(Map.of("slug", factory.slug(), "partition", p.name())));
                link.getElement().setAttribute("aria-label", getTranslation("calendar.title", p.name(), factory.name()));
                return link;
            }).setHeader(getTranslation("calendar.bookings")).setAutoWidth(true);
        }
        partitions.setItems(factory.partitions());
        partitions.setAllRowsVisible(true);
        partitions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        partitions.setAriaLabel(getTranslation("factories.partitions-of", factory.name()));
        card.add(partitions);
        if (factory.partitions().stream().anyMatch(PartitionSummary::assumed)) {
            Span assumed = new Span(getTranslation("factories.assumed"));
            assumed.addClassName("academy-note");
            card.add(assumed);
        }
        if (registry.mayEdit(factory)) {
            Button edit = new Button(getTranslation("factories.edit"), click -> getUI().ifPresent(ui -> ui.navigate(FactoryEditView.class,
                    new RouteParameters("slug", factory.slug()))));
            edit.addThemeVariants(ButtonVariant.SMALL);
            card.addToFooter(edit);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "factories.title");
    }
}
