package eu.aiskills.academy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.enrolment.CredentialSummary;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.enrolment.Verification;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.talent.ApplicationDraft;
import eu.aiskills.academy.talent.Applications;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.JobApplication;
import eu.aiskills.academy.talent.Matching;
import eu.aiskills.academy.talent.Mobility;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingDraft;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.ProfileDraft;
import eu.aiskills.academy.talent.RemotePolicy;
import eu.aiskills.academy.talent.SavedSearches;
import eu.aiskills.academy.talent.Seniority;
import eu.aiskills.academy.talent.Visibility;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's data across modules: exported as one JSON document, then erased — removed or
 * anonymised everywhere, while the employer keeps a nameless record of the application and its
 * notes, and course and GPU-hour accounting keep their counts.
 */
@AcademyTest
class PersonalDataTest {

    private static final String MACHINE_LEARNING = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";
    private static final String EMAIL = "privacy-person@example.org";

    @Autowired
    PersonalData personalData;
    @Autowired
    Registration registration;
    @Autowired
    AccountManagement accounts;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Credentials credentials;
    @Autowired
    Documents documents;
    @Autowired
    Candidates candidates;
    @Autowired
    SavedSearches searches;
    @Autowired
    Postings postings;
    @Autowired
    Applications applications;
    @Autowired
    Matching matching;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void everythingIsExportedThenErasedAcrossModulesKeepingWhatOthersNeed() throws Exception {
        AccountId person = People.create(registration, EMAIL, "Petra Private", Role.STUDENT);
        TestCourses courses = new TestCourses(content, context);
        courses.course("privacy-ml").lessons(1).quizLastLesson().create();
        courses.complete("privacy-ml", EMAIL);
        CredentialSummary credential = await().atMost(Duration.ofSeconds(20))
                .until(() -> as(EMAIL, credentials::mine), list -> !list.isEmpty()).getFirst();
        await().atMost(Duration.ofSeconds(20)).until(() -> as(EMAIL, () -> candidates.mine().verified(MACHINE_LEARNING)));
        StoredDocument cv = as(EMAIL, () -> {
            candidates.save(new ProfileDraft("Privacy-minded ML engineer", "Five years in Lyon.", "", "FR", "Lyon", Mobility.EU,
                    List.of("fr", "en"), List.of(), Visibility.OPEN_TO_OFFERS, true));
            searches.save("ML jobs", "machine", Set.of(), Set.of(), Set.of());
            return documents.store(DocumentPurpose.CV, "petra.md",
                    new ByteArrayInputStream("Petra Private, machine learning".getBytes(StandardCharsets.UTF_8)));
        });
        Posting posting = as("employer@academy.test", () -> {
            var company = organisations.myMemberships().stream().filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER)
                    .findFirst().orElseThrow().organisationId();
            return postings.publish(postings.create(new PostingDraft(company, PostingKind.JOB, "Privacy engineer", "Build it.", null,
                    Seniority.MID, List.of("Lyon"), RemotePolicy.HYBRID, "FR", false, new BigDecimal("50000"), null, "EUR", "YEAR",
                    List.of("fr"), LocalDate.now(ZoneOffset.UTC).plusDays(20), 1, List.of(MACHINE_LEARNING), List.of(), null, List.of(),
                    List.of())).id());
        });
        JobApplication application = as(EMAIL, () -> applications.apply(new ApplicationDraft(posting.id(), "Dear team, Petra here.",
                cv.id(), List.of())));
        as("employer@academy.test", () -> applications.addNote(application.id(), "Met at the fair."));

