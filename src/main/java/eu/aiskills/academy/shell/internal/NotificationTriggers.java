package eu.aiskills.academy.shell.internal;

import java.util.List;

import eu.aiskills.academy.enrolment.CredentialIssued;
import eu.aiskills.academy.enrolment.LearnerEnrolled;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shell.Notifications;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns what happened elsewhere into notifications for the people concerned. */
@Component
class NotificationTriggers {

    private final Notifications notifications;

    NotificationTriggers(Notifications notifications) {
        this.notifications = notifications;
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
}
