package eu.aiskills.academy.labs;

import java.math.BigDecimal;
import java.time.Instant;

import eu.aiskills.academy.identity.AccountId;

/**
 * A learner's lab session.
 *
 * @param queuePosition 1 for the next to start, while queued; otherwise {@code null}
 * @param kernelState   the kernel's own state while running (idle, busy, starting, dead), otherwise {@code null}
 * @param endsAt        when it stops unless extended
 * @param reasonKey     translation key of why it stopped or failed
 * @param gpuHours      GPU-hours it used (GPUs x wall time; 0 in the local sandbox)
 */
public record LabSession(LabSessionId id, String labSlug, String labTitle, AccountId learner, LabLauncher launcher, LabSessionState state,
                         Integer queuePosition, String kernelState, String reasonKey, String reasonDetail, Instant createdAt,
                         Instant startedAt, Instant lastActivityAt, Instant endsAt, Instant stoppedAt, int gpus,
                         BigDecimal gpuHours, LabLimit limit) {
}
