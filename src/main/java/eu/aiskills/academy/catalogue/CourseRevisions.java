package eu.aiskills.academy.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import eu.aiskills.academy.catalogue.internal.CourseEntity;
import eu.aiskills.academy.catalogue.internal.CourseRevisionWork;
import eu.aiskills.academy.catalogue.internal.Courses;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change control after publication: an author of a published course starts a revision (a copy
 * they edit with the course editor while learners keep seeing the published course), sees what
 * it changes, submits it for review (minor when it only fixes text) or discards it; a reviewer
 * sees the same changes side by side and publishes it ({@link CourseReviews#publish}), which
 * makes it the course's next revision. A course has at most one open revision.
 */
@Service
public class CourseRevisions {

    private static final Logger log = LoggerFactory.getLogger(CourseRevisions.class);

    private final Courses courses;
    private final CourseRevisionWork work;
    private final CourseReviews reviews;
    private final AccountManagement accounts;
    private final Clock clock;

    CourseRevisions(Courses courses, CourseRevisionWork work, CourseReviews reviews, AccountManagement accounts, Clock clock) {
        this.courses = courses;
        this.work = work;
        this.reviews = reviews;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A published revision of a course: its number, minor or not, who published it, when, and what it changed. */
    public record Published(int revision, boolean minor, String publishedBy, Instant publishedAt, List<String> changes) {
        public Published {
            changes = List.copyOf(changes);
        }
    }

    /**
     * Starts a revision of a published course, or returns the open one (two authors starting at
     * once share it): the id of the revision to edit. Only the course's authors and administrators.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
    public CourseId start(CourseId published) {
        CourseEntity course = courses.authored(published);
        requireAuthor(course);
        if (course.revisionOf().isPresent()) {
            return course.id();
        }
        if (course.status() != CourseStatus.PUBLISHED) {
            throw new UserFacingException("revision.not-published");
        }
        CourseId revision = work.startRevision(course, clock.instant());
        log.info("Revision {} of course {} under way by {}", course.revision() + 1, published, CurrentUser.requireId());
        return revision;
    }

    /** Deletes a revision not yet published (not while a reviewer has it); the published course stays as it is. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public void discard(CourseId revision) {
        CourseEntity course = revisionOnly(revision);
        requireAuthor(course);
        if (course.status() == CourseStatus.IN_REVIEW) {
            throw new UserFacingException("authoring.locked-in-review");
        }
        work.discard(course);
        log.info("Revision {} of course {} discarded by {}", course.revision(), course.revisionOf().orElseThrow(), CurrentUser.requireId());
    }

    /**
     * What a revision changes in its published course, field by field and lesson by lesson: for
     * its authors, administrators and the reviewers who may review it.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public List<CourseChange> changes(CourseId revision) {
        CourseEntity course = revisionOnly(revision);
        if (!CurrentUser.hasRole(Roles.ADMIN) && !course.instructorIds().contains(CurrentUser.requireId().value())
                && !(CurrentUser.hasRole(Roles.REVIEWER) && reviews.mayReview(course))) {
            throw new AccessDeniedException("Only the course's authors and its reviewers see a revision's changes");
        }
        return work.changes(courses.authored(course.revisionOf().orElseThrow()), course);
    }

    /** The published revisions of a course, newest first: public, as a course page's change history. */
    @jakarta.annotation.security.PermitAll
    @Transactional(readOnly = true)
    public List<Published> history(CourseId course) {
        List<CourseRevisionWork.Published> past = work.history(course);
        Map<AccountId, String> names = accounts.displayNames(past.stream().map(CourseRevisionWork.Published::publishedBy).toList());
        return past.stream().map(p -> new Published(p.revision(), p.minor(), names.getOrDefault(p.publishedBy(), "?"), p.publishedAt(),
                p.changes())).toList();
    }

    private CourseEntity revisionOnly(CourseId id) {
        CourseEntity course = courses.authored(id);
        if (course.revisionOf().isEmpty()) {
            throw new UserFacingException("revision.not-a-revision");
        }
        return course;
    }

    private static void requireAuthor(CourseEntity course) {
        if (!CurrentUser.hasRole(Roles.ADMIN)) {
            course.requireTaughtBy(CurrentUser.requireId());
        }
    }
}
