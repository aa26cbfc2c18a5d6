package eu.aiskills.academy.search.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.router.QueryParameters;
import eu.aiskills.academy.search.FacetValue;
import eu.aiskills.academy.search.Search;
import eu.aiskills.academy.search.SearchOrder;
import eu.aiskills.academy.search.SearchQuery;
import eu.aiskills.academy.search.internal.embedded.EmbeddedSearchEngine;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The search view keeps its query in the address and explains empty and unavailable search. */
@AcademyTest
class SearchViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Search search;
    @Autowired
    EmbeddedSearchEngine engine;

    @BeforeEach
    void setUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> search.catalogue(SearchQuery.of("")).total() >= 13);
        KaribuSupport.setUp(context, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void theAddressHoldsTheWholeQuery() {
        SearchQuery query = new SearchQuery("model evaluation", Map.of("type", Set.of("lesson"), "level", Set.of("INTRODUCTORY")),
                SearchOrder.TITLE, 1, SearchView.PAGE_SIZE);
        QueryParameters parameters = SearchView.toParameters(query);
        assertThat(parameters.getQueryString()).contains("q=model%20evaluation", "type=lesson", "level=INTRODUCTORY",
                "sort=title", "page=2");
        assertThat(SearchView.fromParameters(parameters)).isEqualTo(query);
        assertThat(SearchView.fromParameters(QueryParameters.fromString("page=abc&sort=nonsense")))
                .isEqualTo(SearchQuery.of("").withPage(0));
    }

    @Test
    void showsResultsAndFacetsAndFollowsAFacetChoiceThroughTheAddress() {
        UI.getCurrent().navigate("search", QueryParameters.fromString("q=gradient"));
        SearchView view = _get(SearchView.class);
        assertThat(view.summary.getText()).matches("\\d+ results for “gradient”");
        assertThat(view.results.getElement().getTextRecursively()).contains("Tensors and gradients");
        assertThat(view.box.getValue().text()).isEqualTo("gradient");

        @SuppressWarnings("unchecked")
        CheckboxGroup<FacetValue> kind = _get(view.facets, CheckboxGroup.class, spec -> spec.withLabel("Kind"));
        FacetValue course = kind.getListDataView().getItems().filter(f -> f.value().equals("course")).findFirst().orElseThrow();
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(kind, Set.of(course));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters())
                .containsEntry("type", java.util.List.of("course"));
        assertThat(_get(SearchView.class).results.getElement().getTextRecursively()).contains("Deep learning on supercomputers")
                .doesNotContain("Tensors and gradients");
    }

    @Test
    void emptyResultsExplainWhatToTry() {
        UI.getCurrent().navigate("search", QueryParameters.fromString("q=xylophone&level=ADVANCED"));
        SearchView view = _get(SearchView.class);
        assertThat(view.summary.getText()).isEqualTo("No results for “xylophone”");
        assertThat(view.results.getElement().getTextRecursively()).contains("Nothing found", "Remove all filters",
                "Browse the catalogue instead");
    }

    @Test
    void saysSoWhenSearchIsUnavailable() {
        engine.stop();
        try {
            UI.getCurrent().navigate("search", QueryParameters.fromString("q=gradient"));
            assertThat(_get(SearchView.class).summary.getText()).startsWith("Search is not available right now.");
        } finally {
            engine.start();
        }
    }

    @Test
    void aBadAddressFallsBackToAnEmptySearchWithAnExplanation() {
        UI.getCurrent().navigate("search", QueryParameters.fromString("q=" + "x".repeat(300)));
        assertThat(_get(SearchView.class).summary.getText()).isNotEmpty();
        assertThat(_find(SearchView.class)).hasSize(1);
    }
}
