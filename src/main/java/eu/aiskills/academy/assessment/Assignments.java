package eu.aiskills.academy.assessment;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.assessment.internal.AssignmentStore;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignments: a learner with a seat in the course hands in text or files (checked by the
 * documents module when uploaded) by the due date of their run; late work is taken and marked
 * late, or refused, as the assignment says. The course's instructors grade each submission
 * against the rubric, with feedback, or return it for resubmission; a passing grade completes
 * the lesson when the lesson is completed by its assignment. Handing in twice at once (two tabs)
 * makes one submission, and two graders at once grade it once: the database decides.
 * <p>Long because handing in and grading share the guarded life of a submission, its checks and
 * its standing, which must not be split across services.
 */
@Service
public class Assignments {

    private static final Logger log = LoggerFactory.getLogger(Assignments.class);
    public static final int FEEDBACK_MAX = 10_000;

    private final AssignmentStore store;
    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final LessonProgress progress;
    private final Documents documents;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assignments(AssignmentStore store, Catalogue catalogue, Enrolments enrolments, LessonProgress progress, Documents documents,
                AccountManagement accounts, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.progress = progress;
        this.documents = documents;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Where the signed-in person stands with an assignment. */
    public enum Standing {
        /** May hand in (before the due date, or late when late work is taken). */
        OPEN,
        /** May hand in, but it will be marked late. */
        OPEN_LATE,
        /** Handed in, waiting for a grade. */
        AWAITING_GRADE,
        /** Graded: final. */
        GRADED,
        /** The due date passed and late work is not taken. */
        CLOSED,
        /** No seat in the course: the instructor's or a visitor's view. */
        NOT_ENROLLED
    }

    /** An assignment as the signed-in learner sees it: when it is due for them, what they handed in, and what they may do. */
    public record Overview(Assignment assignment, Instant dueAt, List<Submission> submissions, Standing standing, boolean teaches) {
        public Overview {
            submissions = List.copyOf(submissions);
        }
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<Assignment> ofLesson(String courseSlug, String lessonSlug) {
        return store.ofLesson(courseSlug, lessonSlug);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Assignment> assignment(String slug) {
        return store.assignment(slug);
    }

    /** The signed-in person's view of an assignment of a published course. */
    @SignedIn
    @Transactional(readOnly = true)
    public Overview overview(String slug) {
        Assignment assignment = require(slug);
        CourseDetail course = published(assignment);
        boolean teaches = CurrentUser.hasRole(Roles.ADMIN) || catalogue.teaches(course.summary().id());
        Optional<LearnerCourse> seat = enrolments.seatIn(course.summary().id());
        if (seat.isEmpty()) {
            return new Overview(assignment, null, List.of(), Standing.NOT_ENROLLED, teaches);
        }
        List<Submission> mine = named(store.submissions(assignment.id(), CurrentUser.requireId()));
        Instant due = dueAt(assignment, seat.get().run());
        return new Overview(assignment, due, mine, standing(assignment, mine, due), teaches);
    }

    /**
     * Hands in the signed-in learner's work: a text answer and files they uploaded for it (each
     * already checked and kept by the documents module, of purpose {@code ASSIGNMENT}). Refused,
     * saying why, without a seat, while an earlier submission waits for its grade or once graded,
     * after the due date when late work is not taken, and when the text or files do not fit what
     * the assignment accepts. Two hand-ins at once make one submission.
     */
    @SignedIn
    @Transactional
    public Submission submit(String slug, String text, List<DocumentId> files) {
        Assignment assignment = require(slug);
        CourseDetail course = published(assignment);
        LearnerCourse seat = enrolments.seatIn(course.summary().id())
                .orElseThrow(() -> new UserFacingException("assignment.not-enrolled", course.summary().title()));
        AccountId me = CurrentUser.requireId();
        List<Submission> mine = store.submissions(assignment.id(), me);
        Instant due = dueAt(assignment, seat.run());
        switch (standing(assignment, mine, due)) {
            case AWAITING_GRADE -> throw new UserFacingException("assignment.awaiting-grade");
            case GRADED -> throw new UserFacingException("assignment.graded-final");
            case CLOSED -> throw new UserFacingException("assignment.closed");
            default -> {
            }
        }
        String answer = text == null || text.isBlank() ? null : text.strip();
        List<DocumentId> attached = files == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(files));
        if (answer != null && !assignment.accepts().text()) {
            throw UserFacingException.onField("text", "assignment.no-text");
        }
        if (answer != null && answer.length() > Assignment.TEXT_MAX) {
            throw UserFacingException.onField("text", "assignment.text-too-long", Assignment.TEXT_MAX);
        }
        if (!attached.isEmpty() && !assignment.accepts().files()) {
            throw UserFacingException.onField("files", "assignment.no-files");
        }
        if (attached.size() > assignment.maxFiles()) {
            throw UserFacingException.onField("files", "assignment.too-many-files", assignment.maxFiles());
        }
        if (answer == null && attached.isEmpty()) {
            throw switch (assignment.accepts()) {
                case TEXT -> UserFacingException.onField("text", "assignment.empty-text");
                case FILES -> UserFacingException.onField("files", "assignment.empty-files");
                case TEXT_OR_FILES -> UserFacingException.onField("text", "assignment.empty-text-or-files");
            };
        }
        List<Submission.HandedIn> handed = new ArrayList<>();
        for (DocumentId id : attached) {
            StoredDocument document = documents.get(id);
            if (!document.owner().equals(me) || document.purpose() != DocumentPurpose.ASSIGNMENT) {
                throw UserFacingException.onField("files", "assignment.not-your-file", document.fileName());
            }
            handed.add(new Submission.HandedIn(handed.size() + 1, id, document.fileName(), document.sizeBytes(), document.sha256()));
        }
        Instant now = clock.instant();
        boolean late = due != null && !now.isBefore(due);
        UUID id = UUID.randomUUID();
        if (!store.insert(id, assignment.id(), me, mine.size() + 1, answer, handed, now, due, late)) {
            throw new UserFacingException("assignment.awaiting-grade");
        }
        log.info("Assignment {}: submission {} by {}{}", slug, mine.size() + 1, me, late ? " (late)" : "");
        return store.submission(id).orElseThrow();
    }

    /** Every submission to an assignment, newest first, with learners' names: for the course's instructors. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public List<Submission> submissions(String slug) {
        Assignment assignment = require(slug);
        requireTeaches(assignment);
        return named(store.all(assignment.id()));
    }

    /**
     * Grades a submission against the assignment's rubric ({@code levels}: criterion key to level
     * key, every criterion needed), with feedback; {@code returnForResubmission} asks the learner
     * to hand in again instead of making the grade final. Only the course's instructors; refused
     * with {@code assignment.grade.already} when someone graded it first.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public Submission grade(UUID submissionId, Map<String, String> levels, String feedback, boolean returnForResubmission) {
        Submission submission = store.submission(submissionId).orElseThrow(() -> new NotFoundException("assignment.submission-not-found"));
        Assignment assignment = require(submission.assignmentSlug());
        requireTeaches(assignment);
        String note = feedback == null ? "" : feedback.strip();
        if (note.length() > FEEDBACK_MAX) {
            throw UserFacingException.onField("feedback", "assignment.grade.feedback-too-long", FEEDBACK_MAX);
        }
        if (returnForResubmission && note.isEmpty()) {
            throw UserFacingException.onField("feedback", "assignment.grade.feedback-needed");
        }
        Map<String, String> chosen = levels == null ? Map.of() : new LinkedHashMap<>(levels);
        BigDecimal score = assignment.rubric().score(chosen);
        boolean passed = !returnForResubmission && score.compareTo(assignment.passMark()) >= 0;
        AccountId grader = CurrentUser.requireId();
        Submission.Status status = returnForResubmission ? Submission.Status.RETURNED : Submission.Status.GRADED;
        if (!store.grade(submissionId, status, grader, clock.instant(), chosen, score, passed, note.isEmpty() ? null : note)) {
            throw new UserFacingException("assignment.grade.already");
        }
        log.info("Assignment {}: submission {} of {} {} by {}: {}", assignment.slug(), submission.number(), submission.learner(),
                status, grader, score);
        events.publishEvent(new AssignmentGraded(submission.learner(), assignment.slug(), assignment.title(), score, passed,
                returnForResubmission));
        if (!returnForResubmission) {
            // Last in the transaction: recording a completion locks the run's counter row.
            catalogue.publishedCourseId(assignment.courseSlug()).ifPresent(course -> SystemActor.call(() -> progress.recordResult(
                    submission.learner(), course, assignment.lessonSlug(), LessonCompletion.ASSIGNMENT, score, passed)));
        }
        return named(List.of(store.submission(submissionId).orElseThrow())).getFirst();
    }

    /** A file of a submission, for the learner who handed it in and the course's instructors; the caller closes the stream. */
    @SignedIn
    public InputStream openFile(UUID submissionId, int position) {
        Submission submission = store.submission(submissionId).orElseThrow(() -> new NotFoundException("assignment.submission-not-found"));
        if (!CurrentUser.is(submission.learner())) {
            requireTeaches(require(submission.assignmentSlug()));
        }
        Submission.HandedIn file = submission.files().stream().filter(f -> f.position() == position).findFirst()
                .orElseThrow(() -> new NotFoundException("assignment.submission-not-found"));
        return SystemActor.call(() -> documents.open(file.document()));
    }

    private Standing standing(Assignment assignment, List<Submission> mine, Instant due) {
        if (!mine.isEmpty()) {
            Submission last = mine.getLast();
            if (last.status() == Submission.Status.SUBMITTED) {
                return Standing.AWAITING_GRADE;
            }
            if (last.status() == Submission.Status.GRADED) {
                return Standing.GRADED;
            }
        }
        boolean late = due != null && !clock.instant().isBefore(due);
        if (!late) {
            return Standing.OPEN;
        }
        return assignment.lateAllowed() ? Standing.OPEN_LATE : Standing.CLOSED;
    }

    private static Instant dueAt(Assignment assignment, CourseRun run) {
        return run == null ? null : assignment.dueAt(run.startsOn(), run.timeZone());
    }

    /** The submissions with their learners' and graders' display names. */
    private List<Submission> named(List<Submission> submissions) {
        Set<AccountId> people = new HashSet<>();
        submissions.forEach(s -> {
            people.add(s.learner());
            if (s.grader() != null) {
                people.add(s.grader());
            }
        });
        Map<AccountId, String> names = accounts.displayNames(people);
        return submissions.stream().map(s -> s.named(names)).toList();
    }

    private void requireTeaches(Assignment assignment) {
        if (CurrentUser.hasRole(Roles.ADMIN)) {
            return;
        }
        CourseDetail course = published(assignment);
        if (!catalogue.teaches(course.summary().id())) {
            throw new AccessDeniedException("Only the course's instructors grade its assignments");
        }
    }

    private CourseDetail published(Assignment assignment) {
        return catalogue.publishedCourse(assignment.courseSlug()).orElseThrow(() -> new NotFoundException("assignment.not-found"));
    }

    private Assignment require(String slug) {
        return store.assignment(slug).orElseThrow(() -> new NotFoundException("assignment.not-found"));
    }
}
