package eu.aiskills.academy.labs;

import java.util.Locale;

/** Where a lab session stands; always shown to its learner. */
public enum LabSessionState {
    /** Waiting for a free sandbox; the session shows its place in the queue. */
    QUEUED,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED,
    FAILED;

    public boolean over() {
        return this == STOPPED || this == FAILED;
    }

    public String messageKey() {
        return "lab.state." + name().toLowerCase(Locale.ROOT);
    }
}
