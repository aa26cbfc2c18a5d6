package eu.aiskills.academy.compute.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import eu.aiskills.academy.compute.ComputeProperties;
import eu.aiskills.academy.compute.JobState;
import eu.aiskills.academy.compute.SchedulerJob;
import eu.aiskills.academy.compute.SchedulerJobId;
import eu.aiskills.academy.compute.internal.SchedulerJobStore.EndedFrom;
import eu.aiskills.academy.compute.internal.slurm.SlurmApi;
import eu.aiskills.academy.compute.internal.slurm.SlurmConnector.Endpoint;
import eu.aiskills.academy.compute.internal.slurm.SlurmConnector;
import eu.aiskills.academy.compute.internal.slurm.SlurmException;
import eu.aiskills.academy.compute.internal.slurm.SlurmJobStatus;
import eu.aiskills.academy.compute.internal.slurm.SlurmJobSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A job's conversation with its factory's Slurm: handing it over (repeating only what cannot
 * create it twice), following it to its end, cancelling it, and giving it up as lost when the
 * scheduler stays silent. The scheduler is never called inside a database transaction; each
 * state the scheduler reports becomes one conditional update of the job's row.
 */
@Component
public class SlurmJobTracking {

    private static final Logger log = LoggerFactory.getLogger(SlurmJobTracking.class);

    private final SchedulerJobStore store;
    private final JobSettlement settlement;
    private final SlurmConnector connector;
    private final ComputeProperties.Slurm settings;
    private final Clock clock;

    SlurmJobTracking(SchedulerJobStore store, JobSettlement settlement, SlurmConnector connector, ComputeProperties properties, Clock clock) {
        this.store = store;
        this.settlement = settlement;
        this.connector = connector;
        this.settings = properties.slurm();
        this.clock = clock;
    }

    /** The job's name on the scheduler, by which a submission whose answer was lost is found again. */
    public static String jobName(SchedulerJobId id) {
        return "academy-" + id;
    }

    /**
     * Asks the scheduler where the job (not ended) stands now and settles it when it ended; repeats
     * an owed cancellation. A job left submitting is adopted or ended.
     */
    public SchedulerJob follow(SchedulerJob job) {
        SchedulerJobId id = job.id();
        if (job.state() == JobState.SUBMITTING) {
            recoverSubmission(job);
            return store.load(id);
        }
        Optional<Endpoint> endpoint = connector.endpoint(store.factoryOf(id));
        if (endpoint.isEmpty()) {
            giveUp(job, "job.reason.no-scheduler", null);
            return store.load(id);
        }
        SlurmApi api;
        Optional<SlurmJobStatus> status;
        try {
            api = connector.api(endpoint.get());
            status = connector.idempotent(endpoint.get(), c -> api.job(c, job.slurmJobId()));
        } catch (SlurmException e) {
            noteFailure(id, e);
            Instant lastHeard = store.lastContact(id).orElse(job.createdAt());
            if (Duration.between(lastHeard, clock.instant()).compareTo(settings.lostAfter()) > 0) {
                giveUp(store.load(id), "job.reason.unreachable", e.getMessage());
            }
            return store.load(id);
        }
        if (status.isEmpty()) {
            giveUp(job, "job.reason.vanished", null);
            return store.load(id);
        }
        apply(job, status.get());
        SchedulerJob after = store.load(id);
        if (after.cancelRequested() && !after.state().terminal()) {
            try {
                connector.idempotent(endpoint.get(), c -> {
                    api.cancel(c, job.slurmJobId());
                    return null;
                });
            } catch (SlurmException e) {
                noteFailure(id, e);
            }
        }
        return after;
    }

    /** Asks the scheduler to cancel the handed-over job; false when it could not be reached (the poller tries again). */
    public boolean cancelOnScheduler(SchedulerJob job) {
        SchedulerJobId id = job.id();
        Optional<Endpoint> endpoint = connector.endpoint(store.factoryOf(id));
        if (endpoint.isPresent()) {
            try {
                connector.idempotent(endpoint.get(), c -> {
                    connector.api(endpoint.get()).cancel(c, job.slurmJobId());
                    return null;
                });
            } catch (SlurmException e) {
                log.warn("Job {}: cancelling Slurm job {} failed ({}); the poller tries again", id, job.slurmJobId(), e.getMessage());
                noteFailure(id, e);
                return false;
            }
        }
        return true;
    }

