package eu.aiskills.academy.fellowships;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.enrolment.CohortCredentials;
import eu.aiskills.academy.enrolment.CredentialKind;
import eu.aiskills.academy.enrolment.CredentialSummary;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.fellowships.Cohorts.HoursKind;
import eu.aiskills.academy.fellowships.Cohorts.Kind;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.labs.LabRecords;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.OpenBadgesSchema;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.Race;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Apprenticeship hours co-signed by the mentor (once, whatever races), completion needing courses
 * and both kinds of hours and issuing the cohort's credential with the co-signed hours as its
 * evidence; scholarships' milestones.
 */
@AcademyTest
class CohortsTest {

    @Autowired
    Cohorts cohorts;
    @Autowired
    Catalogue catalogue;
    @Autowired
    LessonProgress progress;
    @Autowired
    Registration registration;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    ApplicationContext context;
    @Autowired
    LabRecords labRecords;
    @Autowired
    CohortCredentials cohortCredentials;
    @Autowired
    Credentials credentials;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @TempDir
    Path content;

    @Test
    void anApprenticesHoursCountOnceTheMentorCoSignsAndCompletionNeedsTheCourseToo() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String apprentice = person("apprentice-" + tag, Role.STUDENT);
        String mentor = person("mentor-" + tag, Role.EMPLOYER);
        String stranger = person("stranger-" + tag, Role.EMPLOYER);
        new TestCourses(content, context).course("cohort-" + tag).lessons(1).create();
        OrganisationId employer = SystemActor.call(() -> organisations.create(new NewOrganisation("Cohort employer " + tag,
                OrganisationKind.EMPLOYER, "AT", null)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Cohorts.Cohort cohort = as("admin@academy.test", () -> cohorts.create(Kind.APPRENTICESHIP, "ML apprentices " + tag,
                List.of("cohort-" + tag), new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("40"), today.minusDays(30), today.plusDays(300)));
        assertThatThrownBy(() -> as("admin@academy.test", () -> cohorts.addMember(cohort.id(), apprentice, employer, null, null, null, null)))
                .as("an apprentice has a mentor").extracting(e -> ((UserFacingException) e).field()).isEqualTo("mentor");
        Cohorts.Member member = as("admin@academy.test", () -> cohorts.addMember(cohort.id(), apprentice, employer, mentor, null, null, null));

        Cohorts.HoursEntry training = as(apprentice, () -> cohorts.logHours(member.id(), HoursKind.TRAINING, today.minusDays(1),
                new BigDecimal("2"), "Course lesson 1"));
        Cohorts.HoursEntry work = as(apprentice, () -> cohorts.logHours(member.id(), HoursKind.ON_THE_JOB, today.minusDays(1),
                new BigDecimal("3"), "Labelled data"));
        assertThatThrownBy(() -> as(apprentice, () -> cohorts.logHours(member.id(), HoursKind.ON_THE_JOB, today.plusDays(1),
                new BigDecimal("1"), ""))).extracting(e -> ((UserFacingException) e).field()).isEqualTo("workedOn");
        assertThatThrownBy(() -> as(apprentice, () -> cohorts.logHours(member.id(), HoursKind.ON_THE_JOB, today.minusDays(1),
                new BigDecimal("20"), ""))).hasMessageContaining("cohort.invalid.day-full");
        Cohorts.Progress before = as(apprentice, () -> cohorts.progress(member.id()));
        assertThat(before.trainingCosigned()).isEqualByComparingTo("0");
        assertThat(before.pending()).isEqualByComparingTo("5");
        assertThat(before.complete()).isFalse();

        assertThatThrownBy(() -> as(apprentice, () -> cohorts.cosign(training.id()))).as("nobody co-signs their own hours")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(stranger, () -> cohorts.cosign(training.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(stranger, () -> cohorts.ledger(member.id()))).isInstanceOf(NotFoundException.class);
        List<Object> race = Race.run(6, n -> () -> {
            try {
                return as(mentor, () -> cohorts.cosign(work.id()));
            } catch (UserFacingException e) {
                return e.messageKey();
            }
        });
        assertThat(race).filteredOn(r -> r instanceof Cohorts.HoursEntry).hasSize(1);
        assertThat(race).filteredOn("cohort.already-cosigned"::equals).hasSize(5);
        as(mentor, () -> cohorts.cosign(training.id()));
        assertThat(as(mentor, () -> cohorts.ledger(member.id()))).allSatisfy(e -> assertThat(e.cosignedBy()).isEqualTo("Person mentor-" + tag));
        Cohorts.Progress hoursDone = as(mentor, () -> cohorts.progress(member.id()));
        assertThat(hoursDone.workCosigned()).isEqualByComparingTo("3");
        assertThat(hoursDone.complete()).as("the course is still to do").isFalse();
        assertThat(hoursDone.coursesLeft()).containsExactly("cohort-" + tag);

        String lab = submission(apprentice, 4, "90.0");
        Cohorts.HoursEntry cited = as(apprentice, () -> cohorts.logHours(member.id(), HoursKind.TRAINING, today.minusDays(2),
                new BigDecimal("1"), "Classifier lab", lab));
        as(mentor, () -> cohorts.cosign(cited.id()));
        assertThat(as(apprentice, () -> cohortCredentials.of(member.id()))).as("not complete: no credential yet").isEmpty();

        new TestCourses(content, context).complete("cohort-" + tag, apprentice);
        assertThat(as(apprentice, () -> cohorts.progress(member.id())).complete()).isTrue();

        // Completing the last course issues the cohort's credential, whose evidence lists every co-signed entry and what it cites.
        CredentialSummary issued = await().atMost(Duration.ofSeconds(30)).until(() -> as(apprentice, () -> cohortCredentials.of(member.id())),
                Optional::isPresent).orElseThrow();
        assertThat(issued.kind()).isEqualTo(CredentialKind.COHORT);
        assertThat(issued.achievementName()).isEqualTo("Apprenticeship: ML apprentices " + tag);
        assertThat(as(stranger, () -> cohortCredentials.of(member.id()))).as("only the participant looks it up here").isEmpty();
        String payload = credentials.verify(issued.id()).payload().orElseThrow();
        OpenBadgesSchema.assertValid(payload);
        assertThat(payload).contains("\"achievementType\" : \"ApprenticeshipCertificate\"").contains("Co-signed hours")
                .contains("Training: 1 h on " + today.minusDays(2)).contains("Training: 2 h on " + today.minusDays(1))
                .contains("On the job: 3 h on " + today.minusDays(1)).contains("Co-signed by Person mentor-" + tag).contains("Labelled data")
                .contains("Cites: Graded submission of “A first classifier with scikit-learn”").contains("notebook revision 4");
        assertThat(payload.indexOf("Training: 1 h")).as("in the order the hours were worked").isLessThan(payload.indexOf("Training: 2 h"));
        CredentialSummary again = SystemActor.call(() -> cohortCredentials.issue(cohorts.completion(member.id()).orElseThrow()));
        assertThat(again.id()).as("issued once").isEqualTo(issued.id());
    }

    @Test
    void hoursCiteTheParticipantsOwnLabWorkAndTheMentorSeesIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String apprentice = person("lab-apprentice-" + tag, Role.STUDENT);
        String other = person("lab-other-" + tag, Role.STUDENT);
        String mentor = person("lab-mentor-" + tag, Role.EMPLOYER);
        OrganisationId employer = SystemActor.call(() -> organisations.create(new NewOrganisation("Lab employer " + tag,
                OrganisationKind.EMPLOYER, "BE", null)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Cohorts.Cohort cohort = as("admin@academy.test", () -> cohorts.create(Kind.APPRENTICESHIP, "Lab apprentices " + tag,
                List.of("ml-with-scikit-learn"), new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("40"), today.minusDays(30),
                today.plusDays(300)));
        Cohorts.Member member = as("admin@academy.test", () -> cohorts.addMember(cohort.id(), apprentice, employer, mentor, null, null, null));
        String mine = submission(apprentice, 7, "85.0");
        String theirs = submission(other, 3, "40.0");

        List<LabRecords.WorkRecord> offered = as(apprentice, () -> labRecords.mine());
        assertThat(offered).extracting(LabRecords.WorkRecord::ref).contains(mine).doesNotContain(theirs);
        assertThatThrownBy(() -> as(apprentice, () -> cohorts.logHours(member.id(), HoursKind.TRAINING, today.minusDays(1),
                new BigDecimal("2"), "Classifier lab", theirs))).as("someone else's work is not evidence of these hours")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("evidence"));
        Cohorts.HoursEntry cited = as(apprentice, () -> cohorts.logHours(member.id(), HoursKind.TRAINING, today.minusDays(1),
                new BigDecimal("2"), "Classifier lab", mine));
        assertThat(cited.evidence()).startsWith("Graded submission of “A first classifier with scikit-learn”").contains("score 85/100")
                .contains("notebook revision 7").contains("SHA-256 " + "ab".repeat(32)).contains("5 of 6 checks passed");
        assertThat(as(mentor, () -> cohorts.ledger(member.id()))).singleElement()
                .satisfies(entry -> assertThat(entry.evidence()).isEqualTo(cited.evidence()));
    }

    /** A graded submission of the demo lab by this learner, as grading stores it; returns its reference. */
    private String submission(String email, int revision, String score) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO lab_submission (id, template_id, learner_id, revision, score, feedback, submitted_at, notebook_sha256,"
                + " ran_on, environment, gpus, checks_passed, checks_total) SELECT ?, t.id, a.id, ?, ?, '', ?, ?, 'local sandbox', 'python', 0, 5, 6"
                + " FROM lab_template t, account a WHERE t.slug = 'first-classifier' AND a.email = ?", id, revision, new BigDecimal(score),
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)), "ab".repeat(32), email);
        return "submission:" + id;
    }

    @Test
    void returnshipsArePartTimeAndScholarshipsReleaseEachMilestoneOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String scholar = person("scholar-" + tag, Role.STUDENT);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Cohorts.Cohort returnship = as("admin@academy.test", () -> cohorts.create(Kind.RETURNSHIP, "Return to data " + tag,
                List.of("ml-with-scikit-learn"), new BigDecimal("40"), new BigDecimal("0"), new BigDecimal("20"), today, today.plusDays(120)));
        assertThat(returnship.partTime()).isTrue();
        Cohorts.Cohort scholarship = as("admin@academy.test", () -> cohorts.create(Kind.SCHOLARSHIP, "GenAI scholars " + tag,
                List.of("ml-with-scikit-learn"), new BigDecimal("60"), new BigDecimal("0"), new BigDecimal("40"), today, today.plusDays(365)));
        assertThatThrownBy(() -> as("admin@academy.test", () -> cohorts.addMember(scholarship.id(), scholar, null, null, null, null, null)))
                .extracting(e -> ((UserFacingException) e).field()).isEqualTo("award");
        Cohorts.Member member = as("admin@academy.test", () -> cohorts.addMember(scholarship.id(), scholar, null, null, new BigDecimal("6000"),
                "EUR", "Complete the programme's courses within a year."));
        Cohorts.Milestone first = as("admin@academy.test", () -> cohorts.addMilestone(member.id(), "On joining", new BigDecimal("2000"), today));
        as("admin@academy.test", () -> {
            cohorts.releaseMilestone(first.id());
            return null;
        });
        assertThatThrownBy(() -> as("admin@academy.test", () -> {
            cohorts.releaseMilestone(first.id());
            return null;
        })).hasMessageContaining("cohort.milestone-released");
        assertThat(as(scholar, () -> cohorts.milestonesOf(member.id()))).singleElement().satisfies(m -> assertThat(m.releasedAt()).isNotNull());
        assertThatThrownBy(() -> as(scholar, () -> cohorts.addMilestone(member.id(), "x", BigDecimal.ONE, today)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theParticipantLogsHoursInTheViewAndTheMentorCoSignsThem() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String apprentice = person("view-apprentice-" + tag, Role.STUDENT);
        String mentor = person("view-mentor-" + tag, Role.EMPLOYER);
        OrganisationId employer = SystemActor.call(() -> organisations.create(new NewOrganisation("View employer " + tag,
                OrganisationKind.EMPLOYER, "PT", null)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Cohorts.Cohort cohort = as("admin@academy.test", () -> cohorts.create(Kind.APPRENTICESHIP, "View apprentices " + tag,
                List.of("ml-with-scikit-learn"), new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("40"), today.minusDays(10),
                today.plusDays(100)));
        as("admin@academy.test", () -> cohorts.addMember(cohort.id(), apprentice, employer, mentor, null, null, null));

        KaribuSupport.signIn(context, apprentice);
        KaribuSupport.setUp(context, Locale.ENGLISH);
        try {
            UI.getCurrent().navigate("cohorts");
            _setValue(_get(
                    BigDecimalField.class, spec -> spec.withLabel("Hours")), new BigDecimal("6"));
            _setValue(_get(
                    TextField.class, spec -> spec.withLabel("What you did")), "Data pipeline");
            _click(_get(
                    Button.class, spec -> spec.withText("Log the hours")));
            assertThat(KaribuSupport.currentView("CohortView").getElement()
                    .getTextRecursively()).contains("Data pipeline", "Waiting for co-signature", "6 hours wait for your mentor’s co-signature.");
            KaribuSupport.tearDown();

            KaribuSupport.signIn(context, mentor);
            KaribuSupport.setUp(context, Locale.ENGLISH);
            UI.getCurrent().navigate("cohorts");
            _click(_get(
                    Button.class, spec -> spec.withText("Co-sign")));
            assertThat(KaribuSupport.currentView("CohortView").getElement()
                    .getTextRecursively()).contains("Co-signed by Person view-mentor-" + tag, "On the job: 6 of 20 hours co-signed");
        } finally {
            KaribuSupport.tearDown();
        }
    }

    @Test
    void anAdministratorSetsUpACohortAndItsParticipantsInTheView() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String participant = person("admin-view-" + tag, Role.STUDENT);
        KaribuSupport.signIn(context, "admin@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        try {
            UI.getCurrent().navigate("admin/cohorts");
            _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Returners " + tag);
            _setValue(_get(TextField.class, spec -> spec.withLabel("Academy courses (apprenticeships)")), "ml-with-scikit-learn");
            _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("Training hours needed")), new BigDecimal("30"));
            _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("On-the-job hours needed")), new BigDecimal("0"));
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.select.Select<Kind> kind = _get(com.vaadin.flow.component.select.Select.class,
                    spec -> spec.withLabel("Scheme"));
            _setValue(kind, Kind.RETURNSHIP);
            _click(_get(Button.class, spec -> spec.withText("Create the cohort")));
            assertThat(cohorts.all()).extracting(Cohorts.Cohort::name).contains("Returners " + tag);
            TextField email = com.github.mvysny.kaributesting.v10.LocatorJ._find(TextField.class,
                    spec -> spec.withLabel("Participant’s e-mail address")).getFirst();
            _setValue(email, participant);
            _click(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class, spec -> spec.withText("Add the participant")).getFirst());
            assertThat(KaribuSupport.currentView("CohortsAdminView").getElement().getTextRecursively())
                    .contains("Person admin-view-" + tag + " · mentor —");
        } finally {
            KaribuSupport.tearDown();
        }
    }

    private String person(String name, Role role) {
        People.create(registration, name + "@example.org", "Person " + name, role);
        return name + "@example.org";
    }

    private <T> T as(String email, Callable<T> work) throws Exception {
        return KaribuSupport.as(context, email, work);
    }
}
