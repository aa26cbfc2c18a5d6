package eu.aiskills.academy.compute;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.aiskills.academy.compute.internal.AllocationEntity;
import eu.aiskills.academy.compute.internal.AllocationRecords;
import eu.aiskills.academy.compute.internal.Factories;
import eu.aiskills.academy.compute.internal.FactoryEntity;
import eu.aiskills.academy.compute.internal.JobSettlement;
import eu.aiskills.academy.compute.internal.Ledger;
import eu.aiskills.academy.compute.internal.SchedulerJobStore;
import eu.aiskills.academy.compute.internal.SlurmJobTracking;
import eu.aiskills.academy.compute.internal.SchedulerJobStore.EndedFrom;
import eu.aiskills.academy.compute.internal.slurm.SlurmConnector;
import eu.aiskills.academy.compute.internal.slurm.SlurmConnector.Endpoint;
import eu.aiskills.academy.compute.internal.slurm.SlurmException;
import eu.aiskills.academy.compute.internal.slurm.SlurmJobSubmission;
import eu.aiskills.academy.compute.internal.slurm.SlurmNode;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>Long because a batch job's whole life (submit, cancel, poll, settle) is one state machine
 * whose guarantees are read side by side; its SQL, the Slurm tracking and the settlement are
 * already in internal.
 */
@Service
public class SchedulerJobs {

    private static final Logger log = LoggerFactory.getLogger(SchedulerJobs.class);
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern SLURM_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int PURPOSE_MAX = 200;
    private static final int ENV_VALUE_MAX = 4096;

    private final AllocationRecords allocations;
    private final Factories factories;
    private final Ledger ledger;
    private final SlurmConnector connector;
    private final FactoryRegistry registry;
    private final SchedulerJobStore store;
    private final SlurmJobTracking tracking;
    private final JobSettlement settlement;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final Clock clock;

    SchedulerJobs(AllocationRecords allocations, Factories factories, Ledger ledger, SlurmConnector connector,
                  FactoryRegistry registry, SchedulerJobStore store, SlurmJobTracking tracking, JobSettlement settlement,
                  PlatformTransactionManager transactions, Clock clock) {
        this.allocations = allocations;
        this.factories = factories;
        this.ledger = ledger;
        this.connector = connector;
        this.registry = registry;
        this.store = store;
        this.tracking = tracking;
        this.settlement = settlement;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
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
        SchedulerJobId id = SchedulerJobId.random();
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            store.insert(new SchedulerJobStore.NewJob(id, allocation.factoryId(), allocation.partition(), allocation.id(), owner,
                    request.learnerRun(), request.purpose().strip(), request.gpus(), minutes, reserved, now));
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
        tracking.hand(id, endpoint, submission);
        return load(id);
    }

    /** The job, for its owner, its allocation's holder, the factory's operators and administrators. */
    @RolesAllowed({Roles.STUDENT, Roles.FELLOW, Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN, Roles.SYSTEM})
    public SchedulerJob job(SchedulerJobId id) {
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
        return readTx.execute(s -> store.ofAllocation(allocation));
    }

    /**
     * Cancels a job. Its state follows from the scheduler (normally CANCELLED within seconds); when
     * the scheduler cannot be reached, the cancellation is repeated at every poll until it can, or
     * until the job is given up as lost.
     */
    @RolesAllowed({Roles.STUDENT, Roles.FELLOW, Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN, Roles.SYSTEM})
    public SchedulerJob cancel(SchedulerJobId id) {
        SchedulerJob job = readTx.execute(s -> load(id));
        requireViewer(job);
        if (job.state().terminal()) {
            return job;
        }
        store.cancelRequested(id, true);
        if (job.slurmJobId() == null) {
            // Not handed over yet: the submitting thread sees the cancellation and withdraws the job.
            settlement.finish(id, JobState.CANCELLED, "job.reason.cancelled", null, null, clock.instant(), EndedFrom.UNFINISHED);
            return load(id);
        }
        if (!tracking.cancelOnScheduler(job)) {
            return load(id);
        }
        return refresh(id);
    }

    /** Asks the scheduler where the job stands now and settles it when it ended. */
    @RolesAllowed({Roles.STUDENT, Roles.FELLOW, Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN, Roles.SYSTEM})
    public SchedulerJob refresh(SchedulerJobId id) {
        SchedulerJob job = readTx.execute(s -> load(id));
        requireViewer(job);
        if (job.state().terminal()) {
            return job;
        }
        return tracking.follow(job);
    }

    /** Polls every job that has not ended; the platform's scheduled poller calls it. Answers how many were polled. */
    @RolesAllowed(Roles.SYSTEM)
    public int pollActive() {
        int polled = 0;
        for (SchedulerJobId id : store.unfinished()) {
            try {
                SchedulerJob job = load(id);
                // A submission in flight is left to its own thread until it is clearly stale.
                if (job.state() == JobState.SUBMITTING && job.createdAt().isAfter(clock.instant().minus(tracking.submissionWindow()))) {
                    continue;
                }
                refresh(job.id());
                polled++;
            } catch (RuntimeException e) {
                log.warn("Polling job {} failed", id, e);
            }
        }
        // Lost jobs of the last day that may still run on their factory.
        for (SchedulerJobStore.LostJob lost : store.lostToCancel(clock.instant().minus(Duration.ofDays(1)))) {
            tracking.cancelLost(lost.id(), lost.slurmJobId());
        }
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

    private SchedulerJob load(SchedulerJobId id) {
        return store.load(id);
    }

    static String jobName(SchedulerJobId id) {
        return SlurmJobTracking.jobName(id);
    }

    private static BigDecimal hours(int gpus, Duration duration) {
        return JobSettlement.hours(gpus, duration);
    }

}
