package eu.aiskills.academy.enrolment;

import java.time.Instant;

import eu.aiskills.academy.identity.AccountId;

/** A learner in a run's roster or waitlist, for the run's instructors. */
public record RosterEntry(EnrolmentId id, AccountId learner, String name, EnrolmentStatus status,
                          Integer waitlistPosition, int lessonsDone, int lessonCount, Instant requestedAt,
                          Instant completedAt) {
}
