package eu.aiskills.academy.compute;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import eu.aiskills.academy.identity.AccountId;

/**
 * A batch job the platform submitted to a factory's Slurm.
 *
 * @param reasonKey       translation key of why it is in its state (for ended, queued or lost jobs), or {@code null}
 * @param reasonDetail    the scheduler's own words, or {@code null}
 * @param reservedHours   GPU-hours held for it while it may run (GPUs x time limit)
 * @param consumedHours   GPU-hours it used (GPUs x run time), once it ended
 * @param expectedStartAt the scheduler's estimate while it is queued, or {@code null}
 * @param comment         the job's Slurm comment (a lab's job writes where its notebook server listens there)
 */
public record SchedulerJob(
        SchedulerJobId id,
        String factorySlug,
        String partition,
        AllocationId allocation,
        AccountId owner,
        String purpose,
        int gpus,
        Duration timeLimit,
        JobState state,
        String slurmJobId,
        String slurmState,
        String reasonKey,
        String reasonDetail,
        BigDecimal reservedHours,
        BigDecimal consumedHours,
        boolean cancelRequested,
        Instant createdAt,
        Instant expectedStartAt,
        Instant startedAt,
        Instant endedAt,
        String nodes,
        String comment) {
}
