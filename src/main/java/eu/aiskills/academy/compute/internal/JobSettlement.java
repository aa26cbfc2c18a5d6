package eu.aiskills.academy.compute.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import eu.aiskills.academy.compute.JobState;
import eu.aiskills.academy.compute.QuotaEntryKind;
import eu.aiskills.academy.compute.SchedulerJobId;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends a job once and settles its GPU-hours in the same transaction: what it ran (GPUs x time,
 * at most what was reserved) is consumed, the reservation released, on the allocation and, for a
 * learner's lab, on the learner's cap in the run (ADR 0012's lock order: job row, allocation, cap).
 */
@Component
public class JobSettlement {

    private static final Logger log = LoggerFactory.getLogger(JobSettlement.class);

    private final SchedulerJobStore store;
    private final Ledger ledger;
    private final TransactionTemplate tx;

    JobSettlement(SchedulerJobStore store, Ledger ledger, PlatformTransactionManager transactions) {
        this.store = store;
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** GPU-hours of {@code gpus} GPUs for a duration, to three decimals. */
    public static BigDecimal hours(int gpus, Duration duration) {
        return BigDecimal.valueOf(gpus).multiply(BigDecimal.valueOf(duration.toSeconds()))
                .divide(BigDecimal.valueOf(3600), 3, RoundingMode.HALF_UP);
    }

    /**
     * Ends the job (the state change is conditional, so a poller and a person refreshing at the
     * same time settle it once) and settles its hours; nothing happens when it had ended already.
     */
    public void finish(SchedulerJobId id, JobState state, String reasonKey, String detail, Instant start, Instant end,
                       SchedulerJobStore.EndedFrom from) {
        tx.executeWithoutResult(status -> {
            SchedulerJobStore.Costs job = store.lockForSettling(id);
            BigDecimal reserved = job.reservedHours();
            BigDecimal consumed = start == null || !end.isAfter(start) ? BigDecimal.ZERO.setScale(3)
                    : hours(job.gpus(), Duration.between(start, end)).min(reserved);
            if (!store.ended(id, state, reasonKey, detail, start, end, consumed, from)) {
                return;
            }
            UUID actor = CurrentUser.id().map(AccountId::value).orElse(null);
            var allocation = ledger.allocationAccount(job.allocation().value());
            if (reserved.signum() > 0) {
                ledger.move(allocation, QuotaEntryKind.RELEASED, reserved, "job:" + id + ":released", actor,
                        "Job ended (" + state.name().toLowerCase(Locale.ROOT) + "): " + job.purpose());
            }
            if (consumed.signum() > 0) {
                ledger.move(allocation, QuotaEntryKind.CONSUMED, consumed.negate(), "job:" + id + ":consumed", actor,
                        "Job ran " + Duration.between(start, end).toMinutes() + " min on " + job.gpus() + " GPUs: " + job.purpose());
            }
            if (job.learnerRun() != null && reserved.signum() > 0) {
                var cap = ledger.learnerAccount(job.learnerRun(), job.owner().value());
                ledger.move(cap, QuotaEntryKind.RELEASED, reserved, "job:" + id + ":learner-released", actor, "Lab ended: " + job.purpose());
                if (consumed.signum() > 0) {
                    ledger.move(cap, QuotaEntryKind.CONSUMED, consumed.negate(), "job:" + id + ":learner-consumed", actor,
                            "Lab ran " + Duration.between(start, end).toMinutes() + " min on " + job.gpus() + " GPUs: " + job.purpose());
                }
            }
            log.info("Job {} ended {} ({}): {} GPU-hours consumed of {} reserved", id, state, reasonKey, consumed, reserved);
        });
    }
}
