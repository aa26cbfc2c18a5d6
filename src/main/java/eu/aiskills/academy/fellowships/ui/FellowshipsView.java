package eu.aiskills.academy.fellowships.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.fellowships.FellowshipApplication;
import eu.aiskills.academy.fellowships.FellowshipApplications;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.shared.ui.Views;

/** Open fellowship calls, soonest deadline first, and the signed-in person's applications. */
@Route("fellowships")
@AnonymousAllowed
@Menu(title = "nav.fellowships", order = 13, icon = "vaadin:globe")
class FellowshipsView extends VerticalLayout implements HasDynamicTitle {

    FellowshipsView(FellowshipCalls calls, FellowshipApplications applications) {
        addClassName("academy-fellowships");
        add(new H1(getTranslation("fellowships.title")), new Paragraph(getTranslation("fellowships.intro")));
        List<FellowshipCall> open = calls.open();
        if (open.isEmpty()) {
            add(new Paragraph(getTranslation("fellowships.none")));
        }
        Div cards = new Div();
        cards.addClassName("academy-card-grid");
        for (FellowshipCall call : open) {
            Div card = new Div();
            card.addClassName("academy-card");
            Span scheme = new Span(getTranslation(call.scheme().messageKey()));
            scheme.getElement().setAttribute("theme", "badge");
            card.add(new H2(new RouterLink(call.title(), CallView.class, new RouteParameters(Map.of(CallView.SLUG, call.slug())))), scheme,
                    new Paragraph(getTranslation("fellowships.deadline", CallTexts.deadline(this, call, call.closesAt()))),
                    new Paragraph(getTranslation("fellowships.places", call.fundedPlaces(), CallTexts.money(this, call))));
            cards.add(card);
        }
        add(cards);
        if (CurrentUser.id().isPresent()) {
            List<FellowshipApplication> mine = applications.allMine();
            if (!mine.isEmpty()) {
                add(new H2(getTranslation("fellowships.mine")));
                for (FellowshipApplication application : mine) {
                    FellowshipCall call = calls.get(application.callId());
                    add(new Paragraph(new RouterLink(call.title(), ApplyView.class, new RouteParameters(Map.of(CallView.SLUG, call.slug()))),
                            new Span(" · " + getTranslation(application.status().messageKey()))));
                }
            }
        }
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "fellowships.title");
    }
}
