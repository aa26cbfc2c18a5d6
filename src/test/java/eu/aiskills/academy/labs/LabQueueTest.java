package eu.aiskills.academy.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** With one local sandbox, a second learner's session queues and starts when the first stops. */
@AcademyTest
@TestPropertySource(properties = "academy.labs.max-local-sessions=1")
class LabQueueTest {

    @Autowired
    LabSessions sessions;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path courses;
    @TempDir
    Path labFolders;

    private GradedLab lab;

    @BeforeEach
    void aGradedLab() throws IOException {
        lab = GradedLab.create(context, courses, labFolders);
    }

    @Test
    void sessionsQueueWhenEverySandboxIsTakenAndStartInTurn() {
        KaribuSupport.signIn(context, "student@academy.test");
        LabSession first = sessions.start(lab.slug());
        KaribuSupport.signIn(context, "fellow@academy.test");
        LabSession second = sessions.start(lab.slug());
        assertThat(second.state()).isEqualTo(LabSessionState.QUEUED);
        assertThat(second.queuePosition()).isEqualTo(1);

        KaribuSupport.signIn(context, "student@academy.test");
        GradedLab.awaitRunning(sessions, first);
        sessions.stop(first.id());
        KaribuSupport.signIn(context, "fellow@academy.test");
        LabSession started = GradedLab.awaitRunning(sessions, second);
        sessions.stop(started.id());
    }
}
