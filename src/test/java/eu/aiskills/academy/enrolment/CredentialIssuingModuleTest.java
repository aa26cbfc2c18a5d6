package eu.aiskills.academy.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.ModuleTests;
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
    LessonProgress progress;
    @Autowired
    Credentials credentials;
    @Autowired
    Catalogue catalogue;
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
        TestCourses.Enrolled mira = new TestCourses(content, context).course("module-credential").lessons(1)
                .createWithLearner("module-credential@example.org", "Mira Module");

        scenario.stimulate(() -> KaribuSupport.as(context, mira.email(), () -> progress.markLesson(mira.seat().id(),
                        mira.lessons().getFirst().id(), true)))
                .andWaitAtMost(ModuleTests.WAIT)
                .andWaitForEventOfType(CredentialIssued.class)
                .matching(issued -> issued.learner().equals(mira.learner()))
                .toArriveAndVerify(issued -> {
                    assertThat(issued.achievementName()).isEqualTo("Course module-credential");
                    assertThat(credentials.verify(issued.credential()).status()).isEqualTo(Verification.Status.VALID);
                });
    }

    @Test
    void aCompletionDeliveredAgainOrTwiceAtOnceIssuesOneCredentialAndEveryDeliveryCompletes(Scenario scenario) throws Exception {
        TestCourses.Enrolled tomas = new TestCourses(content, context).course("module-credential-twice").lessons(1)
                .createWithLearner("module-credential-twice@example.org", "Tomas Twice");
        String email = tomas.email();
        CourseCompleted completed = new CourseCompleted(tomas.seat().id(), tomas.run().id(), tomas.run().courseId(), tomas.learner());
        scenario.stimulate(() -> KaribuSupport.as(context, email, () -> progress.markLesson(tomas.seat().id(),
                        tomas.lessons().getFirst().id(), true)))
                .andWaitAtMost(ModuleTests.WAIT)
                .andWaitForEventOfType(CredentialIssued.class)
                .matching(issued -> issued.learner().equals(tomas.learner()))
                .toArrive();

        // The event publication registry redelivers after a crash, and two deliveries may run at once:
        // one issues, the other finds it issued (or loses on the unique key); both complete.
        scenario.stimulate(() -> {
            events.publishEvent(completed);
            events.publishEvent(completed);
        }).andWaitAtMost(ModuleTests.WAIT)
                .andWaitForStateChange(() -> publications.findIncompletePublications().stream()
                        .noneMatch(publication -> completed.equals(publication.getEvent())))
                .andVerify(handled -> assertThat(KaribuSupport.as(context, email, () -> credentials.mine())).hasSize(1));
    }
}
