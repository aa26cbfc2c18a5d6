package eu.aiskills.academy.catalogue;

/** A course is no longer visible in the catalogue (archived, or back in draft). */
/**
 * @param version the course's version at the change, so that consumers keep the newest state
 *                whatever order they see the events in
 */
public record CourseWithdrawn(CourseId courseId, String slug, long version) {
}
