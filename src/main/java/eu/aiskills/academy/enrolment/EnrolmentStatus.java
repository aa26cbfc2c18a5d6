package eu.aiskills.academy.enrolment;

import java.util.Locale;

/** Where a learner stands in a run. Only ENROLLED and COMPLETED hold a seat. */
public enum EnrolmentStatus {
    ENROLLED,
    WAITLISTED,
    CANCELLED,
    COMPLETED;

    public boolean active() {
        return this != CANCELLED;
    }

    public String messageKey() {
        return "enrolment.status." + name().toLowerCase(Locale.ROOT);
    }
}