    // ---- submission -------------------------------------------------------------------------

    /** Hands the job to the scheduler, repeating only what cannot have created it twice. */
    public void hand(SchedulerJobId id, Endpoint endpoint, SlurmJobSubmission submission) {
        SlurmException last = null;
        for (int attempt = 1; attempt <= connector.attempts(); attempt++) {
            if (attempt > 1) {
                connector.pauseBeforeAttempt(attempt);
            }
            try {
                String slurmId = connector.once(endpoint, c -> connector.api(endpoint).submit(c, submission));
                handed(id, endpoint, slurmId);
                return;
            } catch (SlurmException e) {
                last = e;
                if (!e.transientFailure()) {
                    break;
                }
                log.info("Job {}: submission attempt {} failed ({})", id, attempt, e.getMessage());
                // The request may have reached the scheduler before the answer was lost: look before repeating.
                try {
                    Optional<SlurmJobStatus> found = connector.once(endpoint, c -> connector.api(endpoint)
                            .jobsNamed(c, submission.name())).stream().findFirst();
                    if (found.isPresent()) {
                        handed(id, endpoint, found.get().jobId());
                        return;
                    }
                } catch (SlurmException lookup) {
                    last = e;
                }
            }
        }
        log.warn("Job {}: the scheduler of {} did not take it: {}", id, endpoint.factorySlug(), last.getMessage());
        settlement.finish(id, JobState.FAILED, submitReason(last), detail(last.getMessage()), null, clock.instant(),
                EndedFrom.UNFINISHED);
    }

    /** Records the scheduler's id; if the job was cancelled meanwhile, the scheduler's job is cancelled too. */
    private void handed(SchedulerJobId id, Endpoint endpoint, String slurmId) {
        if (!store.handed(id, slurmId, clock.instant())) {
            store.slurmJobIdIfMissing(id, slurmId);
            log.info("Job {} ended while it was being submitted; cancelling Slurm job {}", id, slurmId);
            try {
                connector.idempotent(endpoint, c -> {
                    connector.api(endpoint).cancel(c, slurmId);
                    return null;
                });
            } catch (SlurmException e) {
                log.warn("Job {}: cancelling Slurm job {} failed: {}", id, slurmId, e.getMessage());
            }
            return;
        }
        log.info("Job {} is Slurm job {} on {}", id, slurmId, endpoint.factorySlug());
    }

    /** A job left submitting (the platform stopped mid-submission): adopt what the scheduler has, or end it. */
    private void recoverSubmission(SchedulerJob job) {
        if (job.createdAt().isAfter(clock.instant().minus(submissionWindow()))) {
            return;
        }
        Optional<Endpoint> endpoint = connector.endpoint(store.factoryOf(job.id()));
        if (endpoint.isEmpty()) {
            giveUp(job, "job.reason.no-scheduler", null);
            return;
        }
        try {
            Optional<SlurmJobStatus> found = connector.idempotent(endpoint.get(), c -> connector.api(endpoint.get())
                    .jobsNamed(c, jobName(job.id()))).stream().findFirst();
            if (found.isPresent()) {
                handed(job.id(), endpoint.get(), found.get().jobId());
            } else {
                settlement.finish(job.id(), JobState.FAILED, "job.reason.not-submitted", null, null, clock.instant(),
                        EndedFrom.UNFINISHED);
            }
        } catch (SlurmException e) {
            noteFailure(job.id(), e);
            if (job.createdAt().isBefore(clock.instant().minus(settings.lostAfter()))) {
                giveUp(job, "job.reason.unreachable", e.getMessage());
            }
        }
    }

    /** Longer than one submission can take with all its attempts. */
    public Duration submissionWindow() {
        return settings.connectTimeout().plus(settings.requestTimeout()).multipliedBy(2L * connector.attempts())
                .plus(settings.retryBackoff().multipliedBy(1L << Math.min(10, connector.attempts())));
    }

    // ---- state ------------------------------------------------------------------------------

