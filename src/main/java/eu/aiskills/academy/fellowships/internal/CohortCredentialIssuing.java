package eu.aiskills.academy.fellowships.internal;

import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.enrolment.CohortCredentials;
import eu.aiskills.academy.enrolment.CourseCompleted;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.fellowships.Cohorts;
import eu.aiskills.academy.fellowships.HoursCosigned;
import eu.aiskills.academy.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Issues a participant's cohort credential once they complete it: after a mentor co-signs hours
 * and after a course completion, whichever comes last. Issuing is idempotent (one credential per
 * participant, kept by the database's unique key), so a redelivered event changes nothing.
 */
@Component
class CohortCredentialIssuing {

    private static final Logger log = LoggerFactory.getLogger(CohortCredentialIssuing.class);

    private final Cohorts cohorts;
    private final CohortCredentials credentials;

    CohortCredentialIssuing(Cohorts cohorts, CohortCredentials credentials) {
        this.cohorts = cohorts;
        this.credentials = credentials;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(HoursCosigned cosigned) {
        issueIfComplete(List.of(cosigned.memberId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CourseCompleted completed) {
        issueIfComplete(SystemActor.call(() -> cohorts.membershipsOf(completed.learner())));
    }

    private void issueIfComplete(List<UUID> members) {
        SystemActor.run(() -> {
            for (UUID member : members) {
                cohorts.completion(member).ifPresent(completion -> {
                    try {
                        credentials.issue(completion);
                    } catch (Credentials.IssuedConcurrently alreadyIssued) {
                        log.info("{}: the other delivery issued it", alreadyIssued.getMessage());
                    }
                });
            }
        });
    }
}
