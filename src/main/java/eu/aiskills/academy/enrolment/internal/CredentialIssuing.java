package eu.aiskills.academy.enrolment.internal;

import eu.aiskills.academy.enrolment.CourseCompleted;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.identity.SystemActor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues credentials after a completion is committed. The event publication registry keeps the
 * event until this succeeds, and issuing is idempotent, so a crash or retry never loses or
 * doubles a credential.
 */
@Component
class CredentialIssuing {

    private final Credentials credentials;

    CredentialIssuing(Credentials credentials) {
        this.credentials = credentials;
    }

    @ApplicationModuleListener
    void on(CourseCompleted completed) {
        SystemActor.run(() -> {
            credentials.issueForCourse(completed);
            credentials.issueForProgrammes(completed.learner());
        });
    }
}
