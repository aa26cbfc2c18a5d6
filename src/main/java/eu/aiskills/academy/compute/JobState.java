package eu.aiskills.academy.compute;

import java.util.Locale;

/** Where a batch job on a factory's Slurm stands, as people see it. */
public enum JobState {
    /** Being handed to the scheduler. */
    SUBMITTING,
    /** Waiting in the factory's queue. */
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED,
    /** Ended by the factory to make room for a job of higher priority. */
    PREEMPTED,
    /** Ended by its time limit. */
    TIMED_OUT,
    /** Given up: the scheduler stopped answering for it, or no longer knows it. */
    LOST;

    public boolean terminal() {
        return this != SUBMITTING && this != QUEUED && this != RUNNING;
    }

    public String messageKey() {
        return "job.state." + name().toLowerCase(Locale.ROOT);
    }
}
