package eu.aiskills.academy.compute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.aiskills.academy.compute.internal.AllocationEntity;
import eu.aiskills.academy.compute.internal.AllocationRecords;
import eu.aiskills.academy.compute.internal.Factories;
import eu.aiskills.academy.compute.internal.FactoryEntity;
import eu.aiskills.academy.compute.internal.Ledger;
import eu.aiskills.academy.compute.internal.slurm.SlurmApi;
import eu.aiskills.academy.compute.internal.slurm.SlurmConnector;
import eu.aiskills.academy.compute.internal.slurm.SlurmConnector.Endpoint;
import eu.aiskills.academy.compute.internal.slurm.SlurmException;
import eu.aiskills.academy.compute.internal.slurm.SlurmJobStatus;
import eu.aiskills.academy.compute.internal.slurm.SlurmJobSubmission;
import eu.aiskills.academy.compute.internal.slurm.SlurmNode;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.Jdbc;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch jobs on the AI Factories' Slurm. Submitting reserves the job's GPU-hours (GPUs x time
 * limit) on its allocation; however the job ends (completed, failed, cancelled, pre-empted, timed
 * out, or lost because the scheduler stopped answering), the time it ran is consumed and the rest
 * released. The scheduler is never called inside a database transaction; every request to it is
 * bounded in time and in attempts, and a job is never left submitting or running forever.
 */
@Service
public class SchedulerJobs {

    private static final Logger log = LoggerFactory.getLogger(SchedulerJobs.class);
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern SLURM_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int PURPOSE_MAX = 200;
    private static final int ENV_VALUE_MAX = 4096;
    private static final int DETAIL_MAX = 500;

    private final AllocationRecords allocations;
    private final Factories factories;
    private final Ledger ledger;
    private final SlurmConnector connector;
    private final FactoryRegistry registry;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final ComputeProperties.Slurm settings;
    private final Clock clock;

    SchedulerJobs(AllocationRecords allocations, Factories factories, Ledger ledger, SlurmConnector connector,
                  FactoryRegistry registry, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                  ComputeProperties properties, Clock clock) {
        this.allocations = allocations;
        this.factories = factories;
        this.ledger = ledger;
        this.connector = connector;
        this.registry = registry;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.settings = properties.slurm();
        this.clock = clock;
    }

    /**
     * Submits a job under an allocation the caller holds (the platform may submit for anyone's).
     * Refused with a reason when the allocation has too few hours left or the request is invalid;
     * when the scheduler cannot take it, the job ends FAILED with the reason and nothing stays reserved.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN, Roles.SYSTEM})
    public SchedulerJob submit(JobRequest request) {
        AllocationEntity allocation = allocations.findById(request.allocation().value())
                .orElseThrow(() -> new NotFoundException("allocation.not-found"));
        boolean system = CurrentUser.hasRole(Roles.SYSTEM) || CurrentUser.hasRole(Roles.ADMIN);
        AccountId caller = CurrentUser.id().orElse(null);
        if (!system && (caller == null || !allocation.requesterId().equals(caller.value()))) {
            throw new AccessDeniedException("Allocation " + allocation.id() + " is not the caller's");
        }
        if (allocation.status() != AllocationStatus.APPROVED) {
            throw new UserFacingException("booking.allocation-not-approved");
        }
        FactorySummary factory = factory(allocation.factoryId());
        PartitionSummary partition = factory.partitions().stream()
                .filter(p -> p.name().equals(allocation.partition())).findFirst()
                .orElseThrow(() -> new UserFacingException("job.invalid.partition", allocation.partition()));
        validate(request, partition, allocation);
        Endpoint endpoint = connector.endpoint(factory.id().value())
                .orElseThrow(() -> new UserFacingException("job.no-scheduler", factory.name()));
        AccountId owner = request.owner() != null ? request.owner() : caller;
        if (owner == null) {
            throw UserFacingException.onField("owner", "job.invalid.owner");
        }
        int minutes = (int) Math.max(1, request.timeLimit().toMinutes());
        BigDecimal reserved = hours(request.gpus(), Duration.ofMinutes(minutes));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO scheduler_job (id, factory_id, partition_name, allocation_id, owner_id, learner_run_id, purpose,"
                            + " gpus, time_limit_minutes, reserved_hours, state, cancel_requested, failures, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTING', FALSE, 0, ?)",
                    id.toString(), allocation.factoryId().toString(), allocation.partition(), allocation.id().value().toString(),
                    owner.value().toString(), request.learnerRun() == null ? null : request.learnerRun().toString(),
                    request.purpose().strip(), request.gpus(), minutes, reserved, Timestamp.from(now));
            if (reserved.signum() > 0) {
                // Refused (and the job's row rolled back with it) when the allocation has fewer hours left.
                ledger.move(ledger.allocationAccount(allocation.id().value()), QuotaEntryKind.RESERVED, reserved.negate(),
                        "job:" + id + ":reserved", caller == null ? null : caller.value(), "Job: " + request.purpose().strip());
                if (request.learnerRun() != null) {
                    // The learner's own cap in the run, after the allocation's (the one lock order every path keeps).
                    var cap = ledger.learnerAccount(request.learnerRun(), owner.value());
                    ledger.move(cap, QuotaEntryKind.RESERVED, reserved.negate(), "job:" + id + ":learner-reserved",
                            caller == null ? null : caller.value(), "Lab: " + request.purpose().strip());
                }
            }
        });
        SlurmJobSubmission submission = new SlurmJobSubmission(jobName(id), allocation.partition(), request.script(), minutes,
                request.gpus(), request.account(), request.reservation(), request.environment(), endpoint.workDir(), null,
                request.memoryMb());
        hand(id, endpoint, submission);
        return load(id);
    }

    /** The job, for its owner, its allocation's holder, the factory's operators and administrators. */
    @RolesAllowed({Roles.STUDENT, Roles.FELLOW, Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN, Roles.SYSTEM})
    public SchedulerJob job(UUID id) {
        SchedulerJob job = readTx.execute(s -> load(id));
        requireViewer(job);
        return job;
    }

