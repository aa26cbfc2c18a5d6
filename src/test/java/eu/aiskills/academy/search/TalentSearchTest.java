package eu.aiskills.academy.search;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import eu.aiskills.academy.fellowships.CallDraft;
import eu.aiskills.academy.fellowships.CallPublished;
import eu.aiskills.academy.fellowships.Criterion;
import eu.aiskills.academy.fellowships.EligibilityRules;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.Scheme;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.MatchRelevance;
import eu.aiskills.academy.talent.Matching;
import eu.aiskills.academy.talent.Mobility;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingDraft;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.ProfileDraft;
import eu.aiskills.academy.talent.RemotePolicy;
import eu.aiskills.academy.talent.Seniority;
import eu.aiskills.academy.talent.Visibility;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Roles, fellowship calls and candidates in search: indexed from the talent and fellowships
 * modules' events on the embedded engine; each found only by whom may open it; and the text
 * relevance that matching adds to skills.
 */
@AcademyTest
class TalentSearchTest {

    private static final String MACHINE_LEARNING = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Autowired
    Search search;
    @Autowired
    CandidateFinder finder;
    @Autowired
    Postings postings;
    @Autowired
    FellowshipCalls calls;
    @Autowired
    Candidates candidates;
    @Autowired
    Matching matching;
    @Autowired
    MatchRelevance relevance;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ApplicationContext context;

