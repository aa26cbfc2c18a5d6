package eu.aiskills.academy.shell.internal;

import java.util.List;

import eu.aiskills.academy.assessment.AssignmentGraded;
import eu.aiskills.academy.enrolment.CredentialIssued;
import eu.aiskills.academy.enrolment.LearnerEnrolled;
import eu.aiskills.academy.fellowships.PlacementOffered;
import eu.aiskills.academy.fellowships.RankingReleased;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shell.Notifications;
import eu.aiskills.academy.talent.ApplicationMoved;
import eu.aiskills.academy.talent.ApplicationSubmitted;
import eu.aiskills.academy.talent.PostingAlert;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns what happened elsewhere into notifications for the people concerned. */
@Component
class NotificationTriggers {

    private final Notifications notifications;
    private final OrganisationManagement organisations;

    NotificationTriggers(Notifications notifications, OrganisationManagement organisations) {
        this.notifications = notifications;
        this.organisations = organisations;
    }

    @ApplicationModuleListener
    void on(LearnerEnrolled enrolled) {
        if (enrolled.promoted()) {
            SystemActor.run(() -> notifications.notify(enrolled.learner(), "notification.waitlist-promoted",
                    List.of(enrolled.courseTitle()), "/learning"));
        }
    }

    @ApplicationModuleListener
    void on(CredentialIssued issued) {
        SystemActor.run(() -> notifications.notify(issued.learner(), "notification.credential-issued",
                List.of(issued.achievementName()), "/credentials/" + issued.credential().value()));
    }

    @ApplicationModuleListener
    void on(AssignmentGraded graded) {
        String key = graded.returned() ? "notification.assignment-returned"
                : graded.passed() ? "notification.assignment-passed" : "notification.assignment-graded";
        SystemActor.run(() -> notifications.notify(graded.learner(), key,
                List.of(graded.assignmentTitle(), graded.score().stripTrailingZeros().toPlainString()), "/assignments/" + graded.assignmentSlug()));
    }

    /** Everyone in the employer's team hears of a new application. */
    @ApplicationModuleListener
    void on(ApplicationSubmitted submitted) {
        SystemActor.run(() -> organisations.members(submitted.organisation()).forEach(member -> notifications.notify(member.accountId(),
                "notification.application-submitted", List.of(submitted.postingTitle()), "/my-postings/" + submitted.posting())));
    }

    @ApplicationModuleListener
    void on(ApplicationMoved moved) {
        String key = "notification.application." + moved.status().name().toLowerCase(java.util.Locale.ROOT)
                + (moved.reason() == null ? "" : "-reason");
        List<String> arguments = moved.reason() == null ? List.of(moved.postingTitle(), moved.organisationName())
                : List.of(moved.postingTitle(), moved.organisationName(), moved.reason());
        SystemActor.run(() -> notifications.notify(moved.candidate(), key, arguments, "/my-applications"));
    }

    @ApplicationModuleListener
    void on(PostingAlert alert) {
        String key = alert.closingSoon() ? "notification.posting-closing" : "notification.posting-alert";
        SystemActor.run(() -> notifications.notify(alert.candidate(), key, List.of(alert.postingTitle(), alert.searchName()),
                "/postings/" + alert.posting()));
    }

    @ApplicationModuleListener
    void on(PlacementOffered offered) {
        SystemActor.run(() -> notifications.notify(offered.applicant(), "notification.placement-offered",
                List.of(offered.offerTopic(), offered.callTitle()), "/fellowships/" + offered.callSlug() + "/apply"));
    }

    @ApplicationModuleListener
    void on(RankingReleased released) {
        SystemActor.run(() -> released.applicants().forEach(applicant -> notifications.notify(applicant, "notification.ranking-released",
                List.of(released.callTitle()), "/fellowships/" + released.callSlug() + "/apply")));
    }
}