    /** The jobs run under an allocation, newest first. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN, Roles.SYSTEM})
    public List<SchedulerJob> ofAllocation(AllocationId allocation) {
        AllocationEntity entity = allocations.findById(allocation.value())
                .orElseThrow(() -> new NotFoundException("allocation.not-found"));
        requireHolderOrOperator(entity.requesterId(), entity.factoryId());
        return readTx.execute(s -> jdbc.query(SELECT + " WHERE j.allocation_id = ? ORDER BY j.created_at DESC", this::row,
                allocation.value().toString()));
    }

    /**
     * Cancels a job. Its state follows from the scheduler (normally CANCELLED within seconds); when
     * the scheduler cannot be reached, the cancellation is repeated at every poll until it can, or
     * until the job is given up as lost.
     */
    @RolesAllowed({Roles.STUDENT, Roles.FELLOW, Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN, Roles.SYSTEM})
    public SchedulerJob cancel(UUID id) {
        SchedulerJob job = readTx.execute(s -> load(id));
        requireViewer(job);
        if (job.state().terminal()) {
            return job;
        }
        jdbc.update("UPDATE scheduler_job SET cancel_requested = TRUE WHERE id = ?", id.toString());
        if (job.slurmJobId() == null) {
            // Not handed over yet: the submitting thread sees the cancellation and withdraws the job.
            finish(id, JobState.CANCELLED, "job.reason.cancelled", null, null, clock.instant(), From.UNFINISHED);
            return load(id);
        }
        Optional<Endpoint> endpoint = connector.endpoint(factoryOf(id));
        if (endpoint.isPresent()) {
            try {
                connector.idempotent(endpoint.get(), c -> {
                    connector.api(endpoint.get()).cancel(c, job.slurmJobId());
                    return null;
                });
            } catch (SlurmException e) {
                log.warn("Job {}: cancelling Slurm job {} failed ({}); the poller tries again", id, job.slurmJobId(), e.getMessage());
                noteFailure(id, e);
                return load(id);
            }
        }
        return refresh(id);
    }

