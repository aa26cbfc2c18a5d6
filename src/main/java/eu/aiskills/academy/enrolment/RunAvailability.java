package eu.aiskills.academy.enrolment;

import eu.aiskills.academy.catalogue.RunId;

/**
 * Seats in a run as anyone may see them, and the signed-in person's own enrolment in it
 * ({@code null} for visitors and for people not enrolled).
 */
public record RunAvailability(RunId runId, int capacity, int taken, int waitlisted, LearnerCourse mine) {

    public int free() {
        return Math.max(0, capacity - taken);
    }
}
