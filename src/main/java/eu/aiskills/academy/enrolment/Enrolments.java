package eu.aiskills.academy.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.enrolment.internal.EnrolmentEntity;
import eu.aiskills.academy.enrolment.internal.EnrolmentRecords;
import eu.aiskills.academy.enrolment.internal.LearnerCourses;
import eu.aiskills.academy.enrolment.internal.RunSeatsEntity;
import eu.aiskills.academy.enrolment.internal.SeatCounters;
import eu.aiskills.academy.identity.AccountId;
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
    private final SeatCounters seats;
    private final EnrolmentRecords enrolments;
    private final LearnerCourses learnerCourses;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final TransactionTemplate readCommitted;

    Enrolments(Catalogue catalogue, SeatCounters seats, EnrolmentRecords enrolments, LearnerCourses learnerCourses,
               ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
        this.catalogue = catalogue;
        this.seats = seats;
        this.enrolments = enrolments;
        this.learnerCourses = learnerCourses;
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
        return learnerCourses.view(enrolment, run, Set.of());
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
                .map(e -> learnerCourses.view(e, run, learnerCourses.lessonsDone(List.of(e)).getOrDefault(e.id().value(), Set.of())))
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
        Map<UUID, Set<UUID>> done = learnerCourses.lessonsDone(mine);
        List<LearnerCourse> result = new ArrayList<>();
        for (EnrolmentEntity enrolment : mine) {
            CourseRun run = runs.get(enrolment.runId());
            if (run != null) {
                result.add(learnerCourses.view(enrolment, run, done.getOrDefault(enrolment.id().value(), Set.of())));
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
                    return learnerCourses.view(e, run, learnerCourses.lessonsDone(List.of(e)).getOrDefault(e.id().value(), Set.of()));
                }));
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


}