    private void apply(SchedulerJob job, SlurmJobStatus status) {
        Instant now = clock.instant();
        String state = status.state();
        store.heard(job.id(), state, status.nodes().isBlank() ? null : cut(status.nodes(), 200),
                status.comment() == null || status.comment().isBlank() ? null : cut(status.comment(), 300), now);
        switch (state) {
            case "PENDING", "REQUEUED", "REQUEUE_HOLD", "CONFIGURING" -> store.queued(job.id(), status.startTime(),
                    status.stateReason().isBlank() ? null : "job.reason.waiting", detail(status.stateReason()));
            case "RUNNING", "SUSPENDED", "COMPLETING" -> store.running(job.id(), status.startTime() == null ? now : status.startTime());
            case "COMPLETED" -> end(job, status, JobState.COMPLETED, null, null);
            case "CANCELLED" -> end(job, status, JobState.CANCELLED,
                    job.cancelRequested() ? "job.reason.cancelled" : "job.reason.cancelled-by-factory", null);
            case "TIMEOUT", "DEADLINE" -> end(job, status, JobState.TIMED_OUT, "job.reason.time-limit", null);
            case "PREEMPTED" -> end(job, status, JobState.PREEMPTED, "job.reason.preempted", null);
            case "NODE_FAIL", "BOOT_FAIL" -> end(job, status, JobState.FAILED, "job.reason.node-failure", state);
            case "OUT_OF_MEMORY" -> end(job, status, JobState.FAILED, "job.reason.out-of-memory", null);
            case "FAILED" -> end(job, status, JobState.FAILED,
                    status.signal() != 0 ? "job.reason.signal" : "job.reason.exit-code",
                    status.signal() != 0 ? String.valueOf(status.signal()) : String.valueOf(status.returnCode()));
            default -> log.warn("Job {}: Slurm state {} is not one the platform knows; left as it is", job.id(), state);
        }
    }

    private void end(SchedulerJob job, SlurmJobStatus status, JobState state, String reasonKey, String detail) {
        Instant end = status.endTime() != null ? status.endTime() : clock.instant();
        Instant start = status.startTime() != null && !status.startTime().isAfter(end) ? status.startTime() : job.startedAt();
        settlement.finish(job.id(), state, reasonKey, detail, start, end, EndedFrom.ACTIVE);
    }

    /**
     * Gives a job up: what it was seen running is consumed, the rest released. It may still be
     * running on the factory, so it stays marked for cancellation, which the poller repeats once the
     * scheduler answers again.
     */
    private void giveUp(SchedulerJob job, String reasonKey, String detail) {
        Instant lastSeen = store.lastContact(job.id()).orElse(clock.instant());
        store.cancelRequested(job.id(), true);
        settlement.finish(job.id(), JobState.LOST, reasonKey, detail(detail), job.startedAt(), lastSeen, EndedFrom.UNFINISHED);
    }

    /** Cancels on the factory what a lost job may still be running, once the scheduler answers again. */
    public void cancelLost(SchedulerJobId id, String slurmJobId) {
        Optional<Endpoint> endpoint = connector.endpoint(store.factoryOf(id));
        if (endpoint.isEmpty()) {
            return;
        }
        try {
            connector.once(endpoint.get(), c -> {
                connector.api(endpoint.get()).cancel(c, slurmJobId);
                return null;
            });
            store.cancelRequested(id, false);
            log.info("Lost job {}: Slurm job {} cancelled on {}", id, slurmJobId, endpoint.get().factorySlug());
        } catch (SlurmException e) {
            log.debug("Lost job {}: cancelling Slurm job {} failed again: {}", id, slurmJobId, e.getMessage());
        }
    }

    private void noteFailure(SchedulerJobId id, SlurmException e) {
        store.failed(id, e.getMessage());
    }

    private static String submitReason(SlurmException e) {
        return switch (e.kind()) {
            case UNREACHABLE, TIMEOUT -> "job.reason.unreachable";
            case CREDENTIALS -> "job.reason.credentials";
            case REJECTED -> "job.reason.rejected";
            case NOT_FOUND, PROTOCOL -> "job.reason.protocol";
        };
    }

    private static String detail(String text) {
        return text == null || text.isBlank() ? null : SchedulerJobStore.cut(text, SchedulerJobStore.DETAIL_MAX);
    }

    private static String cut(String text, int max) {
        return SchedulerJobStore.cut(text, max);
    }
}
