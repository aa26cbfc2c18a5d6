package eu.aiskills.academy.talent.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.Postings;

/** An employer's page: its open postings, soonest closing first. */
@Route("employers/:id")
@AnonymousAllowed
class EmployerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Postings postings;
    private final transient OrganisationManagement organisations;
    private String name = "";

    EmployerView(Postings postings, OrganisationManagement organisations) {
        this.postings = postings;
        this.organisations = organisations;
        addClassName("academy-employer");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OrganisationId id;
        try {
            id = new OrganisationId(UUID.fromString(event.getRouteParameters().get("id").orElse("")));
        } catch (IllegalArgumentException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        var organisation = organisations.find(id).filter(o -> o.kind() == OrganisationKind.EMPLOYER).orElse(null);
        if (organisation == null) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        name = organisation.name();
        removeAll();
        add(new H1(name));
        List<Posting> open = postings.openOf(id);
        add(new Paragraph(getTranslation("employer.open", open.size())));
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (Posting posting : open) {
            Div card = new Div();
            card.addClassName("academy-card");
            card.add(new H3(new RouterLink(posting.draft().title(), PostingView.class,
                    new RouteParameters(Map.of("id", posting.id().toString())))));
            card.add(new Paragraph(getTranslation(posting.draft().kind().messageKey()) + " · "
                    + getTranslation(posting.draft().remote().messageKey()) + " · "
                    + getTranslation("employer.closes", date.format(posting.draft().closesOn()))));
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "employer.title", name);
    }
}
