package eu.aiskills.academy.enrolment;

import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.identity.AccountId;

/** A learner took a seat in a run (directly, or by promotion from the waitlist). */
public record LearnerEnrolled(EnrolmentId enrolment, RunId run, CourseId course, AccountId learner, boolean promoted,
                              String courseTitle, String courseSlug) {
}
