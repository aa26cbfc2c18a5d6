package eu.aiskills.academy.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.enrolment.CredentialIssued;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.ModuleTests;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The talent module on its own (with what it depends on): the listeners that keep it in step with
 * the rest of the platform. A credential issued makes the course's skills verified on the learner's
 * profile, its revocation takes them back; a published posting alerts the saved searches it matches.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class TalentTriggersModuleTest {

    /** The skill {@link TestCourses} gives its courses. */
    private static final String MACHINE_LEARNING = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";
    private static final String EMPLOYER = "employer@academy.test";

    @Autowired
    Candidates candidates;
    @Autowired
    Postings postings;
    @Autowired
    SavedSearches searches;
    @Autowired
    LessonProgress progress;
    @Autowired
    Credentials credentials;
    @Autowired
    Catalogue catalogue;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    Registration registration;
    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry publications;
    @TempDir
    Path content;

    @Test
    void aCredentialIssuedAttestsTheCoursesSkillsAndItsRevocationTakesThemBack(Scenario scenario) {
        TestCourses.Enrolled vera = new TestCourses(content, context).course("module-talent").lessons(1)
                .createWithLearner("module-talent@example.org", "Vera Verified");
        String email = vera.email();
        AccountId learner = vera.learner();
        LessonSummary lesson = vera.lessons().getFirst();
        var seat = vera.seat();
        assertThat(KaribuSupport.as(context, email, () -> candidates.mine().verified(MACHINE_LEARNING))).isFalse();

        AtomicReference<CredentialIssued> issued = new AtomicReference<>();
        scenario.stimulate(() -> KaribuSupport.as(context, email, () -> progress.markLesson(seat.id(), lesson.id(), true)))
                .andWaitAtMost(ModuleTests.WAIT)
                .andWaitForEventOfType(CredentialIssued.class)
                .matching(event -> event.learner().equals(learner))
                .toArriveAndVerify(issued::set);
        scenario.stimulate(() -> { })
                .andWaitAtMost(ModuleTests.WAIT)
                .andWaitForStateChange(() -> KaribuSupport.as(context, email, () -> attested(candidates.mine())), attested -> attested)
                .andVerify(attested -> assertThat(KaribuSupport.as(context, email, () -> candidates.mine().verified(MACHINE_LEARNING)))
                        .as("attested by the credential of a course whose lesson was only marked done: not verified").isFalse());

        scenario.stimulate(() -> KaribuSupport.as(context, "admin@academy.test", () -> credentials.revoke(issued.get().credential(), "Issued by mistake")))
                .andWaitAtMost(ModuleTests.WAIT)
                .andWaitForEventOfType(CandidateProfileChanged.class)
                .matching(changed -> changed.account().equals(learner))
                .toArriveAndVerify(changed -> assertThat(KaribuSupport.as(context, email, () -> attested(candidates.mine())))
                        .as("no longer attested once revoked").isFalse());
    }

    @Test
    void aPublishedPostingAlertsTheSavedSearchesItMatchesOnly(Scenario scenario) {
        String watcher = "module-watcher@example.org";
        String other = "module-other@example.org";
        AccountId watcherId = People.create(registration, watcher, "Wanda Watcher", Role.STUDENT);
        People.create(registration, other, "Otto Other", Role.STUDENT);
        KaribuSupport.as(context, watcher, () -> searches.save("Apprenticeships in Finland", "", Set.of(PostingKind.APPRENTICESHIP),
                Set.of("FI"), Set.of()));
        KaribuSupport.as(context, other, () -> searches.save("Internships in Portugal", "", Set.of(PostingKind.INTERNSHIP),
                Set.of("PT"), Set.of()));
        Posting draft = KaribuSupport.as(context, EMPLOYER, () -> postings.create(apprenticeship(employer())));

        PostingPublished published = new PostingPublished(draft.id());
        scenario.stimulate(() -> KaribuSupport.as(context, EMPLOYER, () -> postings.publish(draft.id())))
                // Once talent's listener has handled the publication, every alert it makes has been sent.
                .andWaitAtMost(ModuleTests.WAIT)
                .andWaitForStateChange(() -> publications.findIncompletePublications().stream()
                        .noneMatch(publication -> published.equals(publication.getEvent())))
                .andVerifyEvents(events -> {
                    assertThat(events).contains(PostingAlert.class)
                            .matching(alert -> alert.posting().equals(draft.id()) && !alert.closingSoon())
                            .matching(alert -> alert.candidate().equals(watcherId))
                            .matching(alert -> alert.searchName().equals("Apprenticeships in Finland"));
                    assertThat(events.ofType(PostingAlert.class).matching(alert -> !alert.candidate().equals(watcherId)))
                            .as("the search for internships in Portugal is not alerted").isEmpty();
                });
        assertThat(SystemActor.call(() -> searches.announce(draft.id()))).as("announced once: nobody is alerted twice").isZero();
    }

    private OrganisationId employer() {
        return KaribuSupport.as(context, EMPLOYER, () -> organisations.myMemberships().stream()
                .filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER).findFirst().orElseThrow().organisationId());
    }

    private static PostingDraft apprenticeship(OrganisationId company) {
        return new PostingDraft(company, PostingKind.APPRENTICESHIP, "Module apprentice", "Learn applied ML with us.", null, Seniority.ENTRY,
                List.of("Helsinki"), RemotePolicy.HYBRID, "FI", true, new BigDecimal("2400"), new BigDecimal("3100"), "EUR", "MONTH",
                List.of("en"), LocalDate.now(ZoneOffset.UTC).plusDays(30), 2, List.of(MACHINE_LEARNING), List.of(),
                "Four days in the team, one day of Academy courses.", List.of("ml-with-scikit-learn"), List.of());
    }

    private static boolean attested(CandidateProfile profile) {
        return profile.skills().stream().anyMatch(s -> s.uri().equals(MACHINE_LEARNING) && s.source() == SkillSource.COURSE);
    }
}
