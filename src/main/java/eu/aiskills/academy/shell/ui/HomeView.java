package eu.aiskills.academy.shell.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.ui.CatalogueView;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.compute.ui.FactoriesView;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.AccountSummary;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.ui.AccountView;
import eu.aiskills.academy.identity.ui.AccountsAdminView;
import eu.aiskills.academy.identity.ui.OrganisationsAdminView;
import eu.aiskills.academy.identity.ui.RegistrationView;

/** The front page: what the Academy offers, in figures, and where each kind of user starts. */
@Route("")
@AnonymousAllowed
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(Catalogue catalogue, FactoryRegistry factories, AccountManagement accounts) {
        addClassName("academy-home");
        var me = accounts.current();
        Div hero = new Div();
        hero.addClassName("academy-hero");
        hero.add(new H1(me.map(a -> getTranslation("home.welcome-back", a.displayName()))
                .orElse(getTranslation("home.title"))));
        hero.add(new Paragraph(getTranslation("home.lead")));
        if (me.isEmpty()) {
            RouterLink start = new RouterLink(getTranslation("home.cta.register"), RegistrationView.class);
            start.addClassName("academy-cta");
            RouterLink browse = new RouterLink(getTranslation("home.cta.browse"), CatalogueView.class);
            browse.addClassName("academy-cta-secondary");
            hero.add(new Div(start, browse));
        }
        add(hero);

        List<FactorySummary> all = factories.all();
        int gpus = all.stream().mapToInt(FactorySummary::totalGpus).sum();
        Div figures = new Div(
                figure(String.valueOf(catalogue.countPublished()), getTranslation("home.figure.courses")),
                figure(String.valueOf(all.size()), getTranslation("home.figure.factories")),
                figure(String.format(getLocale(), "%,d", gpus), getTranslation("home.figure.gpus")));
        figures.addClassName("academy-figures");
        figures.getElement().setAttribute("role", "list");
        add(figures);

        add(new H2(getTranslation("home.start-here")));
        Div cards = new Div();
        cards.addClassName("academy-card-grid");
        startingPoints(me.orElse(null)).forEach(cards::add);
        add(cards);
    }

    private Component figure(String value, String label) {
        Span number = new Span(value);
        number.addClassName("academy-figure-value");
        Span text = new Span(label);
        text.addClassName("academy-figure-label");
        Div figure = new Div(number, text);
        figure.addClassName("academy-figure");
        figure.getElement().setAttribute("role", "listitem");
        return figure;
    }

    private List<Card> startingPoints(AccountSummary me) {
        List<Card> cards = new ArrayList<>();
        cards.add(card("home.card.courses", new RouterLink(getTranslation("home.card.courses.link"), CatalogueView.class)));
        cards.add(card("home.card.factories", new RouterLink(getTranslation("home.card.factories.link"), FactoriesView.class)));
        if (me == null) {
            cards.add(card("home.card.join", new RouterLink(getTranslation("home.cta.register"), RegistrationView.class)));
            return cards;
        }
        cards.add(card("home.card.account", new RouterLink(getTranslation("home.card.account.link"), AccountView.class)));
        if (me.has(Role.ADMIN)) {
            cards.add(card("home.card.admin", new RouterLink(getTranslation("nav.admin.accounts"), AccountsAdminView.class),
                    new RouterLink(getTranslation("nav.admin.organisations"), OrganisationsAdminView.class)));
        }
        return cards;
    }

    private Card card(String key, RouterLink... links) {
        Card card = new Card();
        card.setTitle(getTranslation(key + ".title"), 3);
        card.add(new Paragraph(getTranslation(key + ".text")));
        Div actions = new Div(links);
        actions.addClassName("academy-card-links");
        card.add(actions);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }
}
