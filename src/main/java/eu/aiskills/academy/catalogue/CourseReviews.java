package eu.aiskills.academy.catalogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import eu.aiskills.academy.catalogue.internal.CourseEntity;
import eu.aiskills.academy.catalogue.internal.CourseRevisionWork;
import eu.aiskills.academy.catalogue.internal.Courses;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of courses before learners see them: an author submits a complete draft; an
 * administrator, or a reviewer of the course's organisation, publishes it or returns it to its
 * authors with a note; an administrator archives a published course. A revision of a published
 * course ({@link CourseRevisions}) goes the same way, and publishing it makes it the course. What authors may change
 * while a course is in review, {@link CourseAuthoring} decides.
 */
@Service
public class CourseReviews {

    /** Longest note a reviewer returns a course with. */
    public static final int NOTE_MAX_LENGTH = 1000;

    private static final Logger log = LoggerFactory.getLogger(CourseReviews.class);

    private final Courses courses;
    private final AccountManagement accounts;
    private final OrganisationManagement organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CourseRevisionWork revisionWork;
    private final List<LessonAssessments> assessments;

    CourseReviews(Courses courses, AccountManagement accounts, OrganisationManagement organisations, ApplicationEventPublisher events,
                  Clock clock, CourseRevisionWork revisionWork, List<LessonAssessments> assessments) {
        this.revisionWork = revisionWork;
        this.assessments = assessments;
        this.courses = courses;
        this.accounts = accounts;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /** Asks for review: the course (or revision) must be complete enough to be published. */
    @RolesAllowed(Roles.INSTRUCTOR)
    @Transactional
    public void submitForReview(CourseId id) {
        submit(id, false);
    }

    /**
     * Asks for review of a revision of a published course; {@code minor} when it only fixes text
     * (refused, naming them, when it changes what the course certifies or how it is completed).
     * A revision that changes nothing is refused.
     */
    @RolesAllowed(Roles.INSTRUCTOR)
    @Transactional
    public void submitRevision(CourseId id, boolean minor) {
        submit(id, minor);
    }

    private void submit(CourseId id, boolean minor) {
        CourseEntity course = courses.authored(id);
        course.requireTaughtBy(CurrentUser.requireId());
        if (course.status() != CourseStatus.DRAFT) {
            throw new UserFacingException("authoring.submit.not-draft");
        }
        if (course.lessons().isEmpty()) {
            throw new UserFacingException("authoring.submit.no-lessons");
        }
        if (course.outcomes().isEmpty()) {
            throw new UserFacingException("authoring.invalid.outcomes");
        }
        java.util.Optional<CourseEntity> published = course.revisionOf().map(courses::authored);
        // Assignments and labs belong to the published course's address, which a revision keeps; a
        // revision's own quizzes are written under its address until it is published.
        String address = published.map(CourseEntity::slug).orElse(course.slug());
        for (var lesson : course.lessons()) {
            if (lesson.completion().assessed() && assessments.stream().noneMatch(a -> a.provides(address, lesson.slug(), lesson.completion())
                    || a.provides(course.slug(), lesson.slug(), lesson.completion()))) {
                throw new UserFacingException(switch (lesson.completion()) {
                    case LAB -> "authoring.submit.no-lab";
                    case QUIZ -> "authoring.submit.no-quiz";
                    default -> "authoring.submit.no-assignment";
                }, lesson.title());
            }
        }
        if (published.isPresent()) {
            List<CourseChange> changes = revisionWork.changes(published.get(), course);
            if (changes.isEmpty()) {
                throw new UserFacingException("revision.no-changes");
            }
            List<String> structural = changes.stream().filter(CourseChange::structural).map(CourseChange::summary).toList();
            if (minor && !structural.isEmpty()) {
                throw new UserFacingException("revision.not-minor", String.join("; ", structural));
            }
        } else if (minor) {
            throw new UserFacingException("revision.not-a-revision");
        }
        course.minorRevision(minor);
        course.submitForReview(clock.instant());
        courses.save(course);
        log.info("Course {} submitted for review by {}{}", id, CurrentUser.requireId(), minor ? " (minor revision)" : "");
    }

    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public List<ReviewItem> reviewQueue() {
        List<ReviewItem> queue = new ArrayList<>();
        for (CourseEntity course : courses.findByStatusOrderBySubmittedAt(CourseStatus.IN_REVIEW)) {
            if (!mayReview(course)) {
                continue;
            }
            List<String> names = accounts.displayNames(course.instructorIds().stream().map(AccountId::new).toList())
                    .values().stream().sorted().toList();
            CourseSummary revising = course.revisionOf().map(of -> courses.authored(of).toSummary()).orElse(null);
            queue.add(new ReviewItem(course.toSummary(), names, course.submittedAt(), course.revision(), revising, course.minor()));
        }
        return queue;
    }

    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Transactional
    public void publish(CourseId id) {
        CourseEntity course = courses.authored(id);
        requireReviewer(course);
        if (course.status() != CourseStatus.IN_REVIEW && course.status() != CourseStatus.ARCHIVED) {
            throw new UserFacingException("authoring.publish.not-in-review");
        }
        if (course.revisionOf().isPresent()) {
            CourseEntity published = courses.authored(course.revisionOf().get());
            List<CourseChange> changes = revisionWork.merge(published, course, CurrentUser.requireId(), clock.instant());
            events.publishEvent(new CoursePublished(published.id(), published.slug(), published.version(),
                    CoursePublished.Change.REVISION_PUBLISHED, published.revision()));
            log.info("Revision {} of course {} published by {}: {} changes", published.revision(), published.id(), CurrentUser.requireId(),
                    changes.size());
            return;
        }
        course.publish(clock.instant());
        courses.saveAndFlush(course);
        events.publishEvent(new CoursePublished(course.id(), course.slug(), course.version(), CoursePublished.Change.PUBLISHED,
                course.revision()));
        log.info("Course {} published by {}", id, CurrentUser.requireId());
    }

    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Transactional
    public void returnToAuthors(CourseId id, String note) {
        String cleaned = note == null ? "" : note.strip();
        if (cleaned.isEmpty() || cleaned.length() > NOTE_MAX_LENGTH) {
            throw UserFacingException.onField("note", "authoring.review.note");
        }
        CourseEntity course = courses.authored(id);
        requireReviewer(course);
        if (course.status() != CourseStatus.IN_REVIEW) {
            throw new UserFacingException("authoring.publish.not-in-review");
        }
        course.returnToDraft(cleaned);
        courses.save(course);
    }

    /** Takes a published course out of the catalogue; enrolments and credentials stay. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void archive(CourseId id) {
        CourseEntity course = courses.authored(id);
        if (course.status() != CourseStatus.PUBLISHED) {
            throw new UserFacingException("authoring.archive.not-published");
        }
        course.changeStatus(CourseStatus.ARCHIVED);
        course.touch(clock.instant());
        courses.saveAndFlush(course);
        events.publishEvent(new CourseWithdrawn(course.id(), course.slug(), course.version()));
    }

    /**
     * Administrators review every course; a reviewer reviews the courses of the organisations they
     * act for, and the platform's own courses (no organisation).
     */
    boolean mayReview(CourseEntity course) {
        return CurrentUser.hasRole(Roles.ADMIN) || course.organisationId() == null
                || organisations.isMember(new OrganisationId(course.organisationId()));
    }

    private void requireReviewer(CourseEntity course) {
        if (!mayReview(course)) {
            throw new AccessDeniedException("Reviewer " + CurrentUser.requireId() + " is not of the organisation of course "
                    + course.id());
        }
    }
}
