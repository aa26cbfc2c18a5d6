package eu.aiskills.academy.talent;

import java.util.Locale;

/** Where an application stands in its posting's pipeline. */
public enum ApplicationStatus {
    SUBMITTED, SCREENING, INTERVIEW, OFFER, HIRED, REJECTED, WITHDRAWN;

    /** Still moving: the candidate may withdraw, the employer may move it. */
    public boolean active() {
        return this != HIRED && this != REJECTED && this != WITHDRAWN;
    }

    /** Where an employer may move an application to (not back to submitted, never withdrawn). */
    public boolean employerTarget() {
        return this != SUBMITTED && this != WITHDRAWN;
    }

    public String messageKey() {
        return "application.status." + name().toLowerCase(Locale.ROOT);
    }
}
