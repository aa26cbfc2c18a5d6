package eu.aiskills.academy.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The enrolment module on its own (with what it depends on, and nothing that depends on it): a
 * completion, once committed, issues the course's credential through the module's own listener,
 * and the event that announces it to other modules names the learner and a credential that verifies.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class CredentialIssuingModuleTest {

    @Autowired
    Enrolments enrolments;
    @Autowired
    LessonProgress progress;
    @Autowired
    Credentials credentials;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Registration registration;
    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    ApplicationEventPublisher events;
    @TempDir
    Path content;

    @Test
    void completingTheLastLessonIssuesAVerifiableCredentialAndAnnouncesIt(Scenario scenario) throws Exception {
        new TestCourses(content, context).course("module-credential").lessons(1).create();
        CourseRun run = catalogue.publishedCourse("module-credential").orElseThrow().runs().getFirst();
        List<LessonSummary> lessons = catalogue.lessons(run.courseId());
        String email = "module-credential@example.org";
        AccountId learner = People.create(registration, email, "Mira Module", Role.STUDENT);
        LearnerCourse seat = KaribuSupport.as(context, email, () -> enrolments.enrol(run.id()));

        scenario.stimulate(() -> KaribuSupport.as(context, email, () -> progress.markLesson(seat.id(), lessons.getFirst().id(), true)))
                .andWaitForEventOfType(CredentialIssued.class)
                .matching(issued -> issued.learner().equals(learner))
                .toArriveAndVerify(issued -> {
                    assertThat(issued.achievementName()).isEqualTo("Course module-credential");
                    assertThat(credentials.verify(issued.credential()).status()).isEqualTo(Verification.Status.VALID);
                });
    }

    @Test
    void aCompletionDeliveredAgainOrTwiceAtOnceIssuesOneCredentialAndEveryDeliveryCompletes(Scenario scenario) throws Exception {
        new TestCourses(content, context).course("module-credential-twice").lessons(1).create();
        CourseRun run = catalogue.publishedCourse("module-credential-twice").orElseThrow().runs().getFirst();
        List<LessonSummary> lessons = catalogue.lessons(run.courseId());
        String email = "module-credential-twice@example.org";
        AccountId learner = People.create(registration, email, "Tomas Twice", Role.STUDENT);
        LearnerCourse seat = KaribuSupport.as(context, email, () -> enrolments.enrol(run.id()));
        CourseCompleted completed = new CourseCompleted(seat.id(), run.id(), run.courseId(), learner);
        scenario.stimulate(() -> KaribuSupport.as(context, email, () -> progress.markLesson(seat.id(), lessons.getFirst().id(), true)))
                .andWaitForEventOfType(CredentialIssued.class)
                .matching(issued -> issued.learner().equals(learner))
                .toArrive();

        // The event publication registry redelivers after a crash, and two deliveries may run at once:
        // one issues, the other finds it issued (or loses on the unique key); both complete.
        scenario.stimulate(() -> {
            events.publishEvent(completed);
            events.publishEvent(completed);
        }).andWaitForStateChange(() -> publications.findIncompletePublications().stream()
                        .noneMatch(publication -> completed.equals(publication.getEvent())))
                .andVerify(handled -> assertThat(KaribuSupport.as(context, email, () -> credentials.mine())).hasSize(1));
    }
}
