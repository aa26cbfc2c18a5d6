package eu.aiskills.academy.enrolment;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseRun;

/**
 * One of a learner's enrolments as the dashboard shows it: the run, the status, the place in the
 * waitlist (1 = next; null when not waitlisted), and the lessons done out of the lessons there are.
 */
public record LearnerCourse(
        EnrolmentId id,
        CourseRun run,
        EnrolmentStatus status,
        Integer waitlistPosition,
        Set<UUID> lessonsDone,
        int lessonCount,
        int requiredLessonCount,
        Instant requestedAt,
        Instant completedAt) {

    public LearnerCourse {
        lessonsDone = Set.copyOf(lessonsDone);
    }

    /** Share of lessons done, 0 to 1. */
    public double progress() {
        return lessonCount == 0 ? 0 : Math.min(1.0, (double) lessonsDone.size() / lessonCount);
    }
}
