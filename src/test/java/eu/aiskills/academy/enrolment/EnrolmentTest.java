package eu.aiskills.academy.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shell.Notifications;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.OpenBadgesSchema;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * Enrolment end to end on the embedded defaults: windows, prerequisites, seats and the waitlist,
 * progress to completion, the credential that follows, and who may do what.
 */
@AcademyTest
class EnrolmentTest {

    @Autowired
    Enrolments enrolments;
    @Autowired
    Rosters rosters;
    @Autowired
    LessonProgress progress;
    @Autowired
    Credentials credentials;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Registration registration;
    @Autowired
    Notifications notifications;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;
    TestCourses courses;

    @BeforeEach
    void setUp() {
        courses = new TestCourses(content, context);
    }

    @Test
    void fullRunsWaitlistInArrivalOrderAndAFreedSeatGoesToTheFirstWaiting() {
        courses.course("seats-test").capacity(2).create();
        CourseRun run = run("seats-test");
        List<String> learners = People.students(registration, "seats", 4);

        LearnerCourse first = as(learners.get(0), () -> enrolments.enrol(run.id()));
        as(learners.get(1), () -> enrolments.enrol(run.id()));
        LearnerCourse third = as(learners.get(2), () -> enrolments.enrol(run.id()));
        LearnerCourse fourth = as(learners.get(3), () -> enrolments.enrol(run.id()));

        assertThat(first.status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(third.status()).isEqualTo(EnrolmentStatus.WAITLISTED);
        assertThat(third.waitlistPosition()).isEqualTo(1);
        assertThat(fourth.waitlistPosition()).isEqualTo(2);
        RunAvailability full = enrolments.availability(run.id());
        assertThat(full.free()).isZero();
        assertThat(full.waitlisted()).isEqualTo(2);

        assertThatThrownBy(() -> as(learners.get(0), () -> enrolments.enrol(run.id())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("enrolment.already"));

        as(learners.get(0), () -> {
            enrolments.cancel(first.id());
            return null;
        });
        LearnerCourse promoted = as(learners.get(2), () -> enrolments.mine().getFirst());
        assertThat(promoted.status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(as(learners.get(3), () -> enrolments.mine().getFirst().waitlistPosition())).isEqualTo(1);
        RunAvailability after = enrolments.availability(run.id());
        assertThat(after.taken()).isEqualTo(2);
        assertThat(after.waitlisted()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(as(learners.get(2), () -> notifications.mine()))
                .anySatisfy(n -> {
                    assertThat(n.messageKey()).isEqualTo("notification.waitlist-promoted");
                    assertThat(n.arguments()).containsExactly("Course seats-test");
                }));
        assertThat(as(learners.get(2), notifications::unread)).isPositive();
    }

    @Test
    void noWaitlistMeansFullIsFullAndTheReasonIsGiven() {
        courses.course("no-waitlist").capacity(1).noWaitlist().create();
        CourseRun run = run("no-waitlist");
        List<String> learners = People.students(registration, "nowait", 2);
        as(learners.get(0), () -> enrolments.enrol(run.id()));
        assertThatThrownBy(() -> as(learners.get(1), () -> enrolments.enrol(run.id())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("enrolment.full"));
    }

    @Test
    void enrolmentOnlyInsideTheWindowAndWithPrerequisitesCompleted() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        courses.course("window-later").enrolmentWindow(now.plusDays(3), now.plusDays(10)).create();
        courses.course("window-past").enrolmentWindow(now.minusDays(20), now.minusDays(10)).create();
        courses.course("basics").lessons(1).create();
        courses.course("advanced").requires("basics").create();
        String learner = People.students(registration, "window", 1).getFirst();

        assertThatThrownBy(() -> as(learner, () -> enrolments.enrol(run("window-later").id())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("enrolment.not-yet-open"));
        assertThatThrownBy(() -> as(learner, () -> enrolments.enrol(run("window-past").id())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("enrolment.closed"));
        assertThatThrownBy(() -> as(learner, () -> enrolments.enrol(run("advanced").id())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("enrolment.prerequisites-missing");
                    assertThat(e.arguments()).containsExactly("Course basics");
                });

        LearnerCourse basics = as(learner, () -> enrolments.enrol(run("basics").id()));
        as(learner, () -> progress.markLesson(basics.id(), catalogue.lessons(basics.run().courseId()).getFirst().id(), true));
        assertThat(as(learner, () -> enrolments.enrol(run("advanced").id())).status()).isEqualTo(EnrolmentStatus.ENROLLED);
    }

    @Test
    void completingEveryLessonIssuesACredentialThatVerifiesAndCanBeRevoked() throws Exception {
        courses.course("credential-test").lessons(2).create();
        CourseRun run = run("credential-test");
        String learner = People.students(registration, "cred", 1).getFirst();
        LearnerCourse seat = as(learner, () -> enrolments.enrol(run.id()));
        List<LessonSummary> lessons = catalogue.lessons(run.courseId());

        LearnerCourse half = as(learner, () -> progress.markLesson(seat.id(), lessons.get(0).id(), true));
        assertThat(half.status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(half.progress()).isEqualTo(0.5);
        LearnerCourse done = as(learner, () -> progress.markLesson(seat.id(), lessons.get(1).id(), true));
        assertThat(done.status()).isEqualTo(EnrolmentStatus.COMPLETED);

        CredentialSummary credential = await().atMost(Duration.ofSeconds(20))
                .until(() -> as(learner, () -> credentials.mine()), list -> !list.isEmpty()).getFirst();
        assertThat(credential.achievementName()).isEqualTo("Course credential-test");
        assertThat(credential.recipientName()).isEqualTo("Learner cred 0");

        Verification valid = credentials.verify(credential.id());
        assertThat(valid.status()).isEqualTo(Verification.Status.VALID);
        assertThat(valid.payload().orElseThrow())
                .contains("\"OpenBadgeCredential\"")
                .contains("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
                .contains("http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43")
                .contains("Pass the tests");
        OpenBadgesSchema.assertValid(valid.payload().orElseThrow());

        String token = credentials.token(credential.id());
        assertThat(credentials.verifyToken(token).status()).isEqualTo(Verification.Status.VALID);
        assertThat(credentials.verifyToken(tamper(token)).status()).isEqualTo(Verification.Status.TAMPERED);
        assertThat(credentials.verifyToken("not a credential").status()).isEqualTo(Verification.Status.TAMPERED);
        assertThat(credentials.verify(new CredentialId(UUID.randomUUID())).status()).isEqualTo(Verification.Status.NOT_FOUND);

        assertThatThrownBy(() -> as(learner, () -> credentials.revoke(credential.id(), "mistake")))
                .isInstanceOf(AccessDeniedException.class);
        as("admin@academy.test", () -> {
            assertThatThrownBy(() -> credentials.revoke(credential.id(), " "))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("reason"));
            return credentials.revoke(credential.id(), "Issued by mistake");
        });
        Verification revoked = credentials.verify(credential.id());
        assertThat(revoked.status()).isEqualTo(Verification.Status.REVOKED);
        assertThat(revoked.credential().orElseThrow().revocationReason()).isEqualTo("Issued by mistake");

        // A retried completion event issues nothing new.
        eu.aiskills.academy.identity.AccountId learnerId = as(learner, eu.aiskills.academy.identity.CurrentUser::requireId);
        SystemActor.run(() -> credentials.issueForCourse(new CourseCompleted(seat.id(), run.id(), run.courseId(), learnerId)));
        assertThat(as(learner, () -> credentials.mine())).hasSize(1);
    }

    @Test
    void completingAProgrammesCoursesIssuesTheProgrammeCredential(@TempDir Path programmes) throws Exception {
        courses.course("prog-core").lessons(1).create();
        courses.course("prog-elective-a").lessons(1).create();
        courses.course("prog-elective-b").lessons(1).create();
        java.nio.file.Files.createDirectories(programmes.resolve("test-degree"));
        java.nio.file.Files.writeString(programmes.resolve("test-degree/programme.yaml"), """
                slug: test-degree
                title: Test degree
                summary: One required course and one of two electives.
                creditsTotal: 2.0
                courses:
                  - {course: prog-core, required: true, part: Core}
                  - {course: prog-elective-a, required: false, part: Electives}
                  - {course: prog-elective-b, required: false, part: Electives}
                """);
        eu.aiskills.academy.catalogue.internal.ProgrammeImports.from(programmes, context).importAll();
        String learner = People.students(registration, "degree", 1).getFirst();

        complete(learner, "prog-core");
        await().atMost(Duration.ofSeconds(20)).until(() -> as(learner, () -> credentials.mine()), list -> list.size() == 1);
        assertThat(as(learner, () -> credentials.mine())).extracting(CredentialSummary::kind).containsExactly(CredentialKind.COURSE);

        complete(learner, "prog-elective-b");
        List<CredentialSummary> earned = await().atMost(Duration.ofSeconds(20))
                .until(() -> as(learner, () -> credentials.mine()), list -> list.size() == 3);
        CredentialSummary degree = earned.stream().filter(c -> c.kind() == CredentialKind.PROGRAMME).findFirst().orElseThrow();
        assertThat(degree.achievementName()).isEqualTo("Test degree");
        Verification verified = credentials.verify(degree.id());
        assertThat(verified.status()).isEqualTo(Verification.Status.VALID);
        assertThat(verified.payload().orElseThrow()).contains("\"achievementType\" : \"Degree\"").contains("\"creditsEarned\" : 2.0");
        OpenBadgesSchema.assertValid(verified.payload().orElseThrow());

        complete(learner, "prog-elective-a");
        await().atMost(Duration.ofSeconds(20)).until(() -> as(learner, () -> credentials.mine()), list -> list.size() == 4);
        assertThat(as(learner, () -> credentials.mine())).filteredOn(c -> c.kind() == CredentialKind.PROGRAMME)
                .as("one programme credential, however many electives").hasSize(1);
    }

    private void complete(String learner, String slug) {
        CourseRun run = run(slug);
        LearnerCourse seat = as(learner, () -> enrolments.enrol(run.id()));
        catalogue.lessons(run.courseId()).forEach(lesson -> as(learner, () -> progress.markLesson(seat.id(), lesson.id(), true)));
    }

    @Test
    void aGradedLessonIsCompletedOnlyByPassingItsLab() {
        courses.course("graded-test").lessons(2).gradedLastLesson(70).create();
        CourseRun run = run("graded-test");
        String learner = People.students(registration, "graded", 1).getFirst();
        LearnerCourse seat = as(learner, () -> enrolments.enrol(run.id()));
        List<LessonSummary> lessons = catalogue.lessons(run.courseId());
        LessonSummary lab = lessons.get(1);
        assertThat(lab.graded()).isTrue();

        as(learner, () -> progress.markLesson(seat.id(), lessons.get(0).id(), true));
        assertThatThrownBy(() -> as(learner, () -> progress.markLesson(seat.id(), lab.id(), true)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("enrolment.graded-lesson");
                    assertThat(e.arguments()).containsExactly("70");
                });
        assertThatThrownBy(() -> as(learner, () -> progress.recordLabScore(seat.id(), lab.id(), new java.math.BigDecimal("95"))))
                .as("only the platform (the labs module) reports scores").isInstanceOf(AccessDeniedException.class);

        LearnerCourse failed = SystemActor.call(() -> progress.recordLabScore(seat.id(), lab.id(), new java.math.BigDecimal("55")));
        assertThat(failed.status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(failed.lessonsDone()).doesNotContain(lab.id());

        LearnerCourse passed = SystemActor.call(() -> progress.recordLabScore(seat.id(), lab.id(), new java.math.BigDecimal("70")));
        assertThat(passed.lessonsDone()).contains(lab.id());
        assertThat(passed.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(learner, () -> credentials.mine()), list -> list.size() == 1);
    }

    @Test
    void aCredentialEarnedThroughAGradedLabNamesTheRunThatGradedIt() {
        CourseRun run = run("ml-with-scikit-learn");
        String learner = People.students(registration, "lab-evidence", 1).getFirst();
        LearnerCourse seat = as(learner, () -> enrolments.enrol(run.id()));
        // The labs module's record of the graded run (here written as the grader writes it).
        context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).update("INSERT INTO lab_submission (id, template_id, learner_id,"
                + " revision, score, feedback, submitted_at, notebook_sha256, ran_on, environment, gpus, checks_passed, checks_total)"
                + " SELECT ?, t.id, a.id, 3, 90, '', ?, ?, ?, ?, 1, 6, 6 FROM lab_template t, account a"
                + " WHERE t.slug = 'first-classifier' AND a.email = ?", UUID.randomUUID().toString(),
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)), "cd".repeat(32),
                "AI Factory MareNostrum 5, partition acc, Slurm job 4242", "python3 with scikit-learn (image sha256:" + "ef".repeat(32) + ")",
                learner);
        for (LessonSummary lesson : catalogue.lessons(run.courseId())) {
            switch (lesson.completion()) {
                case LAB -> SystemActor.call(() -> progress.recordLabScore(seat.id(), lesson.id(), new java.math.BigDecimal("90")));
                case READ -> as(learner, () -> progress.recordRead(run.courseId(), lesson.id()));
                default -> as(learner, () -> progress.markLesson(seat.id(), lesson.id(), true));
            }
        }
        CredentialSummary credential = await().atMost(Duration.ofSeconds(30)).until(() -> as(learner, () -> credentials.mine()),
                list -> !list.isEmpty()).getFirst();
        String payload = credentials.verify(credential.id()).payload().orElseThrow();
        OpenBadgesSchema.assertValid(payload);
        assertThat(payload).contains("\"genre\" : \"Lab\"").contains("A first classifier with scikit-learn")
                .contains("AI Factory MareNostrum 5, partition acc, Slurm job 4242").contains("image sha256:" + "ef".repeat(32))
                .contains("cd".repeat(32)).contains("checks passed: 6 of 6").contains("notebook revision: 3");
        eu.aiskills.academy.identity.AccountId id = as(learner, eu.aiskills.academy.identity.CurrentUser::requireId);
        assertThat(as(learner, () -> credentials.attestedSkills(id))).as("the lab verifies the course's skills")
                .allSatisfy(skill -> assertThat(skill.assessedBy()).anySatisfy(by -> assertThat(by).contains("first classifier")));
    }

    @Test
    void keysRotateAndEarlierCredentialsStillVerify() {
        courses.course("rotation-test").lessons(1).create();
        CourseRun run = run("rotation-test");
        String learner = People.students(registration, "rotate", 1).getFirst();
        LearnerCourse seat = as(learner, () -> enrolments.enrol(run.id()));
        as(learner, () -> progress.markLesson(seat.id(), catalogue.lessons(run.courseId()).getFirst().id(), true));
        CredentialSummary before = await().atMost(Duration.ofSeconds(20))
                .until(() -> as(learner, () -> credentials.mine()), list -> !list.isEmpty()).getFirst();
        String newKey = as("admin@academy.test", () -> credentials.rotateKey());
        assertThat(context.getBean(CredentialDocuments.class).publicKeys()).contains(newKey).doesNotContain("\"d\"");
        assertThat(credentials.verify(before.id()).status()).isEqualTo(Verification.Status.VALID);
    }

    @Test
    void onlyTheLearnerOrAnAdministratorActsOnAnEnrolmentAndOnlyTheCoursesInstructorsSeeTheRoster() {
        courses.course("guarded").create();
        CourseRun run = run("guarded");
        List<String> learners = People.students(registration, "guard", 2);
        LearnerCourse seat = as(learners.get(0), () -> enrolments.enrol(run.id()));

        assertThatThrownBy(() -> enrolments.enrol(run.id())).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> as(learners.get(1), () -> {
            enrolments.cancel(seat.id());
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        UUID lesson = catalogue.lessons(run.courseId()).getFirst().id();
        assertThatThrownBy(() -> as(learners.get(1), () -> progress.markLesson(seat.id(), lesson, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("instructor@academy.test", () -> enrolments.enrol(run.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(learners.get(0), () -> rosters.roster(run.id()))).isInstanceOf(AccessDeniedException.class);

        People.create(registration, "other-instructor@example.org", "Other Instructor", Role.INSTRUCTOR);
        assertThatThrownBy(() -> as("other-instructor@example.org", () -> rosters.roster(run.id())))
                .isInstanceOf(AccessDeniedException.class);

        List<RosterEntry> roster = as("instructor@academy.test", () -> rosters.roster(run.id()));
        assertThat(roster).extracting(RosterEntry::name).containsExactly("Learner guard 0");
        assertThat(as("admin@academy.test", () -> rosters.rosterCsv(run.id())))
                .startsWith("name,status,").contains("Learner guard 0,ENROLLED,,0,2,");
    }

    @Test
    void rosterExportNeutralisesFormulasAndQuotes() {
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field("Doe, Jane")).isEqualTo("\"Doe, Jane\"");
        assertThat(Csv.field("Plain")).isEqualTo("Plain");
    }

    private CourseRun run(String slug) {
        return catalogue.publishedCourse(slug).orElseThrow().runs().getFirst();
    }

    private <T> T as(String email, java.util.concurrent.Callable<T> work) {
        return KaribuSupport.as(context, email, work);
    }

    /** Changes one character of the payload, keeping header and signature: what a forger would do. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("Learner cred 0", "Learner cred 1");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
