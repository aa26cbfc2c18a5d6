package eu.aiskills.academy.labs.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.compute.Booking;
import eu.aiskills.academy.compute.Bookings;
import eu.aiskills.academy.compute.JobRequest;
import eu.aiskills.academy.compute.JobState;
import eu.aiskills.academy.compute.SchedulerJob;
import eu.aiskills.academy.compute.SchedulerJobId;
import eu.aiskills.academy.compute.SchedulerJobs;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.labs.LabSession;
import eu.aiskills.academy.labs.LabSessionId;
import eu.aiskills.academy.labs.LabSessionState;
import eu.aiskills.academy.labs.LabTemplate;
import eu.aiskills.academy.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * GPU labs: a session runs as a batch job on the AI Factory that hosts the learner's run's
 * allocation. The job starts a notebook server on its node and writes where it listens into its
 * Slurm comment; the session connects there when the job runs. Its GPU-hours go to the
 * allocation and to the learner's cap, as the job's are settled.
 */
@Component
public class FactoryLabJobs {

    private static final Logger log = LoggerFactory.getLogger(FactoryLabJobs.class);
    /** Moments named in messages about factory sessions (booked windows, expected starts). */
    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** The notebook server a lab's batch job reports in its Slurm comment: {@code academy-lab <host>:<port>}. */
    private static final Pattern SERVER = Pattern.compile("academy-lab ([A-Za-z0-9.-]{1,253}):(\\d{2,5})");

    /** The job's script: a notebook server on the node, its address in the job's comment. */
    static final String JOB_SCRIPT = """
            #!/bin/bash
            set -euo pipefail
            export HOME="$(mktemp -d)"
            export JUPYTER_RUNTIME_DIR="$HOME/.runtime"
            PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')"
            HOST="$(hostname -I 2>/dev/null | awk '{print $1}')"
            HOST="${HOST:-127.0.0.1}"
            scontrol update JobId="$SLURM_JOB_ID" Comment="academy-lab $HOST:$PORT"
            # The server and every kernel start from an empty environment plus what a lab needs (its job and its GPUs).
            exec env -i HOME="$HOME" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 JUPYTER_TOKEN="$JUPYTER_TOKEN" \
                JUPYTER_RUNTIME_DIR="$JUPYTER_RUNTIME_DIR" CUDA_VISIBLE_DEVICES="${CUDA_VISIBLE_DEVICES:-}" \
                SLURM_JOB_ID="$SLURM_JOB_ID" SLURM_JOB_PARTITION="${SLURM_JOB_PARTITION:-}" \
                python3 -m jupyter_server --ip=0.0.0.0 --port="$PORT" --ServerApp.root_dir="$HOME" \
                --ServerApp.open_browser=False --ServerApp.terminals_enabled=False --ServerApp.allow_remote_access=True
            """;

    private final LabSessionStore store;
    private final LabSessionLifecycle lifecycle;
    private final LabRuntime runtime;
    private final SchedulerJobs jobs;
    private final Allocations allocations;
    private final Bookings bookings;
    private final Clock clock;

