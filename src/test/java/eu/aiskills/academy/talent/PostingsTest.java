package eu.aiskills.academy.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Employers post apprenticeships, returnships and jobs: drafted, published, edited with history, closed, filled. */
@AcademyTest
class PostingsTest {

    @Autowired
    Postings postings;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    Catalogue catalogue;
    @Autowired
    ApplicationContext context;

    private OrganisationId aurora() {
        return organisations.myMemberships().stream().filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER).findFirst()
                .orElseThrow().organisationId();
    }

    private PostingDraft apprenticeship(OrganisationId company, List<String> skills) {
        return new PostingDraft(company, PostingKind.APPRENTICESHIP, "Machine-learning engineering apprentice",
                "Two years **learning by doing** with our applied-AI team.", null, Seniority.ENTRY, List.of("Helsinki", "Oulu"),
                RemotePolicy.HYBRID, "FI", true, new BigDecimal("2400"), new BigDecimal("3100"), "EUR", "MONTH", List.of("en", "fi"),
                LocalDate.now(ZoneOffset.UTC).plusDays(30), 3, skills.subList(0, 2), skills.subList(2, 3),
                "Four days a week in the team, one day of Academy courses.", List.of("ml-with-scikit-learn"),
                List.of("Which Academy courses have you completed?"));
    }

    @Test
    void anApprenticeshipIsDraftedPublishedEditedClosedAndFilledWithItsHistory() {
        List<String> skills = catalogue.skills().stream().map(Skill::uri).limit(3).toList();
        KaribuSupport.signIn(context, "employer@academy.test");
        OrganisationId company = aurora();

        Posting draft = postings.create(apprenticeship(company, skills));
        assertThat(draft.status()).isEqualTo(PostingStatus.DRAFT);
        assertThat(draft.draft().locations()).containsExactly("Helsinki", "Oulu");
        assertThat(draft.draft().requiredSkills()).containsExactlyInAnyOrderElementsOf(skills.subList(0, 2));
        assertThat(draft.draft().courses()).containsExactly("ml-with-scikit-learn");
        KaribuSupport.signIn(context, "student@academy.test");
        assertThatThrownBy(() -> postings.published(draft.id())).as("a draft is not public").isInstanceOf(NotFoundException.class);

        KaribuSupport.signIn(context, "employer@academy.test");
        Posting published = postings.publish(draft.id());
        PostingDraft edited = apprenticeship(company, skills);
        edited = new PostingDraft(edited.organisation(), edited.kind(), "Machine-learning engineering apprentice (2027)",
                edited.description(), edited.occupationUri(), edited.seniority(), edited.locations(), edited.remote(), edited.workCountry(),
                edited.visaSupport(), edited.salaryMin(), edited.salaryMax(), edited.salaryCurrency(), edited.salaryPeriod(),
                edited.languages(), edited.closesOn(), 4, edited.requiredSkills(), edited.optionalSkills(), edited.trainingPlan(),
                edited.courses(), edited.questions());
        Posting changed = postings.update(draft.id(), edited);
        assertThat(changed.revision()).isEqualTo(3);
        assertThat(changed.draft().openings()).isEqualTo(4);
        assertThat(postings.openOf(company)).extracting(Posting::id).contains(draft.id());

        KaribuSupport.signIn(context, "student@academy.test");
        Posting seen = postings.published(draft.id());
        Map<String, String> labels = catalogue.skills().stream().collect(Collectors.toMap(Skill::uri, Skill::label));
        JsonNode ld = JsonMapper.builder().build().readTree(PostingStructuredData.jsonLd(seen, labels, "https://academy.example/p"));
        assertThat(ld.path("@type").asString()).isEqualTo("JobPosting");
        assertThat(ld.path("hiringOrganization").path("name").asString()).isEqualTo("Aurora Applied AI");
        assertThat(ld.path("skills").get(0).path("@type").asString()).isEqualTo("DefinedTerm");
        assertThat(ld.path("skills").get(0).path("url").asString()).startsWith(Skill.ESCO_PREFIX);
        assertThat(ld.path("baseSalary").path("value").path("maxValue").decimalValue()).isEqualByComparingTo("3100");
        assertThat(ld.path("description").asString()).contains("<strong>learning by doing</strong>");

        KaribuSupport.signIn(context, "employer@academy.test");
        postings.close(draft.id());
        assertThat(postings.openOf(company)).extracting(Posting::id).doesNotContain(draft.id());
        Posting filled = postings.filled(draft.id());
        assertThat(filled.status()).isEqualTo(PostingStatus.FILLED);
        assertThatThrownBy(() -> postings.update(draft.id(), apprenticeship(company, skills))).isInstanceOfSatisfying(
                UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("posting.not-editable"));
        assertThat(postings.history(draft.id())).extracting(Postings.Revision::status).containsExactly(PostingStatus.FILLED,
                PostingStatus.CLOSED, PostingStatus.PUBLISHED, PostingStatus.PUBLISHED, PostingStatus.DRAFT);
        assertThat(published.status()).isEqualTo(PostingStatus.PUBLISHED);
    }

    @Test
    void badPostingsAreRefusedFieldByField() {
        List<String> skills = catalogue.skills().stream().map(Skill::uri).limit(3).toList();
        KaribuSupport.signIn(context, "employer@academy.test");
        OrganisationId company = aurora();
        PostingDraft good = apprenticeship(company, skills);
        record Case(String field, PostingDraft draft) {
        }
        List<Case> cases = List.of(
                new Case("title", with(good, "title", " ")),
                new Case("workCountry", with(good, "country", "XX")),
                new Case("salary", with(good, "salary", null)),
                new Case("skills", with(good, "skill", null)),
                new Case("courses", with(good, "no-courses", null)),
                new Case("courses", with(with(good, "kind-returnship", null), "kind-returnship", null)),
                new Case("locations", with(good, "no-places", null)));
        for (Case c : cases) {
            assertThatThrownBy(() -> postings.create(c.draft())).as(c.field())
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo(c.field()));
        }
        assertThat(postings.mine()).noneMatch(p -> p.draft().title().isBlank());
    }

    @Test
    void onlyTheEmployersOwnTeamWritesItsPostings() {
        List<String> skills = catalogue.skills().stream().map(Skill::uri).limit(3).toList();
        KaribuSupport.signIn(context, "admin@academy.test");
        OrganisationId other = organisations.create(new NewOrganisation("Other Robotics " + System.nanoTime(), OrganisationKind.EMPLOYER,
                "DE", null));
        KaribuSupport.signIn(context, "employer@academy.test");
        assertThatThrownBy(() -> postings.create(apprenticeship(other, skills))).isInstanceOf(AccessDeniedException.class);
        KaribuSupport.signIn(context, "student@academy.test");
        assertThatThrownBy(() -> postings.create(apprenticeship(other, skills))).isInstanceOf(AccessDeniedException.class);
    }

    private static PostingDraft with(PostingDraft d, String change, String value) {
        return new PostingDraft(d.organisation(), change.equals("kind-returnship") ? PostingKind.RETURNSHIP : d.kind(),
                change.equals("title") ? value : d.title(), d.description(), d.occupationUri(), d.seniority(),
                change.equals("no-places") ? List.of() : d.locations(), d.remote(), change.equals("country") ? value : d.workCountry(),
                d.visaSupport(), d.salaryMin(), change.equals("salary") ? new BigDecimal("100") : d.salaryMax(), d.salaryCurrency(),
                d.salaryPeriod(), d.languages(), d.closesOn(), d.openings(),
                change.equals("skill") ? List.of("http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000") : d.requiredSkills(),
                d.optionalSkills(), d.trainingPlan(), change.equals("no-courses") ? List.of() : d.courses(), d.questions());
    }
}