        // Export: one JSON document with every module's part.
        JsonNode export = JsonMapper.builder().build().readTree(as(EMAIL, personalData::exportMine));
        assertThat(export.path("accountId").asString()).isEqualTo(person.value().toString());
        assertThat(export.toString()).contains(EMAIL, "Petra Private", "Privacy-minded ML engineer", "Dear team, Petra here.",
                "petra.md", "ML jobs", "Course privacy-ml");
        assertThat(export.path("talent").path("applications")).hasSize(1);
        assertThat(export.path("learning").path("credentials").get(0).path("signed_token").asString()).startsWith("eyJ");
        assertThat(export.path("documents").path("files")).hasSize(1);
        assertThat(export.has("labs") && export.has("compute") && export.has("notifications") && export.has("fellowships")).isTrue();
        assertThat(export.path("assessment").path("quizAttempts")).hasSize(1);
        assertThat(export.path("assessment").path("quizAnswers")).as("every answer the person gave").hasSize(3);
        assertThatThrownBy(() -> as("student@academy.test", () -> personalData.exportOf(person))).isInstanceOf(AccessDeniedException.class);

        // Erasure needs the person's own e-mail address typed.
        assertThatThrownBy(() -> as(EMAIL, () -> {
            personalData.eraseMine("someone@example.org");
            return null;
        })).isInstanceOf(UserFacingException.class);
        as(EMAIL, () -> {
            personalData.eraseMine(" Privacy-Person@example.org ");
            return null;
        });

        AccountSummary erased = SystemActor.call(() -> accounts.get(person));
        assertThat(erased.email()).endsWith("@erased.invalid");
        assertThat(erased.displayName()).isEqualTo("Erased account");
        assertThat(erased.enabled()).isFalse();
        assertThat(erased.roles()).isEmpty();
        assertThat(SystemActor.call(() -> accounts.findByEmail(EMAIL))).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM candidate_profile WHERE account_id = ?", person)).isZero();
        assertThat(count("SELECT COUNT(*) FROM candidate_skill WHERE account_id = ?", person)).isZero();
        assertThat(count("SELECT COUNT(*) FROM saved_search WHERE account_id = ?", person)).isZero();
        assertThat(count("SELECT COUNT(*) FROM stored_document WHERE owner_id = ?", person)).isZero();
        assertThat(count("SELECT COUNT(*) FROM notification WHERE account_id = ?", person)).isZero();
        assertThat(count("SELECT COUNT(*) FROM quiz_answer WHERE attempt_id IN (SELECT id FROM quiz_attempt WHERE learner_id = ?)", person))
                .as("answers erased").isZero();
        assertThat(count("SELECT COUNT(*) FROM quiz_attempt WHERE learner_id = ? AND score IS NOT NULL", person)).as("the score stays")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM enrolment WHERE learner_id = ?", person)).as("course statistics keep the count").isEqualTo(1);
        assertThat(credentials.verify(credential.id()).status()).isEqualTo(Verification.Status.REVOKED);
        assertThat(jdbc.queryForObject("SELECT jwt FROM credential WHERE id = ?", String.class, credential.id().value().toString())).isEmpty();

        // The employer keeps a nameless record, its stage and its own notes.
        as("employer@academy.test", () -> {
            JobApplication kept = applications.forPosting(posting.id()).stream().filter(a -> a.id().equals(application.id())).findFirst()
                    .orElseThrow();
            assertThat(kept.candidateName()).isEqualTo("Erased candidate");
            assertThat(kept.coverLetter()).isEmpty();
            assertThat(kept.hasCv()).isFalse();
            assertThat(kept.profile().headline()).isEmpty();
            assertThat(applications.notes(application.id())).extracting(n -> n.body()).containsExactly("Met at the fair.");
            assertThat(matching.candidatesFor(posting.id(), Matching.CandidateFilter.NONE, 100)).extracting(Matching.CandidateMatch::candidate)
                    .doesNotContain(person);
            return null;
        });

        // Nothing of the person is left to export; erasing again changes nothing.
        String again = as("admin@academy.test", () -> {
            personalData.eraseOf(person);
            return personalData.exportOf(person);
        });
        assertThat(again).doesNotContain(EMAIL, "Petra", "Privacy-minded", "Dear team", "petra.md", "eyJ");
    }

    private int count(String sql, AccountId account) {
        Integer count = jdbc.queryForObject(sql, Integer.class, account.value().toString());
        return count == null ? 0 : count;
    }

    private <T> T as(String email, Callable<T> work) throws Exception {
        return KaribuSupport.as(context, email, work);
    }
}