    /** Asks the scheduler where the job stands now and settles it when it ended. */
    @RolesAllowed({Roles.STUDENT, Roles.FELLOW, Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN, Roles.SYSTEM})
    public SchedulerJob refresh(UUID id) {
        SchedulerJob job = readTx.execute(s -> load(id));
        requireViewer(job);
        if (job.state().terminal()) {
            return job;
        }
        if (job.state() == JobState.SUBMITTING) {
            recoverSubmission(job);
            return load(id);
        }
        Optional<Endpoint> endpoint = connector.endpoint(factoryOf(id));
        if (endpoint.isEmpty()) {
            giveUp(job, "job.reason.no-scheduler", null);
            return load(id);
        }
        SlurmApi api;
        Optional<SlurmJobStatus> status;
        try {
            api = connector.api(endpoint.get());
            status = connector.idempotent(endpoint.get(), c -> api.job(c, job.slurmJobId()));
        } catch (SlurmException e) {
            noteFailure(id, e);
            Instant lastHeard = lastContact(id).orElse(job.createdAt());
            if (Duration.between(lastHeard, clock.instant()).compareTo(settings.lostAfter()) > 0) {
                giveUp(load(id), "job.reason.unreachable", e.getMessage());
            }
            return load(id);
        }
        if (status.isEmpty()) {
            giveUp(job, "job.reason.vanished", null);
            return load(id);
        }
        apply(job, status.get());
        SchedulerJob after = load(id);
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

    /** Polls every job that has not ended; the platform's scheduled poller calls it. Answers how many were polled. */
    @RolesAllowed(Roles.SYSTEM)
    public int pollActive() {
        List<String> active = jdbc.queryForList("SELECT id FROM scheduler_job WHERE state IN ('SUBMITTING', 'QUEUED', 'RUNNING')"
                + " ORDER BY created_at", String.class);
        int polled = 0;
        for (String id : active) {
            try {
                SchedulerJob job = load(UUID.fromString(id));
                // A submission in flight is left to its own thread until it is clearly stale.
                if (job.state() == JobState.SUBMITTING && job.createdAt().isAfter(clock.instant().minus(submissionWindow()))) {
                    continue;
                }
                refresh(job.id());
                polled++;
            } catch (RuntimeException e) {
                log.warn("Polling job {} failed", id, e);
            }
        }
        // Lost jobs of the last day that may still run on their factory.
        jdbc.query("SELECT id, slurm_job_id FROM scheduler_job WHERE state = 'LOST' AND cancel_requested = TRUE"
                        + " AND slurm_job_id IS NOT NULL AND ended_at > ?",
                rs -> {
                    cancelLost(UUID.fromString(rs.getString("id")), rs.getString("slurm_job_id"));
                }, Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
        return polled;
    }

    /** What the factory's scheduler reports for a partition right now. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN, Roles.SYSTEM})
    public PartitionCapacity capacity(FactoryId factoryId, String partition) {
        FactorySummary factory = factory(factoryId.value());
        Endpoint endpoint = connector.endpoint(factoryId.value())
                .orElseThrow(() -> new UserFacingException("job.no-scheduler", factory.name()));
        List<SlurmNode> nodes;
        try {
            nodes = connector.idempotent(endpoint, c -> connector.api(endpoint).nodes(c));
        } catch (SlurmException e) {
            throw new UserFacingException("job.scheduler-failed", factory.name(), e.getMessage());
        }
        List<SlurmNode> inPartition = nodes.stream().filter(n -> n.partitions().contains(partition)).toList();
        int usable = (int) inPartition.stream().filter(SlurmNode::usable).count();
        int gpus = inPartition.stream().mapToInt(SlurmNode::gpus).sum();
        int used = inPartition.stream().mapToInt(SlurmNode::gpusUsed).sum();
        int free = inPartition.stream().filter(SlurmNode::usable).mapToInt(n -> Math.max(0, n.gpus() - n.gpusUsed())).sum();
        return new PartitionCapacity(factory.slug(), partition, inPartition.size(), usable, gpus, used, free,
                clock.instant());
    }

    // ---- submission -------------------------------------------------------------------------

    /** Hands the job to the scheduler, repeating only what cannot have created it twice. */
    private void hand(UUID id, Endpoint endpoint, SlurmJobSubmission submission) {
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
        finish(id, JobState.FAILED, submitReason(last), detail(last.getMessage()), null, clock.instant(),
                From.UNFINISHED);
    }

    /** Records the scheduler's id; if the job was cancelled meanwhile, the scheduler's job is cancelled too. */
    private void handed(UUID id, Endpoint endpoint, String slurmId) {
        Instant now = clock.instant();
        int updated = jdbc.update("UPDATE scheduler_job SET slurm_job_id = ?, state = 'QUEUED', submitted_at = ?, last_contact_at = ?"
                + " WHERE id = ? AND state = 'SUBMITTING'", slurmId, Timestamp.from(now), Timestamp.from(now), id.toString());
        if (updated == 0) {
            jdbc.update("UPDATE scheduler_job SET slurm_job_id = ? WHERE id = ? AND slurm_job_id IS NULL", slurmId, id.toString());
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
        Optional<Endpoint> endpoint = connector.endpoint(factoryOf(job.id()));
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
                finish(job.id(), JobState.FAILED, "job.reason.not-submitted", null, null, clock.instant(),
                        From.UNFINISHED);
            }
        } catch (SlurmException e) {
            noteFailure(job.id(), e);
            if (job.createdAt().isBefore(clock.instant().minus(settings.lostAfter()))) {
                giveUp(job, "job.reason.unreachable", e.getMessage());
            }
        }
    }

    /** Longer than one submission can take with all its attempts. */
    private Duration submissionWindow() {
        return settings.connectTimeout().plus(settings.requestTimeout()).multipliedBy(2L * connector.attempts())
                .plus(settings.retryBackoff().multipliedBy(1L << Math.min(10, connector.attempts())));
    }

    // ---- state ------------------------------------------------------------------------------

    private void apply(SchedulerJob job, SlurmJobStatus status) {
        Instant now = clock.instant();
        String state = status.state();
        jdbc.update("UPDATE scheduler_job SET slurm_state = ?, last_contact_at = ?, failures = 0, nodes = ?, slurm_comment = ? WHERE id = ?",
                state, Timestamp.from(now), status.nodes().isBlank() ? null : cut(status.nodes(), 200),
                status.comment() == null || status.comment().isBlank() ? null : cut(status.comment(), 300), job.id().toString());
        switch (state) {
            case "PENDING", "REQUEUED", "REQUEUE_HOLD", "CONFIGURING" -> jdbc.update(
                    "UPDATE scheduler_job SET state = 'QUEUED', expected_start_at = ?, reason_key = ?, reason_detail = ?"
                            + " WHERE id = ? AND state IN ('QUEUED', 'RUNNING')",
                    status.startTime() == null ? null : Timestamp.from(status.startTime()),
                    status.stateReason().isBlank() ? null : "job.reason.waiting", detail(status.stateReason()), job.id().toString());
            case "RUNNING", "SUSPENDED", "COMPLETING" -> jdbc.update(
                    "UPDATE scheduler_job SET state = 'RUNNING', started_at = COALESCE(started_at, ?), expected_start_at = NULL,"
                            + " reason_key = NULL, reason_detail = NULL WHERE id = ? AND state IN ('QUEUED', 'RUNNING')",
                    Timestamp.from(status.startTime() == null ? now : status.startTime()), job.id().toString());
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
        finish(job.id(), state, reasonKey, detail, start, end, From.ACTIVE);
    }

    /**
     * Gives a job up: what it was seen running is consumed, the rest released. It may still be
     * running on the factory, so it stays marked for cancellation, which the poller repeats once the
     * scheduler answers again.
     */
    private void giveUp(SchedulerJob job, String reasonKey, String detail) {
        Instant lastSeen = lastContact(job.id()).orElse(clock.instant());
        jdbc.update("UPDATE scheduler_job SET cancel_requested = TRUE WHERE id = ?", job.id().toString());
        finish(job.id(), JobState.LOST, reasonKey, detail(detail), job.startedAt(), lastSeen, From.UNFINISHED);
    }

    /** Cancels on the factory what a lost job may still be running, once the scheduler answers again. */
    private void cancelLost(UUID id, String slurmJobId) {
        Optional<Endpoint> endpoint = connector.endpoint(factoryOf(id));
        if (endpoint.isEmpty()) {
            return;
        }
        try {
            connector.once(endpoint.get(), c -> {
                connector.api(endpoint.get()).cancel(c, slurmJobId);
                return null;
            });
            jdbc.update("UPDATE scheduler_job SET cancel_requested = FALSE WHERE id = ?", id.toString());
            log.info("Lost job {}: Slurm job {} cancelled on {}", id, slurmJobId, endpoint.get().factorySlug());
        } catch (SlurmException e) {
            log.debug("Lost job {}: cancelling Slurm job {} failed again: {}", id, slurmJobId, e.getMessage());
        }
    }

    /** The states a job may be ended from. */
    private enum From {
        ACTIVE("'QUEUED', 'RUNNING'"), UNFINISHED("'SUBMITTING', 'QUEUED', 'RUNNING'");

        private final String sql;

        From(String sql) {
            this.sql = sql;
        }
    }

    /**
     * Ends the job once (the state change is conditional, so a poller and a person refreshing at
     * the same time settle it once) and settles its hours in the same transaction.
     */
    private void finish(UUID id, JobState state, String reasonKey, String detail, Instant start, Instant end,
                        From from) {
        tx.executeWithoutResult(status -> {
            Map<String, Object> row = jdbc.queryForMap("SELECT allocation_id, owner_id, learner_run_id, gpus, reserved_hours, purpose"
                    + " FROM scheduler_job WHERE id = ? FOR UPDATE", id.toString());
            BigDecimal reserved = (BigDecimal) row.get("reserved_hours");
            int gpus = ((Number) row.get("gpus")).intValue();
            BigDecimal consumed = start == null || !end.isAfter(start) ? BigDecimal.ZERO.setScale(3)
                    : hours(gpus, Duration.between(start, end)).min(reserved);
            int updated = jdbc.update("UPDATE scheduler_job SET state = ?, reason_key = ?, reason_detail = ?, started_at = COALESCE(started_at, ?),"
                            + " ended_at = ?, consumed_hours = ?, expected_start_at = NULL WHERE id = ? AND state IN (" + from.sql + ")",
                    state.name(), reasonKey, cut(detail, DETAIL_MAX), start == null ? null : Timestamp.from(start), Timestamp.from(end),
                    consumed, id.toString());
            if (updated == 0) {
                return;
            }
            UUID allocation = UUID.fromString((String) row.get("allocation_id"));
            UUID actor = CurrentUser.id().map(AccountId::value).orElse(null);
            String purpose = (String) row.get("purpose");
            if (reserved.signum() > 0) {
                ledger.move(ledger.allocationAccount(allocation), QuotaEntryKind.RELEASED, reserved, "job:" + id + ":released", actor,
                        "Job ended (" + state.name().toLowerCase(java.util.Locale.ROOT) + "): " + purpose);
            }
            if (consumed.signum() > 0) {
                ledger.move(ledger.allocationAccount(allocation), QuotaEntryKind.CONSUMED, consumed.negate(), "job:" + id + ":consumed",
                        actor, "Job ran " + Duration.between(start, end).toMinutes() + " min on " + gpus + " GPUs: " + purpose);
            }
            if (row.get("learner_run_id") != null && reserved.signum() > 0) {
                var cap = ledger.learnerAccount(UUID.fromString((String) row.get("learner_run_id")),
                        UUID.fromString((String) row.get("owner_id")));
                ledger.move(cap, QuotaEntryKind.RELEASED, reserved, "job:" + id + ":learner-released", actor, "Lab ended: " + purpose);
                if (consumed.signum() > 0) {
                    ledger.move(cap, QuotaEntryKind.CONSUMED, consumed.negate(), "job:" + id + ":learner-consumed", actor,
                            "Lab ran " + Duration.between(start, end).toMinutes() + " min on " + gpus + " GPUs: " + purpose);
                }
            }
            log.info("Job {} ended {} ({}): {} GPU-hours consumed of {} reserved", id, state, reasonKey, consumed, reserved);
        });
    }

    private void noteFailure(UUID id, SlurmException e) {
        jdbc.update("UPDATE scheduler_job SET failures = failures + 1, reason_detail = ? WHERE id = ? AND state IN ('SUBMITTING', 'QUEUED', 'RUNNING')",
                cut(e.getMessage(), DETAIL_MAX), id.toString());
    }

    private Optional<Instant> lastContact(UUID id) {
        Timestamp at = jdbc.queryForObject("SELECT last_contact_at FROM scheduler_job WHERE id = ?", Timestamp.class, id.toString());
        return Optional.ofNullable(at).map(Timestamp::toInstant);
    }

    private UUID factoryOf(UUID jobId) {
        return UUID.fromString(jdbc.queryForObject("SELECT factory_id FROM scheduler_job WHERE id = ?", String.class, jobId.toString()));
    }

    // ---- checks -----------------------------------------------------------------------------

    private void validate(JobRequest request, PartitionSummary partition, AllocationEntity allocation) {
        if (request.purpose() == null || request.purpose().isBlank() || request.purpose().strip().length() > PURPOSE_MAX
                || request.purpose().chars().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("purpose", "job.invalid.purpose", PURPOSE_MAX);
        }
        if (request.script() == null || !request.script().startsWith("#!")
                || request.script().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > JobRequest.SCRIPT_MAX_BYTES
                || request.script().indexOf('\0') >= 0) {
            throw UserFacingException.onField("script", "job.invalid.script", JobRequest.SCRIPT_MAX_BYTES / 1024);
        }
        if (request.timeLimit() == null || request.timeLimit().toMinutes() < 1
                || request.timeLimit().compareTo(JobRequest.TIME_LIMIT_MAX) > 0) {
            throw UserFacingException.onField("timeLimit", "job.invalid.time-limit", JobRequest.TIME_LIMIT_MAX.toHours());
        }
        if (request.gpus() < 0 || request.gpus() > partition.gpusPerNode()) {
            throw UserFacingException.onField("gpus", "job.invalid.gpus", partition.gpusPerNode(), partition.name());
        }
        if (request.environment().size() > JobRequest.ENVIRONMENT_MAX || request.environment().entrySet().stream()
                .anyMatch(e -> !ENV_NAME.matcher(e.getKey()).matches() || e.getValue() == null || e.getValue().length() > ENV_VALUE_MAX
                        || e.getValue().indexOf('\0') >= 0)) {
            throw UserFacingException.onField("environment", "job.invalid.environment", JobRequest.ENVIRONMENT_MAX);
        }
        for (String name : new String[] {request.account(), request.reservation()}) {
            if (name != null && !SLURM_NAME.matcher(name).matches()) {
                throw UserFacingException.onField(name.equals(request.account()) ? "account" : "reservation", "job.invalid.name");
            }
        }
        if (request.memoryMb() < 0 || request.memoryMb() > 16L * 1024 * 1024) {
            throw UserFacingException.onField("memoryMb", "job.invalid.memory");
        }
        Instant end = clock.instant().plus(request.timeLimit());
        if (end.isAfter(allocation.validUntil().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw UserFacingException.onField("timeLimit", "job.invalid.validity", allocation.validUntil());
        }
    }

    private void requireViewer(SchedulerJob job) {
        if (CurrentUser.hasRole(Roles.SYSTEM) || CurrentUser.hasRole(Roles.ADMIN)) {
            return;
        }
        AccountId me = CurrentUser.requireId();
        if (job.owner().equals(me)) {
            return;
        }
        AllocationEntity allocation = allocations.findById(job.allocation().value()).orElseThrow();
        requireHolderOrOperator(allocation.requesterId(), allocation.factoryId());
    }

    private void requireHolderOrOperator(UUID holder, UUID factoryId) {
        if (CurrentUser.hasRole(Roles.SYSTEM) || CurrentUser.hasRole(Roles.ADMIN)) {
            return;
        }
        AccountId me = CurrentUser.requireId();
        if (holder.equals(me.value())) {
            return;
        }
        if (!registry.mayEdit(factory(factoryId))) {
            throw new AccessDeniedException("Job not visible to " + me);
        }
    }

    private FactorySummary factory(UUID id) {
        return readTx.execute(s -> factories.findById(id).map(FactoryEntity::toSummary))
                .orElseThrow(() -> new NotFoundException("factory.not-found"));
    }

    // ---- rows -------------------------------------------------------------------------------

    private static final String SELECT = "SELECT j.*, f.slug AS factory_slug FROM scheduler_job j JOIN ai_factory f ON f.id = j.factory_id";

    private SchedulerJob load(UUID id) {
        return jdbc.query(SELECT + " WHERE j.id = ?", this::row, id.toString()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("job.not-found"));
    }

    private SchedulerJob row(ResultSet rs, int n) throws SQLException {
        return new SchedulerJob(UUID.fromString(rs.getString("id")), rs.getString("factory_slug"), rs.getString("partition_name"),
                new AllocationId(UUID.fromString(rs.getString("allocation_id"))), new AccountId(UUID.fromString(rs.getString("owner_id"))),
                rs.getString("purpose"), rs.getInt("gpus"), Duration.ofMinutes(rs.getInt("time_limit_minutes")),
                JobState.valueOf(rs.getString("state")), rs.getString("slurm_job_id"), rs.getString("slurm_state"),
                rs.getString("reason_key"), rs.getString("reason_detail"), rs.getBigDecimal("reserved_hours"),
                rs.getBigDecimal("consumed_hours"), rs.getBoolean("cancel_requested"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "expected_start_at"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "ended_at"), rs.getString("nodes"),
                rs.getString("slurm_comment"));
    }


    static String jobName(UUID id) {
        return "academy-" + id;
    }

    private static BigDecimal hours(int gpus, Duration duration) {
        return BigDecimal.valueOf(gpus).multiply(BigDecimal.valueOf(duration.toSeconds()))
                .divide(BigDecimal.valueOf(3600), 3, RoundingMode.HALF_UP);
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
        return text == null || text.isBlank() ? null : cut(text, DETAIL_MAX);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
