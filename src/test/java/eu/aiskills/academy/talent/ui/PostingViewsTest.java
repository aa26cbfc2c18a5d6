package eu.aiskills.academy.talent.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingDraft;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.RemotePolicy;
import eu.aiskills.academy.talent.Seniority;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A posting's page and its employer's page, as a visitor reads them, in German. */
@AcademyTest
class PostingViewsTest {

    @Autowired
    Postings postings;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    Catalogue catalogue;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void visitorsReadThePostingAndTheEmployersOpenPostings() {
        List<Skill> skills = catalogue.skills().stream().limit(2).toList();
        KaribuSupport.signIn(context, "employer@academy.test");
        var company = organisations.myMemberships().stream().filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER).findFirst()
                .orElseThrow().organisationId();
        Posting posting = postings.create(new PostingDraft(company, PostingKind.APPRENTICESHIP, "KI-Ausbildung in Oulu",
                "Lernen im Team.", null, Seniority.ENTRY, List.of("Oulu"), RemotePolicy.ON_SITE, "FI", true, new BigDecimal("2400"),
                new BigDecimal("3100"), "EUR", "MONTH", List.of("en"), LocalDate.now(ZoneOffset.UTC).plusDays(10), 1,
                List.of(skills.get(0).uri()), List.of(skills.get(1).uri()), "Vier Tage im Team, ein Tag Kurse.",
                List.of("ml-with-scikit-learn"), List.of()));
        postings.publish(posting.id());

        KaribuSupport.signIn(context, "student@academy.test");
        KaribuSupport.setUp(context, Locale.GERMAN);
        UI.getCurrent().navigate(PostingView.class, new RouteParameters(Map.of("id", posting.id().toString())));
        String text = _get(PostingView.class).getElement().getTextRecursively();
        assertThat(text).contains("KI-Ausbildung in Oulu", "Ausbildung", "Bei Aurora Applied AI", "Oulu, Finnland",
                "Blaue Karte EU", "im Monat", "Ausbildungsplan", skills.get(0).label(), "Eine Stelle");
        assertThat(text).containsPattern("2\\.400.*3\\.100");

        UI.getCurrent().navigate(EmployerView.class, new RouteParameters(Map.of("id", company.value().toString())));
        assertThat(_get(EmployerView.class).getElement().getTextRecursively()).contains("Aurora Applied AI", "KI-Ausbildung in Oulu");
    }
}
