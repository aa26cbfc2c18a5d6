package eu.aiskills.academy.search.ui;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.router.QueryParameters;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.search.CandidateSearch;
import eu.aiskills.academy.search.FacetValue;
import eu.aiskills.academy.search.CandidateFinder;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.Mobility;
import eu.aiskills.academy.talent.ProfileDraft;
import eu.aiskills.academy.talent.Visibility;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Employers' candidate search: words and filters in the address, results, and the profile one click away. */
@AcademyTest
class CandidateSearchViewTest {

    private static final String STATISTICS = "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833";

    @Autowired
    ApplicationContext context;
    @Autowired
    CandidateFinder finder;
    @Autowired
    Candidates candidates;

    @BeforeEach
    void setUp() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void anEmployerFindsAConsentingCandidateFiltersAndOpensTheProfile() throws Exception {
        String wombat = KaribuSupport.person(context, "wombat-analyst@example.org", "Wanda Wombat", Role.STUDENT);
        KaribuSupport.as(context, wombat, () -> candidates.save(new ProfileDraft("Wombatometry analyst", "Burrow counts with **Bayesian** models.",
                "MSc Statistics", "IE", "Cork", Mobility.EU, List.of("en"), List.of(STATISTICS), Visibility.OPEN_TO_OFFERS, true)));
        KaribuSupport.signIn(context, "employer@academy.test");
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> finder.candidates(new CandidateSearch("wombatometry", Map.of(), 0, 10)).total() == 1);

        UI.getCurrent().navigate("candidates", QueryParameters.fromString("q=wombatometry"));
        CandidateSearchView view = _get(CandidateSearchView.class);
        assertThat(view.box.getValue()).isEqualTo("wombatometry");
        assertThat(view.summary.getText()).isEqualTo("One candidate");
        assertThat(view.results.getElement().getTextRecursively()).contains("Wanda Wombat", "Wombatometry analyst", "Cork, Ireland");

        @SuppressWarnings("unchecked")
        CheckboxGroup<FacetValue> country = _get(view.facets, CheckboxGroup.class, spec -> spec.withLabel("Country"));
        FacetValue ireland = country.getListDataView().getItems().filter(f -> f.value().equals("IE")).findFirst().orElseThrow();
        assertThat(country.getItemLabelGenerator().apply(ireland)).isEqualTo("Ireland (1)");
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(country, Set.of(ireland));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters())
                .containsEntry("country", List.of("IE")).containsEntry("q", List.of("wombatometry"));

        _click(_get(_get(CandidateSearchView.class).results, Button.class, spec -> spec.withText("View profile")));
        Dialog profile = _get(Dialog.class);
        assertThat(profile.getHeaderTitle()).isEqualTo("Wanda Wombat");
        assertThat(profile.getElement().getTextRecursively()).contains("Wombatometry analyst", "Cork, Ireland", "statistics", "Declared");

        UI.getCurrent().navigate("candidates", QueryParameters.fromString("q=nothing-like-this-anywhere"));
        assertThat(_get(CandidateSearchView.class).summary.getText()).isEqualTo("No candidates");
    }
}
