package eu.aiskills.academy.talent.internal;

import eu.aiskills.academy.enrolment.CredentialIssued;
import eu.aiskills.academy.enrolment.CredentialRevoked;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.PostingPublished;
import eu.aiskills.academy.talent.SavedSearches;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps talent in step with the rest of the platform: a credential issued or revoked rewrites
 * the learner's verified skills; a published posting is checked against saved searches; once a
 * day postings closing soon are reminded.
 */
@Component
class TalentTriggers {

    private final Candidates candidates;
    private final SavedSearches searches;

    TalentTriggers(Candidates candidates, SavedSearches searches) {
        this.candidates = candidates;
        this.searches = searches;
    }

    @ApplicationModuleListener
    void on(CredentialIssued issued) {
        SystemActor.run(() -> candidates.refreshVerified(issued.learner()));
    }

    @ApplicationModuleListener
    void on(CredentialRevoked revoked) {
        SystemActor.run(() -> candidates.refreshVerified(revoked.learner()));
    }

    @ApplicationModuleListener
    void on(PostingPublished published) {
        SystemActor.run(() -> searches.announce(published.posting()));
    }

    @Scheduled(cron = "${academy.talent.reminder-cron:0 30 8 * * *}", zone = "UTC")
    void remindClosing() {
        SystemActor.run(searches::remindClosing);
    }
}
