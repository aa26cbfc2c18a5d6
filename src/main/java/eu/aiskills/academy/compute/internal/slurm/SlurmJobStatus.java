package eu.aiskills.academy.compute.internal.slurm;

import java.time.Instant;

/**
 * A job as the scheduler reports it, independent of the API version.
 *
 * @param state       Slurm's base state name (PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, PREEMPTED, NODE_FAIL, ...)
 * @param stateReason Slurm's reason (Resources, Priority, NonZeroExitCode, ...), or empty
 * @param startTime   when it started running, or {@code null}
 * @param endTime     when it ended, or {@code null} while it has not
 * @param returnCode  the batch script's exit status, or {@code null}
 * @param signal      the signal that ended it, or 0
 */
public record SlurmJobStatus(String jobId, String name, String state, String stateReason, Instant startTime,
                             Instant endTime, Integer returnCode, int signal, String nodes, String comment) {
}