    FactoryLabJobs(LabSessionStore store, LabSessionLifecycle lifecycle, LabRuntime runtime, SchedulerJobs jobs, Allocations allocations,
                   Bookings bookings, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.runtime = runtime;
        this.jobs = jobs;
        this.allocations = allocations;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** Where and for how long a GPU lab's job would run: an allocation with hours left, within the booked window. */
    public record Plan(Allocation allocation, UUID run, Duration limit) {
    }

    /** The plan for the learner's seat, or a refusal that says why a GPU lab cannot start now. */
    public Plan plan(LabTemplate lab, Optional<LearnerCourse> seat) {
        LearnerCourse learner = seat.orElseThrow(() -> new UserFacingException("lab.needs-factory", lab.gpus()));
        UUID run = learner.run().id().value();
        Allocation allocation = SystemActor.call(() -> allocations.approvedForRun(run)).stream()
                .filter(a -> a.remaining().signum() > 0).findFirst()
                .orElseThrow(() -> new UserFacingException("lab.needs-factory", lab.gpus()));
        Instant now = clock.instant();
        Duration limit = bookedWindow(allocation, now).map(end -> Duration.between(now, end))
                .filter(left -> left.compareTo(Duration.ofMinutes(lab.minutes())) < 0).orElse(Duration.ofMinutes(lab.minutes()));
        return new Plan(allocation, run, limit);
    }

    /** Submits the queued session's job and follows it until it ends. */
    public LabSession submit(LabSessionId id, LabTemplate lab, AccountId learner, Plan plan) {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        SchedulerJob job;
        try {
            job = SystemActor.call(() -> jobs.submit(new JobRequest(plan.allocation().id(), learner, "Lab " + lab.title(), JOB_SCRIPT,
                    plan.limit(), lab.gpus(), Map.of("JUPYTER_TOKEN", token, "PATH", "/usr/local/bin:/usr/bin:/bin"), null, null,
                    lab.memoryMb(), plan.run())));
        } catch (UserFacingException e) {
            lifecycle.end(id, LabSessionState.FAILED, e.messageKey(), null);
            throw e;
        }
        store.jobSubmitted(id, job.id());
        if (job.state().terminal()) {
            lifecycle.end(id, LabSessionState.FAILED, job.reasonKey() == null ? "lab.reason.job-failed" : job.reasonKey(), job.reasonDetail());
            return store.load(id);
        }
        Thread.ofVirtual().name("lab-job-" + id).start(() -> follow(id, job.id(), token, lab));
        log.info("Lab session {} of {} submitted as job {} on {}", id, lab.slug(), job.id(), job.factorySlug());
        return store.load(id);
    }

    /** A job nothing follows any more (its instance is gone): it must not keep the GPUs. */
    public void abandon(SchedulerJobId job) {
        SystemActor.call(() -> jobs.cancel(job));
    }

    /**
     * When the run's instructor booked lab sessions for the allocation, GPU labs open only inside a
     * booked window (and end with it); without bookings they open at any time. Answers the end of
     * the window that is open now, or empty when there are no bookings.
     */
    private Optional<Instant> bookedWindow(Allocation allocation, Instant now) {
        List<Booking> booked = SystemActor.call(() -> bookings.ofAllocation(allocation.id())).stream().filter(Booking::active).toList();
        if (booked.isEmpty()) {
            return Optional.empty();
        }
        Optional<Booking> open = booked.stream().filter(b -> !b.startsAt().isAfter(now) && b.endsAt().isAfter(now)).findFirst();
        if (open.isPresent()) {
            return Optional.of(open.get().endsAt());
        }
        Optional<Instant> next = booked.stream().map(Booking::startsAt).filter(s -> s.isAfter(now)).min(Comparator.naturalOrder());
        if (next.isEmpty()) {
            throw new UserFacingException("lab.bookings-over");
        }
        throw new UserFacingException("lab.outside-booking", UTC_MINUTE.format(next.get()));
    }

    /** Follows a lab's job until it ends: connects when it runs, ends the session with the job's reason. */
    private void follow(LabSessionId session, SchedulerJobId jobId, String token, LabTemplate lab) {
        boolean connected = false;
        int silent = 0;
        while (true) {
            LabSession now = store.load(session);
            SchedulerJob job;
            try {
                job = SystemActor.call(() -> jobs.refresh(jobId));
            } catch (RuntimeException e) {
                log.warn("Lab session {}: reading job {} failed: {}", session, jobId, e.getMessage());
                job = null;
            }
            if (now.state().over()) {
                if (job != null && !job.state().terminal()) {
                    SystemActor.call(() -> jobs.cancel(jobId));
                }
                meter(session, jobId);
                return;
            }
            if (job != null && job.state().terminal()) {
                String reason = switch (job.state()) {
                    case PREEMPTED -> "lab.reason.preempted";
                    case TIMED_OUT -> "lab.reason.time-limit";
                    case CANCELLED -> now.state() == LabSessionState.RUNNING ? "lab.reason.job-cancelled" : "lab.reason.stopped";
                    default -> "lab.reason.job-failed";
                };
                lifecycle.end(session, job.state() == JobState.COMPLETED ? LabSessionState.STOPPED : LabSessionState.FAILED, reason,
                        job.reasonDetail());
                meter(session, jobId);
                return;
            }
            if (job != null && job.state() == JobState.QUEUED) {
                // The factory's queue: its reason (Resources, Priority) and, when Slurm has one, its expected start.
                store.waiting(session, job.expectedStartAt() == null ? "lab.reason.factory-queue" : "lab.reason.factory-queue-until",
                        job.expectedStartAt() == null ? (job.reasonDetail() == null ? "" : job.reasonDetail())
                                : UTC_MINUTE.format(job.expectedStartAt()));
            }
            // The server on the node died while its job still runs: given a few polls (the job's own end explains
            // more, pre-emption for one), the session ends and its job is cancelled on the next turn.
            silent = connected && !runtime.isLive(session.value()) ? silent + 1 : 0;
            if (silent >= 3) {
                lifecycle.end(session, LabSessionState.FAILED, "lab.reason.sandbox-gone", null);
                continue;
            }
            if (job != null && !connected && job.state() == JobState.RUNNING && job.comment() != null) {
                Matcher server = SERVER.matcher(job.comment());
                if (server.find()) {
                    store.starting(session);
                    try {
                        runtime.connect(session.value(), URI.create("http://" + server.group(1) + ":" + server.group(2)), token, lab.kernel());
                        Instant started = clock.instant();
                        store.running(session, started, started.plus(Duration.ofMinutes(lab.minutes())));
                        connected = true;
                    } catch (RuntimeException e) {
                        lifecycle.end(session, LabSessionState.FAILED, "lab.reason.start-failed", e.getMessage());
                        continue;
                    }
                }
            }
            try {
                Thread.sleep(connected ? 3000 : 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A factory session's cost: the GPU-hours its job consumed, once the job is settled. */
    private void meter(LabSessionId session, SchedulerJobId jobId) {
        for (int attempt = 0; attempt < 30; attempt++) {
            SchedulerJob job = SystemActor.call(() -> jobs.refresh(jobId));
            if (job.state().terminal()) {
                store.gpuHours(session, job.consumedHours() == null ? BigDecimal.ZERO : job.consumedHours());
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
