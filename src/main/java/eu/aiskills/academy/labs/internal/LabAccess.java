package eu.aiskills.academy.labs.internal;

import java.util.Optional;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.labs.LabSession;
import eu.aiskills.academy.labs.LabTemplate;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who may use a lab (its course's learners and instructors, administrators) and a session (its learner). */
@Component
public class LabAccess {

    private final Catalogue catalogue;
    private final Enrolments enrolments;

    LabAccess(Catalogue catalogue, Enrolments enrolments) {
        this.catalogue = catalogue;
        this.enrolments = enrolments;
    }

    /** The signed-in person may use the lab: enrolled in its course, teaching it, or an administrator. */
    public void requireMayUse(LabTemplate lab) {
        if (CurrentUser.hasRole(Roles.ADMIN)) {
            return;
        }
        CourseDetail course = catalogue.publishedCourse(lab.courseSlug()).orElseThrow(() -> new NotFoundException("lab.not-found"));
        if (catalogue.teaches(course.summary().id())) {
            return;
        }
        if (enrolments.seatIn(course.summary().id()).isEmpty()) {
            throw new UserFacingException("lab.not-enrolled", course.summary().title());
        }
    }

    /** The session is the signed-in learner's (or the caller an administrator or the platform). */
    public void requireOwner(LabSession session) {
        if (CurrentUser.hasRole(Roles.ADMIN) || CurrentUser.hasRole(Roles.SYSTEM)) {
            return;
        }
        if (!session.learner().equals(CurrentUser.requireId())) {
            throw new AccessDeniedException("Lab session " + session.id() + " is not the caller's");
        }
    }

    /** The signed-in learner's seat (enrolled or completed) in a run of the lab's course. */
    public Optional<LearnerCourse> seat(LabTemplate lab) {
        return catalogue.publishedCourse(lab.courseSlug()).flatMap(course -> enrolments.seatIn(course.summary().id()));
    }
}