    @Test
    void aRoleIsFoundWhileItTakesApplicationsAndAFellowshipCallUntilItClosesExceptForReviewers() throws Exception {
        Posting posting = publish("Quokka vision engineer", "You will build quokkavision, our wildlife camera models.");
        SearchHit role = await().atMost(Duration.ofSeconds(30)).until(() -> search.catalogue(SearchQuery.of("quokkavision")).hits(),
                hits -> !hits.isEmpty()).getFirst();
        assertThat(role.type()).isEqualTo("posting");
        assertThat(role.title()).isEqualTo("Quokka vision engineer");
        assertThat(role.path()).isEqualTo("postings/" + posting.id());
        assertThat(role.context()).isEqualTo("Aurora Applied AI");
        assertThat(role.snippetHtml()).contains("<mark>quokkavision</mark>");
        SearchResults byKind = search.catalogue(new SearchQuery("quokkavision", Map.of("type", Set.of("posting")), SearchOrder.RELEVANCE, 0, 10));
        assertThat(byKind.facets().get("type")).contains(new FacetValue("posting", 1));
        assertThat(byKind.facets().get("format")).contains(new FacetValue("JOB", 1));
        assertThat(search.suggest("Quokka vis", 5)).extracting(Suggestion::text).contains("Quokka vision engineer");

        as("employer@academy.test", () -> postings.close(posting.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> search.catalogue(SearchQuery.of("quokkavision")).total() == 0);

        FellowshipCall call = as("admin@academy.test", () -> calls.publish(calls.create(call("numbat-" + UUID.randomUUID().toString()
                .substring(0, 8))).id()));
        SearchHit found = await().atMost(Duration.ofSeconds(30)).until(() -> search.catalogue(SearchQuery.of("numbatology")).hits(),
                hits -> !hits.isEmpty()).getFirst();
        assertThat(found.type()).isEqualTo("call");
        assertThat(found.path()).isEqualTo("fellowships/" + call.slug());

        // The deadline passes: applicants no longer find the call, reviewers still do.
        jdbc.update("UPDATE fellowship_call SET closes_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(60)), call.id().toString());
        transactions.executeWithoutResult(status -> events.publishEvent(new CallPublished(call.id())));
        await().atMost(Duration.ofSeconds(30)).until(() -> search.catalogue(SearchQuery.of("numbatology")).total() == 0);
        assertThat(as("student@academy.test", () -> search.catalogue(SearchQuery.of("numbatology")).total())).isZero();
        assertThat(as("reviewer@academy.test", () -> search.catalogue(SearchQuery.of("numbatology")).hits()))
                .extracting(SearchHit::path).containsExactly("fellowships/" + call.slug());
    }

    @Test
    void employersFindOnlyCandidatesWhoConsentAndNobodyElseFindsPeople() throws Exception {
        String open = KaribuSupport.person(context, "bilby-open@example.org", "Bea Bilby", Role.STUDENT);
        String hidden = KaribuSupport.person(context, "bilby-private@example.org", "Pia Private", Role.STUDENT);
        as(open, () -> candidates.save(profile("Bilbyometrics researcher", Visibility.EMPLOYERS)));
        as(hidden, () -> candidates.save(profile("Bilbyometrics researcher too", Visibility.PRIVATE)));

        CandidateSearch words = new CandidateSearch("bilbyometrics", Map.of(), 0, 10);
        CandidateSearch.Results found = await().atMost(Duration.ofSeconds(30))
                .until(() -> as("employer@academy.test", () -> finder.candidates(words)), r -> !r.hits().isEmpty());
        assertThat(found.hits()).extracting(CandidateSearch.Hit::name).containsExactly("Bea Bilby");
        CandidateSearch.Hit hit = found.hits().getFirst();
        assertThat(hit.headline()).isEqualTo("Bilbyometrics researcher");
        assertThat(hit.country()).isEqualTo("AT");
        assertThat(found.facets().get("skills")).extracting(FacetValue::value).contains("machine learning");
        assertThat(as("employer@academy.test", () -> finder.candidates(new CandidateSearch("bilbyometrics",
                Map.of("country", Set.of("FR")), 0, 10))).hits()).isEmpty();

        assertThatThrownBy(() -> as("student@academy.test", () -> finder.candidates(words))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> finder.candidates(words)).isInstanceOf(org.springframework.security.core.AuthenticationException.class);
        assertThat(search.catalogue(SearchQuery.of("bilbyometrics")).total()).as("people are never in the public search").isZero();
        assertThat(as("employer@academy.test", () -> search.catalogue(SearchQuery.of("bilbyometrics")).total())).isZero();

        as(open, () -> candidates.withdrawConsent());
        assertThat(as("employer@academy.test", () -> finder.candidates(words)).hits())
                .as("hidden at once, even before the index has caught up").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> as("employer@academy.test", () -> finder.candidates(words)).total() == 0);
    }

    @Test
    void matchingAddsHowWellTheTextsMatchToTheSkills() throws Exception {
        String candidate = KaribuSupport.person(context, "graph-folder@example.org", "Gus Graph", Role.STUDENT);
        as(candidate, () -> candidates.save(new ProfileDraft("Graph neural networks for protein folding",
                "Three years modelling protein folding with graph neural networks and message passing.", "PhD Biophysics", "AT",
                "Vienna", Mobility.EU, List.of("en"), List.of(MACHINE_LEARNING), Visibility.OPEN_TO_OFFERS, true)));
        Posting folding = publish("Protein folding modeller",
                "Graph neural networks for protein folding: message passing over residue graphs.");
        Posting retail = publish("Demand forecaster",
                "Forecast retail demand for supermarkets from sales, weather and holidays.");
        Posting molecules = publish("Molecule graph modeller",
                "Graph neural networks and message passing for protein and molecule folding.");

        await().atMost(Duration.ofSeconds(30)).until(() -> relevance.similarPostings(folding.id(), 3).contains(molecules.id()));
        assertThat(relevance.similarPostings(folding.id(), 3)).doesNotContain(folding.id()).first().isEqualTo(molecules.id());

        List<Matching.PostingMatch> mine = await().atMost(Duration.ofSeconds(30)).until(() -> as(candidate, () -> matching.postingsForMe(null, 50)),
                list -> relevanceOf(list, folding) > 0);
        assertThat(relevanceOf(mine, folding)).isEqualTo(100).isGreaterThan(relevanceOf(mine, retail));
        List<UUID> order = mine.stream().map(m -> m.posting().id()).filter(id -> id.equals(folding.id()) || id.equals(retail.id())).toList();
        assertThat(order).as("same skills: the better text ranks first").containsExactly(folding.id(), retail.id());

        Matching.CandidateMatch gus = await().atMost(Duration.ofSeconds(30)).until(() -> as("employer@academy.test",
                        () -> matching.candidatesFor(folding.id(), Matching.CandidateFilter.NONE, 50)).stream()
                        .filter(m -> m.displayName().equals("Gus Graph")).findFirst(), m -> m.isPresent() && m.get().why().relevance() > 0)
                .orElseThrow();
        assertThat(gus.why().score()).isGreaterThan(0);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static int relevanceOf(List<Matching.PostingMatch> matches, Posting posting) {
        return matches.stream().filter(m -> m.posting().id().equals(posting.id())).findFirst().map(m -> m.why().relevance()).orElse(-1);
    }

    private Posting publish(String title, String description) throws Exception {
        PostingDraft draft = posting(title, description);
        return as("employer@academy.test", () -> postings.publish(postings.create(draft).id()));
    }

    private PostingDraft posting(String title, String description) throws Exception {
        OrganisationId aurora = as("employer@academy.test", () -> organisations.myMemberships().stream()
                .filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER).findFirst().orElseThrow().organisationId());
        return new PostingDraft(aurora, PostingKind.JOB, title, description, null, Seniority.MID, List.of("Vienna"), RemotePolicy.HYBRID,
                "AT", false, null, null, null, null, List.of("en"), LocalDate.now(ZoneOffset.UTC).plusDays(20), 1,
                List.of(MACHINE_LEARNING), List.of(), null, List.of(), List.of());
    }

    private static ProfileDraft profile(String headline, Visibility visibility) {
        return new ProfileDraft(headline, "Field statistics of bilbies and other marsupials.", "MSc Ecology", "AT", "Graz", Mobility.COUNTRY,
                List.of("en", "de"), List.of(MACHINE_LEARNING), visibility, visibility != Visibility.PRIVATE);
    }

    private static CallDraft call(String slug) {
        return new CallDraft(slug, "Marsupial AI fellowships", Scheme.POSTDOCTORAL, "Two years of numbatology with machine learning.",
                LocalDateTime.now(BRUSSELS).minusHours(1), LocalDateTime.now(BRUSSELS).plusDays(30), BRUSSELS, new BigDecimal("100000"),
                "EUR", 2, 1, 5, new EligibilityRules(EligibilityRules.Nationality.ANY, null, null, EligibilityRules.CareerStage.ANY, null, null, null),
                List.of("CV"), List.of(new Criterion("Excellence", "Quality", new BigDecimal("100"))));
    }

    private <T> T as(String email, Callable<T> work) throws Exception {
        return KaribuSupport.as(context, email, work);
    }
}
