/**
 * Enrolment: learners' enrolments in course runs, capacity and waitlists, progress and
 * completion, and the verifiable credentials (Open Badges 3.0) issued at the end. Root: the API
 * ({@code Enrolments} for seats and waitlists, {@code LessonProgress} for lessons done and
 * completion, {@code Rosters} for instructors, {@code Credentials}); {@code internal}: JPA
 * entities and repositories, the credential keys and issuing; {@code ui}: the views (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enrolment")
package eu.aiskills.academy.enrolment;
