package eu.aiskills.academy.catalogue;

/** A run is scheduled until it is cancelled; its dates say whether it is past. */
public enum RunStatus {
    SCHEDULED,
    CANCELLED
}
