package eu.aiskills.academy.enrolment.internal;

import eu.aiskills.academy.enrolment.CourseCompleted;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Issues credentials after a completion is committed. The event publication registry keeps the
 * event until this succeeds, and issuing is idempotent, so a crash or retry never loses or
 * doubles a credential. Each issuing runs in its own transaction (none around the listener): a
 * delivery racing another one for the same completion loses on the database's unique key (or waits
 * on it past the lock timeout, and tries again), finds the credential issued, and still issues the
 * programme credentials the completion earned.
 */
@Component
class CredentialIssuing {

    private static final Logger log = LoggerFactory.getLogger(CredentialIssuing.class);

    private final Credentials credentials;

    CredentialIssuing(Credentials credentials) {
        this.credentials = credentials;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CourseCompleted completed) {
        SystemActor.run(() -> {
            for (int tries = 1; ; tries++) {
                try {
                    credentials.issueForCourse(completed);
                    break;
                } catch (Credentials.IssuedConcurrently alreadyIssued) {
                    log.info("{}: nothing left to issue for this completion", alreadyIssued.getMessage());
                    break;
                } catch (org.springframework.dao.ConcurrencyFailureException waited) {
                    // The other delivery held the unique key past the lock timeout (a slow commit): try again,
                    // which finds its credential once committed.
                    if (tries == 3) {
                        throw waited;
                    }
                    log.info("Issuing for {} waited on another delivery ({}); trying again", completed.enrolment(), waited.getMessage());
                }
            }
            try {
                credentials.issueForProgrammes(completed.learner());
            } catch (Credentials.IssuedConcurrently alreadyIssued) {
                log.info("{}: the other completion issued it", alreadyIssued.getMessage());
            }
        });
    }
}
