package eu.aiskills.academy.labs;

/**
 * A limit of a lab session that the learner's code reached, told to the learner in their
 * language: what happened, and what to do.
 */
public enum LabLimit {
    /** The session's memory: the kernel was stopped by the kernel's OOM killer and restarted. */
    MEMORY,
    /** The session's process count: the extra processes were stopped and the kernel restarted. */
    PROCESSES,
    /** The session's disk (home and /tmp together) is full. */
    DISK,
    /** The session's CPU time is used up: the session ends. */
    CPU_TIME;

    public String messageKey() {
        return "lab.limit." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
