package eu.aiskills.academy.search.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.search.FacetValue;
import eu.aiskills.academy.search.Search;
import eu.aiskills.academy.search.SearchHit;
import eu.aiskills.academy.search.SearchOrder;
import eu.aiskills.academy.search.SearchQuery;
import eu.aiskills.academy.search.SearchResults;
import eu.aiskills.academy.search.SearchUnavailableException;
import eu.aiskills.academy.search.Suggestion;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/**
 * The catalogue search: a search box that suggests as one types, facet filters with counts,
 * results with highlighted snippets, pages. The address holds the whole query, so a search can be
 * shared, bookmarked and revisited with the browser's back button.
 */
@Route(SearchView.ROUTE)
@AnonymousAllowed
@Menu(title = "nav.search", order = 5, icon = "vaadin:search")
class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ROUTE = "search";
    static final int PAGE_SIZE = 10;
    private static final List<String> SHOWN_FACETS = List.of("type", "starts", "level", "language", "format", "mode",
            "sectors", "skills", "factories");

    private final transient Search search;
    final ComboBox<Suggestion> box = new ComboBox<>();
    final Select<SearchOrder> order = new Select<>();
    final FacetedResults page = new FacetedResults();
    final Div facets = page.facets;
    final Div results = page.results;
    final Paragraph summary = page.summary;
    final Div pager = page.pager;
    private final Map<String, CheckboxGroup<FacetValue>> facetGroups = new HashMap<>();
    private SearchQuery query = SearchQuery.of("");
    /** What the person last typed into the box (the box asks for suggestions as they type). */
    private String typed;

    SearchView(Search search) {
        this.search = search;
        addClassName("academy-search");

        box.setAllowCustomValue(true);
        box.setClearButtonVisible(true);
        box.setPlaceholder(getTranslation("search.placeholder"));
        box.setAriaLabel(getTranslation("search.placeholder"));
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setItemLabelGenerator(Suggestion::text);
        box.setItemsWithFilterConverter(q -> {
            typed = q.getFilter().orElse("");
            return suggestions(typed).stream().skip(q.getOffset()).limit(q.getLimit());
        }, filter -> filter);
        box.addCustomValueSetListener(e -> submit(e.getDetail()));
        box.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                submit(e.getValue().text());
            }
        });
        box.addClassName("academy-search-box");

        order.setLabel(getTranslation("search.sort"));
        order.setItems(SearchOrder.values());
        order.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
        order.setValue(SearchOrder.RELEVANCE);
        order.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                go(new SearchQuery(query.text(), query.filters(), e.getValue(), 0, PAGE_SIZE));
            }
        });

        // Enter in the box commits its text as a custom value; the button searches for what was typed.
        Button submit = new Button(getTranslation("search.submit"), e -> submit(typed == null ? query.text() : typed));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(box, submit, order);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWidthFull();
        bar.setFlexGrow(1, box);
        bar.setWrap(true);

        add(new H1(getTranslation("search.title")), bar, page);
    }

    private List<Suggestion> suggestions(String prefix) {
        try {
            return search.suggest(prefix, 8);
        } catch (SearchUnavailableException e) {
            return List.of();
        }
    }

    private void submit(String text) {
        try {
            go(new SearchQuery(text, query.filters(), query.order(), 0, PAGE_SIZE));
        } catch (UserFacingException rejection) {
            Views.showRejection(this, rejection, Map.of("text", box));
        }
    }

    /** Puts the query into the address; {@link #beforeEnter} then runs it, also for back and forward. */
    private void go(SearchQuery next) {
        getUI().ifPresent(ui -> ui.navigate(SearchView.class, toParameters(next)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            query = fromParameters(event.getLocation().getQueryParameters());
        } catch (UserFacingException rejection) {
            query = SearchQuery.of("");
            Views.error(getTranslation(rejection.messageKey(), rejection.arguments()));
        }
        typed = query.text();
        // The box shows the searched text as its (custom) value.
        box.setValue(query.text().isEmpty() ? null : new Suggestion(query.text(), null));
        order.setValue(query.order());
        run();
    }

    private void run() {
        page.clear();
        facetGroups.clear();
        SearchResults found;
        try {
            found = search.catalogue(query);
        } catch (SearchUnavailableException e) {
            summary.setText(getTranslation("search.unavailable"));
            results.add(new Anchor("courses", getTranslation("search.browse-instead")));
            return;
        }
        summary.setText(query.text().isEmpty()
                ? getTranslation("search.results.all", found.total())
                : getTranslation("search.results", found.total(), query.text()));
        showFacets(found);
        if (found.hits().isEmpty()) {
            results.add(emptyHelp());
            return;
        }
        found.hits().forEach(hit -> results.add(result(hit)));
        showPager(found);
    }

    private Component result(SearchHit hit) {
        Div item = new Div();
        item.addClassName("academy-result");
        Anchor title = new Anchor(hit.path(), hit.title());
        title.addClassName("academy-result-title");
        Div head = new Div(new Badge(getTranslation("search.type." + hit.type())), title);
        head.addClassName("academy-result-head");
        item.add(head);
        if (hit.context() != null) {
            Span context = new Span(getTranslation("posting".equals(hit.type()) ? "search.at-organisation" : "search.in-course",
                    hit.context()));
            context.addClassName("academy-note");
            item.add(context);
        }
        if (!hit.snippetHtml().isEmpty()) {
            item.add(FacetedResults.snippet(hit.snippetHtml()));
        }
        return item;
    }

    private Component emptyHelp() {
        Div help = new Div(new H2(getTranslation("search.empty.title")), new Paragraph(getTranslation("search.empty.text")));
        if (!query.filters().isEmpty()) {
            Button clear = new Button(getTranslation("search.clear-filters"),
                    e -> go(new SearchQuery(query.text(), Map.of(), query.order(), 0, PAGE_SIZE)));
            help.add(clear);
        }
        help.add(new Paragraph(new Anchor("courses", getTranslation("search.browse-instead"))));
        help.addClassName("academy-search-empty");
        return help;
    }

    private void showFacets(SearchResults found) {
        facetGroups.putAll(page.showFacets(SHOWN_FACETS, found.facets(), query.filters(), true, facet -> getTranslation("search.facet." + facet),
                this::label, filters -> go(new SearchQuery(query.text(), filters, query.order(), 0, PAGE_SIZE))));
    }

    private String label(String facet, String value) {
        return switch (facet) {
            case "type" -> getTranslation("search.type." + value);
            case "level" -> {
                // A course's level, or a posting's seniority.
                String seniority = named(eu.aiskills.academy.talent.Seniority.class, value, eu.aiskills.academy.talent.Seniority::messageKey);
                yield seniority.equals(value) ? getTranslation("course.level." + value.toLowerCase(Locale.ROOT)) : seniority;
            }
            case "language" -> Locale.of(value).getDisplayLanguage(getLocale());
            case "format" -> firstNamed(value);
            case "mode" -> named(eu.aiskills.academy.catalogue.DeliveryMode.class, value,
                    eu.aiskills.academy.catalogue.DeliveryMode::messageKey);
            case "sectors" -> named(eu.aiskills.academy.catalogue.Sector.class, value,
                    eu.aiskills.academy.catalogue.Sector::messageKey);
            case "starts" -> getTranslation("search.starts." + value);
            default -> value;
        };
    }

    /** A format is a course's, a posting's kind or a call's scheme: each module's own label. */
    private String firstNamed(String value) {
        String label = named(eu.aiskills.academy.catalogue.CourseFormat.class, value, eu.aiskills.academy.catalogue.CourseFormat::messageKey);
        if (label.equals(value)) {
            label = named(eu.aiskills.academy.talent.PostingKind.class, value, eu.aiskills.academy.talent.PostingKind::messageKey);
        }
        if (label.equals(value)) {
            label = named(eu.aiskills.academy.fellowships.Scheme.class, value, eu.aiskills.academy.fellowships.Scheme::messageKey);
        }
        return label;
    }

    /** The catalogue's own label for an indexed enum value; the value itself if the catalogue no longer knows it. */
    private <E extends Enum<E>> String named(Class<E> type, String value, java.util.function.Function<E, String> messageKey) {
        try {
            return getTranslation(messageKey.apply(Enum.valueOf(type, value)));
        } catch (IllegalArgumentException unknown) {
            return value;
        }
    }

    private void showPager(SearchResults found) {
        Views.pager(pager, this, query.page(), found.pages(), page -> go(query.withPage(page)));
    }

    static QueryParameters toParameters(SearchQuery query) {
        return new QueryParameters(SearchAddress.parameters(query.text(), query.filters(), query.order() == SearchOrder.RELEVANCE
                ? Map.of() : Map.of("sort", query.order().name().toLowerCase(Locale.ROOT)), query.page()));
    }

    static SearchQuery fromParameters(QueryParameters parameters) {
        Map<String, List<String>> values = parameters.getParameters();
        SearchOrder order = SearchOrder.RELEVANCE;
        String sort = values.getOrDefault("sort", List.of("")).getFirst();
        for (SearchOrder candidate : SearchOrder.values()) {
            if (candidate.name().equalsIgnoreCase(sort)) {
                order = candidate;
            }
        }
        return new SearchQuery(SearchAddress.text(values), SearchAddress.filters(values, SearchQuery.FACETS), order,
                Views.page(values), PAGE_SIZE);
    }

    @Override
    public String getPageTitle() {
        return query.text().isEmpty() ? Views.pageTitle(this, "search.title")
                : Views.pageTitle(this, "search.page-title", query.text());
    }
}
