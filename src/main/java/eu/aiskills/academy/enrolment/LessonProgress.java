package eu.aiskills.academy.enrolment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.enrolment.internal.EnrolmentEntity;
import eu.aiskills.academy.enrolment.internal.EnrolmentRecords;
import eu.aiskills.academy.enrolment.internal.LearnerCourses;
import eu.aiskills.academy.enrolment.internal.LessonProgressEntity;
import eu.aiskills.academy.enrolment.internal.LessonProgressRecords;
import eu.aiskills.academy.enrolment.internal.SeatCounters;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's progress through a course they are enrolled in: lessons read or marked done, graded
 * labs' scores against their lessons' pass scores, passed quizzes and assignments, and the
 * completion these lead to (which issues the course's credential, through {@link CourseCompleted}). Each change holds the run's counter row,
 * as enrolling and cancelling do, so a completion never races a cancellation.
 */
@Service
public class LessonProgress {

    private static final Logger log = LoggerFactory.getLogger(LessonProgress.class);

    private final EnrolmentRecords enrolments;
    private final LessonProgressRecords progress;
    private final SeatCounters seats;
    private final LearnerCourses learnerCourses;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LessonProgress(EnrolmentRecords enrolments, LessonProgressRecords progress, SeatCounters seats, LearnerCourses learnerCourses,
                   Catalogue catalogue, ApplicationEventPublisher events, Clock clock) {
        this.enrolments = enrolments;
        this.progress = progress;
        this.seats = seats;
        this.learnerCourses = learnerCourses;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Marks a lesson done (or not done) in the learner's own enrolment; when every required
     * lesson is done the enrolment is completed, which issues the course's credential.
     */
    @PermitAll
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public LearnerCourse markLesson(EnrolmentId id, UUID lessonId, boolean done) {
        CurrentUser.requireId();
        UUID run = enrolments.runOf(id.value()).orElseThrow(() -> new NotFoundException("enrolment.not-found"));
        // Serialises changes to the run's enrolments (a cancellation, a completion) on its counter.
        seats.lock(run).orElseThrow();
        EnrolmentEntity enrolment = enrolments.findById(id.value()).orElseThrow();
        if (!CurrentUser.is(enrolment.learnerId())) {
            throw new AccessDeniedException("Only the learner marks their own lessons");
        }
        if (enrolment.status() == EnrolmentStatus.WAITLISTED || enrolment.status() == EnrolmentStatus.CANCELLED) {
            throw new UserFacingException("enrolment.progress-not-enrolled");
        }
        List<LessonSummary> lessons = catalogue.lessons(enrolment.courseId());
        LessonSummary lesson = lessons.stream().filter(l -> l.id().equals(lessonId)).findFirst()
                .orElseThrow(() -> new NotFoundException("enrolment.lesson-not-in-course"));
        switch (lesson.completion()) {
            case DONE -> {
            }
            case LAB -> throw new UserFacingException("enrolment.graded-lesson", lesson.passScore().stripTrailingZeros().toPlainString());
            case QUIZ -> throw new UserFacingException("enrolment.quiz-lesson");
            case ASSIGNMENT -> throw new UserFacingException("enrolment.assignment-lesson");
            case READ -> throw new UserFacingException("enrolment.read-lesson");
        }
        LessonProgressEntity.Key key = new LessonProgressEntity.Key(id.value(), lessonId);
        if (done && !progress.existsById(key)) {
            progress.save(new LessonProgressEntity(id.value(), lessonId, clock.instant()));
        } else if (!done && enrolment.status() != EnrolmentStatus.COMPLETED) {
            progress.deleteById(key);
        }
        progress.flush();
        Set<UUID> doneLessons = completeIfDone(enrolment, lessons);
        CourseRun current = catalogue.runs(List.of(enrolment.runId())).get(enrolment.runId());
        return learnerCourses.view(enrolment, current, doneLessons, lessons);
    }

    /**
     * Records a graded lab's score for a lesson (the labs module reports it): a score reaching the
     * lesson's pass score completes the lesson (the best score is kept), and the course when every
     * required lesson is done. A lower score changes nothing; the learner may try again.
     */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public LearnerCourse recordLabScore(EnrolmentId id, UUID lessonId, BigDecimal score) {
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("A lab score is between 0 and 100, not " + score);
        }
        UUID run = enrolments.runOf(id.value()).orElseThrow(() -> new NotFoundException("enrolment.not-found"));
        seats.lock(run).orElseThrow();
        EnrolmentEntity enrolment = enrolments.findById(id.value()).orElseThrow();
        List<LessonSummary> lessons = catalogue.lessons(enrolment.courseId());
        LessonSummary lesson = lessons.stream().filter(l -> l.id().equals(lessonId) && l.completion() == LessonCompletion.LAB).findFirst()
                .orElseThrow(() -> new NotFoundException("enrolment.lesson-not-in-course"));
        if (enrolment.status() == EnrolmentStatus.ENROLLED || enrolment.status() == EnrolmentStatus.COMPLETED) {
            if (score.compareTo(lesson.passScore()) >= 0) {
                LessonProgressEntity.Key key = new LessonProgressEntity.Key(id.value(), lessonId);
                LessonProgressEntity progressRow = progress.findById(key)
                        .orElseGet(() -> new LessonProgressEntity(id.value(), lessonId, clock.instant()));
                progressRow.scored(score, clock.instant());
                progress.saveAndFlush(progressRow);
            }
        }
        Set<UUID> doneLessons = completeIfDone(enrolment, lessons);
        CourseRun current = catalogue.runs(List.of(enrolment.runId())).get(enrolment.runId());
        return learnerCourses.view(enrolment, current, doneLessons, lessons);
    }

    /**
     * Records that the signed-in learner opened a lesson completed by reading it (the lesson page
     * tells it): the lesson is done, and the course when every required lesson is. Nothing for
     * someone without a seat in the course (an instructor reading it), for another kind of lesson,
     * or for a lesson read before; the run's counter is locked only for a first reading.
     */
    @SignedIn
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Optional<LearnerCourse> recordRead(CourseId course, UUID lessonId) {
        Optional<EnrolmentEntity> seat = seat(CurrentUser.requireId(), course);
        List<LessonSummary> lessons = seat.isEmpty() ? List.of() : catalogue.lessons(course);
        Optional<LessonSummary> lesson = lessons.stream()
                .filter(l -> l.id().equals(lessonId) && l.completion() == LessonCompletion.READ).findFirst();
        if (lesson.isEmpty() || progress.existsById(new LessonProgressEntity.Key(seat.get().id().value(), lessonId))) {
            return Optional.empty();
        }
        seats.lock(seat.get().runId().value()).orElseThrow();
        EnrolmentEntity enrolment = enrolments.findById(seat.get().id().value()).orElseThrow();
        if (enrolment.status() == EnrolmentStatus.ENROLLED && !progress.existsById(new LessonProgressEntity.Key(enrolment.id().value(), lessonId))) {
            progress.saveAndFlush(new LessonProgressEntity(enrolment.id().value(), lessonId, clock.instant()));
        }
        Set<UUID> doneLessons = completeIfDone(enrolment, lessons);
        CourseRun current = catalogue.runs(List.of(enrolment.runId())).get(enrolment.runId());
        return Optional.of(learnerCourses.view(enrolment, current, doneLessons, lessons));
    }

    /**
     * Records an assessment's result for a lesson (the assessment module reports quizzes and
     * assignments): when the lesson is completed by that kind of assessment, a pass completes it
     * (the best score is kept), and the course when every required lesson is done. The learner's
     * seat in a run of the course is found here; without one (an instructor trying a quiz), or
     * for a lesson completed otherwise, nothing is recorded. The run's counter is locked only once
     * the lesson is known.
     */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Optional<LearnerCourse> recordResult(AccountId learner, CourseId course, String lessonSlug, LessonCompletion kind,
                                                BigDecimal score, boolean passed) {
        if (kind != LessonCompletion.QUIZ && kind != LessonCompletion.ASSIGNMENT) {
            throw new IllegalArgumentException("Results are recorded for quizzes and assignments, not " + kind);
        }
        Optional<EnrolmentEntity> seat = seat(learner, course);
        List<LessonSummary> lessons = seat.isEmpty() ? List.of() : catalogue.lessons(course);
        Optional<LessonSummary> lesson = lessons.stream()
                .filter(l -> l.slug().equals(lessonSlug) && l.completion() == kind).findFirst();
        if (seat.isEmpty() || lesson.isEmpty()) {
            return Optional.empty();
        }
        seats.lock(seat.get().runId().value()).orElseThrow();
        EnrolmentEntity enrolment = enrolments.findById(seat.get().id().value()).orElseThrow();
        if (passed && (enrolment.status() == EnrolmentStatus.ENROLLED || enrolment.status() == EnrolmentStatus.COMPLETED)) {
            LessonProgressEntity.Key key = new LessonProgressEntity.Key(enrolment.id().value(), lesson.get().id());
            LessonProgressEntity progressRow = progress.findById(key)
                    .orElseGet(() -> new LessonProgressEntity(enrolment.id().value(), lesson.get().id(), clock.instant()));
            progressRow.scored(score, clock.instant());
            progress.saveAndFlush(progressRow);
        }
        Set<UUID> doneLessons = completeIfDone(enrolment, lessons);
        CourseRun current = catalogue.runs(List.of(enrolment.runId())).get(enrolment.runId());
        return Optional.of(learnerCourses.view(enrolment, current, doneLessons, lessons));
    }

    /** The learner's seat in a course (enrolled or completed, the latest run). */
    private Optional<EnrolmentEntity> seat(AccountId learner, CourseId course) {
        return enrolments.findByLearnerIdOrderByRequestedAtDesc(learner.value()).stream()
                .filter(e -> e.courseId().equals(course)
                        && (e.status() == EnrolmentStatus.ENROLLED || e.status() == EnrolmentStatus.COMPLETED))
                .findFirst();
    }

    /** Completes an enrolled learner's course when its rules are met; returns the lessons done. */
    private Set<UUID> completeIfDone(EnrolmentEntity enrolment, List<LessonSummary> lessons) {
        Set<UUID> done = learnerCourses.lessonsDone(List.of(enrolment)).getOrDefault(enrolment.id().value(), Set.of());
        if (enrolment.status() == EnrolmentStatus.ENROLLED && CompletionRules.complete(lessons, done)) {
            enrolment.complete(clock.instant());
            enrolments.save(enrolment);
            events.publishEvent(new CourseCompleted(enrolment.id(), enrolment.runId(), enrolment.courseId(),
                    enrolment.learnerId()));
            log.info("Enrolment {} completed", enrolment.id());
        }
        return done;
    }

    /** Ids of the courses the signed-in learner completed, in any run. */
    @PermitAll
    @Transactional(readOnly = true)
    public Set<CourseId> completedCourses() {
        AccountId me = CurrentUser.requireId();
        Set<CourseId> completed = new HashSet<>();
        enrolments.completedCourses(me.value()).forEach(id -> completed.add(new CourseId(id)));
        return completed;
    }

    /** Ids of the courses a learner completed: the learner themselves and the platform may ask (cohort progress). */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    @Transactional(readOnly = true)
    public Set<CourseId> completedCoursesOf(AccountId learner) {
        Set<CourseId> completed = new HashSet<>();
        enrolments.completedCourses(learner.value()).forEach(id -> completed.add(new CourseId(id)));
        return completed;
    }
}
