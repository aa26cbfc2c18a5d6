package eu.aiskills.academy.enrolment;

import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.identity.AccountId;

/** A learner met a course's completion rules in a run. */
public record CourseCompleted(EnrolmentId enrolment, RunId run, CourseId course, AccountId learner) {
}
