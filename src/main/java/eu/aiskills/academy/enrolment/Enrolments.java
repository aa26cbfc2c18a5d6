package eu.aiskills.academy.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.enrolment.internal.EnrolmentEntity;
import eu.aiskills.academy.enrolment.internal.EnrolmentRecords;
import eu.aiskills.academy.enrolment.internal.LessonProgressEntity;
import eu.aiskills.academy.enrolment.internal.LessonProgressRecords;
import eu.aiskills.academy.enrolment.internal.RunSeatsEntity;
import eu.aiskills.academy.enrolment.internal.SeatCounters;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.MessageRef;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrolling in runs, the waitlist, lesson progress and completion. Seats are guarded by the
 * run's counter row in the database (locked for the length of each change, with a check that
 * seats taken never exceed capacity), so no run is ever overbooked whatever runs concurrently.
 */
@Service
public class Enrolments {

    private static final Logger log = LoggerFactory.getLogger(Enrolments.class);
    private static final Set<EnrolmentStatus> SEATED = EnumSet.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED);

    private final Catalogue catalogue;
    private final AccountManagement accounts;
    private final SeatCounters seats;
    private final EnrolmentRecords enrolments;
    private final LessonProgressRecords progress;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final TransactionTemplate readCommitted;

    Enrolments(Catalogue catalogue, AccountManagement accounts, SeatCounters seats, EnrolmentRecords enrolments, LessonProgressRecords progress,
               ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.seats = seats;
        this.enrolments = enrolments;
        this.progress = progress;
        this.events = events;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readCommitted = new TransactionTemplate(transactionManager);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Enrols the signed-in learner in a run: a seat when one is free, else a place on the
     * waitlist (when the run keeps one). Refused, with the reason, outside the enrolment window,
     * when a prerequisite course is not completed, when already enrolled, or when full.
     */
    @RolesAllowed({Roles.STUDENT, Roles.FELLOW})
    public LearnerCourse enrol(RunId runId) {
        AccountId learner = CurrentUser.requireId();
        CourseRun run = catalogue.run(runId).orElseThrow(() -> new NotFoundException("enrolment.run-not-found"));
        Instant now = clock.instant();
        if (!run.enrolmentOpen(now)) {
            throw new UserFacingException(now.isBefore(run.enrolOpensAt()) ? "enrolment.not-yet-open" : "enrolment.closed",
                    run.enrolOpensAt().atZone(run.timeZone()), run.enrolClosesAt().atZone(run.timeZone()));
        }
        List<CourseSummary> missing = missingPrerequisites(run.courseId(), learner);
        if (!missing.isEmpty()) {
            throw new UserFacingException("enrolment.prerequisites-missing",
                    String.join(", ", missing.stream().map(CourseSummary::title).toList()));
        }
        // Before the main transaction: creating the counter needs a transaction of its own, and
        // holding one connection while waiting for a second would exhaust the pool under load.
        ensureCounter(run);
        EnrolmentEntity enrolment = readCommitted.execute(status -> enrol(run, learner));
        // After the commit: the run's lock is held only for what decides the seat.
        return view(enrolment, run, Set.of());
    }

    private EnrolmentEntity enrol(CourseRun run, AccountId learner) {
        RunId runId = run.id();
        RunSeatsEntity counter = seats.lock(runId.value()).orElseThrow();
        counter.followCapacity(run.capacity());
        fillFromWaitlist(counter, run);
        EnrolmentEntity enrolment = enrolments.findByRunIdAndLearnerId(runId.value(), learner.value()).orElse(null);
        if (enrolment != null && enrolment.status().active()) {
            throw new UserFacingException("enrolment.already", MessageRef.of(enrolment.status().messageKey()));
        }
        boolean seated = counter.hasFreeSeat();
        if (!seated && !run.waitlist()) {
            throw new UserFacingException("enrolment.full");
        }
        if (seated) {
            counter.takeSeat();
        }
        if (enrolment == null) {
            enrolment = new EnrolmentEntity(runId, run.courseId(), learner);
        }
        // The request time is taken under the lock, so that it follows the order of arrival.
        enrolment.request(seated, counter.nextArrival(), clock.instant());
        enrolments.save(enrolment);
        seats.save(counter);
        if (seated) {
            events.publishEvent(new LearnerEnrolled(enrolment.id(), runId, run.courseId(), learner, false,
                    run.courseTitle(), run.courseSlug()));
        }
        log.info("Enrolment {}: learner {} {} in run {}", enrolment.id(), learner, enrolment.status(), runId);
        return enrolment;
    }

    /**
     * Cancels an enrolment (the learner's own, or any for an administrator). A freed seat goes
     * to the first person on the waitlist, who is told so.
     */
    @PermitAll
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void cancel(EnrolmentId id) {
        CurrentUser.requireId();
        UUID run = enrolments.runOf(id.value()).orElseThrow(() -> new NotFoundException("enrolment.not-found"));
        // Lock first, then read: each statement after the lock sees every change committed before it.
        RunSeatsEntity counter = seats.lock(run).orElseThrow();
        EnrolmentEntity enrolment = enrolments.findById(id.value()).orElseThrow();
        CurrentUser.requireSelfOr(enrolment.learnerId(), Roles.ADMIN);
        switch (enrolment.status()) {
            case CANCELLED -> {
                return;
            }
            case COMPLETED -> throw new UserFacingException("enrolment.cancel-completed");
            case WAITLISTED -> enrolment.cancel(clock.instant());
            case ENROLLED -> {
                enrolment.cancel(clock.instant());
                handOnSeat(counter, enrolment.runId());
            }
        }
        enrolments.save(enrolment);
        seats.save(counter);
        log.info("Enrolment {} cancelled", id);
    }

    /** The seat just freed goes to the next on the waitlist; with nobody waiting it is free again. */
    private void handOnSeat(RunSeatsEntity counter, RunId runId) {
        List<EnrolmentEntity> next = enrolments.nextWaiting(runId.value(), Limit.of(1));
        if (next.isEmpty()) {
            counter.freeSeat();
            return;
        }
        EnrolmentEntity promoted = next.getFirst();
        promoted.promote(clock.instant());
        enrolments.save(promoted);
        CourseRun run = catalogue.runs(List.of(runId)).get(runId);
        events.publishEvent(new LearnerEnrolled(promoted.id(), runId, promoted.courseId(), promoted.learnerId(), true,
                run == null ? "" : run.courseTitle(), run == null ? "" : run.courseSlug()));
        log.info("Enrolment {} promoted from the waitlist of run {}", promoted.id(), runId);
    }

    /** Seats added to a run (a larger capacity) go to those already waiting, before any newcomer. */
    private void fillFromWaitlist(RunSeatsEntity counter, CourseRun run) {
        while (counter.hasFreeSeat()) {
            List<EnrolmentEntity> next = enrolments.nextWaiting(run.id().value(), Limit.of(1));
            if (next.isEmpty()) {
                return;
            }
            counter.takeSeat();
            EnrolmentEntity promoted = next.getFirst();
            promoted.promote(clock.instant());
            enrolments.saveAndFlush(promoted);
            events.publishEvent(new LearnerEnrolled(promoted.id(), run.id(), promoted.courseId(), promoted.learnerId(), true,
                    run.courseTitle(), run.courseSlug()));
        }
    }

    /** Seats and waitlist of a run, and the caller's own place in it. */
    @PermitAll
    @Transactional(readOnly = true)
    public RunAvailability availability(RunId runId) {
        CourseRun run = catalogue.run(runId).orElseThrow(() -> new NotFoundException("enrolment.run-not-found"));
        RunSeatsEntity counter = seats.findById(runId.value()).orElse(null);
        int taken = counter == null ? 0 : counter.taken();
        int waiting = (int) enrolments.countByRunIdAndStatus(runId.value(), EnrolmentStatus.WAITLISTED);
        LearnerCourse mine = CurrentUser.id()
                .flatMap(me -> enrolments.findByRunIdAndLearnerId(runId.value(), me.value()))
                .filter(e -> e.status().active())
                .map(e -> view(e, run, lessonsDone(List.of(e)).getOrDefault(e.id().value(), Set.of())))
                .orElse(null);
        return new RunAvailability(runId, Math.max(run.capacity(), taken), taken, waiting, mine);
    }

    /** The signed-in learner's enrolments, newest first, with progress. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<LearnerCourse> mine() {
        AccountId me = CurrentUser.requireId();
        List<EnrolmentEntity> mine = enrolments.findByLearnerIdOrderByRequestedAtDesc(me.value());
        Map<RunId, CourseRun> runs = catalogue.runs(mine.stream().map(EnrolmentEntity::runId).toList());
        Map<UUID, Set<UUID>> done = lessonsDone(mine);
        List<LearnerCourse> result = new ArrayList<>();
        for (EnrolmentEntity enrolment : mine) {
            CourseRun run = runs.get(enrolment.runId());
            if (run != null) {
                result.add(view(enrolment, run, done.getOrDefault(enrolment.id().value(), Set.of())));
            }
        }
        return result;
    }

    /**
     * The signed-in learner's seat in a course (enrolled or completed; the latest when there are
     * several runs), where lesson progress is recorded; empty for visitors and non-participants.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public java.util.Optional<LearnerCourse> seatIn(CourseId course) {
        return CurrentUser.id().flatMap(me -> enrolments.findByLearnerIdOrderByRequestedAtDesc(me.value()).stream()
                .filter(e -> e.courseId().equals(course) && SEATED.contains(e.status()))
                .findFirst()
                .map(e -> {
                    CourseRun run = catalogue.runs(List.of(e.runId())).get(e.runId());
                    return view(e, run, lessonsDone(List.of(e)).getOrDefault(e.id().value(), Set.of()));
                }));
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

    /** The prerequisite courses of a course that the signed-in learner has not completed. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<CourseSummary> missingPrerequisites(CourseId course) {
        return CurrentUser.id().map(me -> missingPrerequisites(course, me))
                .orElseGet(() -> catalogue.publishedCourseDetail(course).map(CourseDetail::prerequisiteCourses).orElse(List.of()));
    }

    private List<CourseSummary> missingPrerequisites(CourseId course, AccountId learner) {
        List<CourseId> missing = catalogue.prerequisiteCourses(course).stream()
                .filter(required -> !enrolments.existsByLearnerIdAndCourseIdAndStatus(learner.value(), required.value(),
                        EnrolmentStatus.COMPLETED))
                .toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(catalogue.publishedCourses(missing).values());
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
        if (lesson.graded()) {
            throw new UserFacingException("enrolment.graded-lesson", lesson.passScore().stripTrailingZeros().toPlainString());
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
        return view(enrolment, current, doneLessons, lessons);
    }

    /**
     * Records a graded lab's score for a lesson (the labs module reports it): a score reaching the
     * lesson's pass score completes the lesson (the best score is kept), and the course when every
     * required lesson is done. A lower score changes nothing; the learner may try again.
     */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public LearnerCourse recordLabScore(EnrolmentId id, UUID lessonId, java.math.BigDecimal score) {
        if (score == null || score.signum() < 0 || score.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("A lab score is between 0 and 100, not " + score);
        }
        UUID run = enrolments.runOf(id.value()).orElseThrow(() -> new NotFoundException("enrolment.not-found"));
        seats.lock(run).orElseThrow();
        EnrolmentEntity enrolment = enrolments.findById(id.value()).orElseThrow();
        List<LessonSummary> lessons = catalogue.lessons(enrolment.courseId());
        LessonSummary lesson = lessons.stream().filter(l -> l.id().equals(lessonId) && l.graded()).findFirst()
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
        return view(enrolment, current, doneLessons, lessons);
    }

    /** Completes an enrolled learner's course when its rules are met; returns the lessons done. */
    private Set<UUID> completeIfDone(EnrolmentEntity enrolment, List<LessonSummary> lessons) {
        Set<UUID> done = lessonsDone(List.of(enrolment)).getOrDefault(enrolment.id().value(), Set.of());
        if (enrolment.status() == EnrolmentStatus.ENROLLED && CompletionRules.complete(lessons, done)) {
            enrolment.complete(clock.instant());
            enrolments.save(enrolment);
            events.publishEvent(new CourseCompleted(enrolment.id(), enrolment.runId(), enrolment.courseId(),
                    enrolment.learnerId()));
            log.info("Enrolment {} completed", enrolment.id());
        }
        return done;
    }

    /** The roster and waitlist of a run, for its instructors and administrators. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public List<RosterEntry> roster(RunId runId) {
        CourseRun run = catalogue.runs(List.of(runId)).get(runId);
        if (run == null) {
            throw new NotFoundException("enrolment.run-not-found");
        }
        if (!CurrentUser.hasRole(Roles.ADMIN) && !catalogue.teaches(run.courseId())) {
            throw new AccessDeniedException("Only the course's instructors see its roster");
        }
        List<EnrolmentEntity> entries = enrolments.findByRunIdAndStatusInOrderByArrival(runId.value(),
                EnumSet.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED, EnrolmentStatus.WAITLISTED));
        Map<UUID, Set<UUID>> done = lessonsDone(entries);
        int lessonCount = catalogue.lessons(run.courseId()).size();
        Map<AccountId, String> names = accounts.displayNames(entries.stream().map(EnrolmentEntity::learnerId).toList());
        List<RosterEntry> roster = new ArrayList<>();
        int position = 0;
        for (EnrolmentEntity e : entries) {
            Integer place = e.status() == EnrolmentStatus.WAITLISTED ? ++position : null;
            roster.add(new RosterEntry(e.id(), e.learnerId(), names.getOrDefault(e.learnerId(), "?"), e.status(), place,
                    done.getOrDefault(e.id().value(), Set.of()).size(), lessonCount, e.requestedAt(), e.completedAt()));
        }
        return roster;
    }

    /** The roster as CSV (RFC 4180), for the run's instructors: one line per learner. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public String rosterCsv(RunId runId) {
        StringBuilder csv = new StringBuilder("name,status,waitlist_position,lessons_done,lessons,requested_at,completed_at\r\n");
        for (RosterEntry entry : roster(runId)) {
            csv.append(Csv.field(entry.name())).append(',')
                    .append(entry.status().name()).append(',')
                    .append(entry.waitlistPosition() == null ? "" : entry.waitlistPosition()).append(',')
                    .append(entry.lessonsDone()).append(',')
                    .append(entry.lessonCount()).append(',')
                    .append(entry.requestedAt()).append(',')
                    .append(entry.completedAt() == null ? "" : entry.completedAt()).append("\r\n");
        }
        return csv.toString();
    }

    /** The counter row must exist before it can be locked; created in its own transaction. */
    private void ensureCounter(CourseRun run) {
        if (seats.existsById(run.id().value())) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> seats.saveAndFlush(new RunSeatsEntity(run.id().value(),
                    run.capacity())));
        } catch (DataIntegrityViolationException alreadyCreated) {
            log.debug("Seat counter of run {} created concurrently", run.id());
        }
    }

    private Map<UUID, Set<UUID>> lessonsDone(Collection<EnrolmentEntity> of) {
        Map<UUID, Set<UUID>> done = new HashMap<>();
        if (of.isEmpty()) {
            return done;
        }
        progress.findByEnrolments(of.stream().map(e -> e.id().value()).toList())
                .forEach(p -> done.computeIfAbsent(p.enrolmentId(), k -> new HashSet<>()).add(p.lessonId()));
        return done;
    }

    private LearnerCourse view(EnrolmentEntity enrolment, CourseRun run, Set<UUID> done) {
        return view(enrolment, run, done, catalogue.lessons(enrolment.courseId()));
    }

    /** The learner's view of an enrolment, with the course's lessons when the caller has them already. */
    private LearnerCourse view(EnrolmentEntity enrolment, CourseRun run, Set<UUID> done, List<LessonSummary> lessons) {
        Integer place = enrolment.status() == EnrolmentStatus.WAITLISTED
                ? (int) enrolments.waitingBefore(enrolment.runId().value(), enrolment.arrival()) + 1 : null;
        return new LearnerCourse(enrolment.id(), run, enrolment.status(), place, done, lessons.size(),
                (int) lessons.stream().filter(LessonSummary::required).count(), enrolment.requestedAt(),
                enrolment.completedAt());
    }
}
