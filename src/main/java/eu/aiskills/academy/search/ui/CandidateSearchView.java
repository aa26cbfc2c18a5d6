package eu.aiskills.academy.search.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.search.CandidateFinder;
import eu.aiskills.academy.search.CandidateSearch;
import eu.aiskills.academy.search.SearchUnavailableException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.Mobility;
import eu.aiskills.academy.talent.ui.CandidateProfileDialog;
import jakarta.annotation.security.RolesAllowed;

/**
 * Employers find candidates by words and filters: only people who consented to employers seeing
 * their profile. Verified skills (from the platform's credentials) are a filter of their own. The
 * address keeps the search, so it can be shared with the team and the back button works.
 */
@Route(CandidateSearchView.ROUTE)
@RolesAllowed(Roles.EMPLOYER)
@Menu(title = "nav.candidates", order = 25.5, icon = "vaadin:users")
class CandidateSearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ROUTE = "candidates";
    static final int PAGE_SIZE = 10;

    private final transient CandidateFinder search;
    private final transient Candidates candidates;
    final TextField box = new TextField();
    final FacetedResults page = new FacetedResults();
    final Div facets = page.facets;
    final Div results = page.results;
    final Paragraph summary = page.summary;
    final Div pager = page.pager;
    private CandidateSearch current = new CandidateSearch("", Map.of(), 0, PAGE_SIZE);

    CandidateSearchView(CandidateFinder search, Candidates candidates) {
        this.search = search;
        this.candidates = candidates;
        addClassName("academy-search");
        box.setLabel(getTranslation("candidates.search.label"));
        box.setPlaceholder(getTranslation("candidates.search.placeholder"));
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setClearButtonVisible(true);
        box.setMaxLength(eu.aiskills.academy.search.SearchQuery.TEXT_MAX_LENGTH);
        box.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> submit());
        box.addClassName("academy-search-box");
        Button submit = new Button(getTranslation("search.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(box, submit);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWidthFull();
        bar.setFlexGrow(1, box);
        Paragraph intro = new Paragraph(getTranslation("candidates.search.intro"));
        intro.addClassName("academy-note");
        add(new H1(getTranslation("candidates.search.title")), intro, bar, page);
    }

    private void submit() {
        try {
            go(new CandidateSearch(box.getValue(), current.filters(), 0, PAGE_SIZE));
        } catch (UserFacingException rejection) {
            Views.showRejection(this, rejection, Map.of("text", box));
        }
    }

    private void go(CandidateSearch next) {
        getUI().ifPresent(ui -> ui.navigate(CandidateSearchView.class, toParameters(next)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            current = fromParameters(event.getLocation().getQueryParameters());
        } catch (UserFacingException rejection) {
            current = new CandidateSearch("", Map.of(), 0, PAGE_SIZE);
            Views.error(getTranslation(rejection.messageKey(), rejection.arguments()));
        }
        box.setValue(current.text());
        run();
    }

    private void run() {
        page.clear();
        CandidateSearch.Results found;
        try {
            found = search.candidates(current);
        } catch (SearchUnavailableException e) {
            summary.setText(getTranslation("search.unavailable"));
            return;
        }
        summary.setText(getTranslation("candidates.search.results", found.total()));
        showFacets(found);
        if (found.hits().isEmpty()) {
            results.add(new Div(new H2(getTranslation("search.empty.title")), new Paragraph(getTranslation("candidates.search.empty"))));
            return;
        }
        found.hits().forEach(hit -> results.add(card(hit)));
        Views.pager(pager, this, current.page(), found.pages(),
                page -> go(new CandidateSearch(current.text(), current.filters(), page, PAGE_SIZE)));
    }

    private Component card(CandidateSearch.Hit hit) {
        Div card = new Div();
        card.addClassName("academy-result");
        String place = (hit.city() == null ? "" : hit.city() + ", ")
                + (hit.country() == null ? "" : Locale.of("", hit.country()).getDisplayCountry(getLocale()));
        Span name = new Span(hit.name());
        name.addClassName("academy-result-title");
        card.add(name, new Paragraph(hit.headline() + (place.isBlank() ? "" : " · " + place)));
        if (!hit.verifiedSkills().isEmpty()) {
            card.add(new Paragraph(getTranslation("candidates.search.verified", String.join(", ", hit.verifiedSkills()))));
        }
        if (!hit.snippetHtml().isEmpty()) {
            card.add(FacetedResults.snippet(hit.snippetHtml()));
        }
        Button profile = new Button(getTranslation("pipeline.view-profile"), click -> open(new AccountId(hit.account())));
        profile.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        profile.setAriaLabel(getTranslation("pipeline.view-profile-of", hit.name()));
        card.add(profile);
        return card;
    }

    private void open(AccountId candidate) {
        CandidateProfileDialog.show(this, candidates, candidate);
    }

    private void showFacets(CandidateSearch.Results found) {
        page.showFacets(CandidateSearch.FACETS, found.facets(), current.filters(), false,
                facet -> getTranslation("candidates.facet." + facet.replace('_', '-')), this::label,
                filters -> go(new CandidateSearch(current.text(), filters, 0, PAGE_SIZE)));
    }

    private String label(String facet, String value) {
        return switch (facet) {
            case "language" -> Locale.of(value).getDisplayLanguage(getLocale());
            case "country" -> Locale.of("", value).getDisplayCountry(getLocale());
            case "mobility" -> {
                try {
                    yield getTranslation(Mobility.valueOf(value).messageKey());
                } catch (IllegalArgumentException unknown) {
                    yield value;
                }
            }
            default -> value;
        };
    }

    static QueryParameters toParameters(CandidateSearch search) {
        return new QueryParameters(SearchAddress.parameters(search.text(), search.filters(), Map.of(), search.page()));
    }

    static CandidateSearch fromParameters(QueryParameters parameters) {
        Map<String, List<String>> values = parameters.getParameters();
        return new CandidateSearch(SearchAddress.text(values), SearchAddress.filters(values, CandidateSearch.FACETS),
                Views.page(values), PAGE_SIZE);
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "candidates.search.title");
    }
}
