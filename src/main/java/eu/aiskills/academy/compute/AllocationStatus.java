package eu.aiskills.academy.compute;

import java.util.Locale;

/** Requested allocations are approved (possibly for fewer hours), rejected, or expire. */
public enum AllocationStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    EXPIRED;

    public String messageKey() {
        return "allocation.status." + name().toLowerCase(Locale.ROOT);
    }
}
