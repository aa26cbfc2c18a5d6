/**
 * Enrolment: learners' enrolments in course runs, capacity and waitlists, progress and
 * completion, and the verifiable credentials (Open Badges 3.0) issued at the end.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enrolment")
package eu.aiskills.academy.enrolment;
